/**
 * Words that mark a document as a rebuttal of claims (in a title or heading). Layouts without label words
 * (numbered items, unlabelled questions, prose) are only recognised when such a cue is present, so that an
 * ordinary numbered list or an interview is never read as a ledger.
 */
import type { Block } from '../../../core/segment/types.js';

export const REBUTTAL_CUE =
  /\bmyths?\b|\bdebunk|\bfakes?\b|\bfalse (?:claims?|narratives?|statements?)|\blies\b|\bdisinformation\b|\bmisinformation\b|\bmisconceptions?\b|\bfact[- ]?check|\brumou?rs?\b|\bmyth-?bust|мифы?\b|мифов|фейк|ложь|лжи|опроверж|развенч|міф|брехн|спростув|Mythen|Mythos|Falschbehauptung|Fakes?\b|Irrtümer|Lügen|mythes?\b|idées reçues|intox|contre-vérités|mitos?\b|bulos?\b|falsedades|mentiras|谣言|辟谣|误区|谎言/iu;

/** Whether the title (first blocks) or any heading of the document carries a rebuttal cue. */
export function hasRebuttalCue(text: string, blocks: readonly Block[]): boolean {
  return blocks.some((b, i) => (i < 3 || b.kind === 'heading') && REBUTTAL_CUE.test(text.slice(b.start, b.end)));
}
