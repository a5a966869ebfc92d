/** Language identification is injected: the kernel does no I/O, and the model loader lives in models/. */
export interface LanguageGuess {
  /** ISO 639-1 where one exists (en, ru, uk, kk, zh ...), else ISO 639-3; `und` when unknown. */
  readonly language: string;
  readonly confidence: number;
}

export type LanguageIdentifier = (text: string) => LanguageGuess | Promise<LanguageGuess>;

/** Picks the language: the caller's word first, then the identifier, else `und`. */
export async function chooseLanguage(text: string, given: string | undefined, identify?: LanguageIdentifier): Promise<LanguageGuess> {
  if (given) return { language: given.toLowerCase(), confidence: 1 };
  if (!identify || text.trim().length === 0) return { language: 'und', confidence: 0 };
  return identify(text);
}

export function primaryTag(language: string): string {
  return language.split(/[-_]/u)[0]?.toLowerCase() ?? language;
}
