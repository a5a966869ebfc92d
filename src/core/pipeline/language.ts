/** Language identification is injected: the kernel does no I/O, and the model loader lives in models/. */
export interface LanguageGuess {
  /** ISO 639-1 where one exists (en, ru, uk, kk, zh ...), else ISO 639-3; `und` when unknown. */
  readonly language: string;
  readonly confidence: number;
  /** Probabilities of the identifier's top candidates, the chosen one included (where it gives them). */
  readonly alternatives?: Readonly<Record<string, number>>;
}

export type LanguageIdentifier = (text: string) => LanguageGuess | Promise<LanguageGuess>;

/** Identification overrides a record's stated language only when at least this sure of another... */
export const SURE_OF_OTHER = 0.5;
/**
 * ...and when it gives the stated language less than this: close languages (Ukrainian and Russian, Czech
 * and Slovak) share much of their n-grams, so a stated language that identification still finds plausible
 * is kept. English claim summaries stated as "Russian" get ru a probability below 0.01.
 */
export const PLAUSIBLE = 0.05;

/** The chosen language, and the stated one it replaced when identification overrode a record's metadata. */
export interface LanguageChoice extends LanguageGuess {
  /** How the language was chosen: the caller's word, the record's metadata, or identification. */
  readonly by: 'given' | 'declared' | 'identified';
  /** The record's stated language that identification overrode. */
  readonly overrode?: string;
}

/**
 * Picks the language: the caller's word first; then the record's stated language, unless identification
 * is sure of another and finds the stated one implausible (SURE_OF_OTHER, PLAUSIBLE); then the identifier;
 * else `und`.
 */
export async function chooseLanguage(text: string, given: string | undefined, identify?: LanguageIdentifier, declared?: string): Promise<LanguageChoice> {
  if (given) return { language: given.toLowerCase(), confidence: 1, by: 'given' };
  const stated = declared?.trim().toLowerCase() || undefined;
  if (!identify || text.trim().length === 0) return stated ? { language: stated, confidence: 1, by: 'declared' } : { language: 'und', confidence: 0, by: 'identified' };
  const guess = await identify(text);
  if (!stated) return { language: guess.language, confidence: guess.confidence, by: 'identified' };
  const other = guess.language !== 'und' && primaryTag(guess.language) !== primaryTag(stated);
  if (other && guess.confidence >= SURE_OF_OTHER && (guess.alternatives?.[primaryTag(stated)] ?? 0) < PLAUSIBLE) return { language: guess.language, confidence: guess.confidence, by: 'identified', overrode: stated };
  return { language: stated, confidence: 1, by: 'declared' };
}

export function primaryTag(language: string): string {
  return language.split(/[-_]/u)[0]?.toLowerCase() ?? language;
}
