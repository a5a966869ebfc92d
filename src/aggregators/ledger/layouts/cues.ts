/**
 * Words that mark a document as a rebuttal of claims (in a title or heading). Layouts without label words
 * (numbered items, unlabelled questions, prose) are only recognised when such a cue is present, so that an
 * ordinary numbered list or an interview is never read as a ledger.
 */
import type { Block } from '../../../core/segment/types.js';
import { BoundaryPattern } from '../../../core/segment/word-boundary.js';

export const REBUTTAL_CUE =
  /(?<![\p{L}\p{N}])myths?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}])debunk|(?<![\p{L}\p{N}])fakes?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}])false (?:claims?|narratives?|statements?)|(?<![\p{L}\p{N}])lies(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])disinformation(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])misinformation(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])misconceptions?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}])fact[- ]?check|(?<![\p{L}\p{N}])rumou?rs?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}])myth-?bust|мифы?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|мифов|фейк|ложь|лжи|опроверж|развенч|міф|брехн|спростув|Mythen|Mythos|Falschbehauptung|Fakes?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|Irrtümer|Lügen|mythes?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|idées reçues|intox|contre-vérités|mitos?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|bulos?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|falsedades|mentiras|谣言|辟谣|误区|谎言/iu;

/** Narrower cue for numbered lists: the title must promise a list of myths or false claims, not tips about fakes. */
export const LIST_CUE =
  /(?<![\p{L}\p{N}])myths(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])misconceptions(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])fakes(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])lies(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])false claims(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])falsehoods(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])false narratives(?![\p{L}\p{N}])|мифы|мифов|фейки|фейков|міфи|міфів|фейків|Mythen|Irrtümer|Falschbehauptungen|mythes|idées reçues|contre-vérités|mitos|bulos|falsedades|谣言|误区|谎言/iu;

/** The cues run through BoundaryPattern: the same answers, far sooner. */
const FAST = new Map<RegExp, BoundaryPattern>([
  [REBUTTAL_CUE, new BoundaryPattern(REBUTTAL_CUE)],
  [LIST_CUE, new BoundaryPattern(LIST_CUE)],
]);

/** Answers already given for a document's blocks: the layouts ask the same question of one document in turn. */
const ANSWERS = new WeakMap<readonly Block[], { readonly text: string; readonly byCue: Map<RegExp, boolean> }>();

/** Whether the title (first blocks) or any heading of the document carries a rebuttal cue. */
export function hasRebuttalCue(text: string, blocks: readonly Block[], cue: RegExp = REBUTTAL_CUE): boolean {
  // A global or sticky pattern keeps state between calls: always asked afresh.
  const stateless = !cue.global && !cue.sticky;
  let answers = ANSWERS.get(blocks);
  if (!answers || answers.text !== text) ANSWERS.set(blocks, (answers = { text, byCue: new Map() }));
  const known = stateless ? answers.byCue.get(cue) : undefined;
  if (known !== undefined) return known;
  const test = stateless ? (FAST.get(cue) ?? cue) : cue;
  const found = blocks.some((b, i) => (i < 3 || b.kind === 'heading') && test.test(text.slice(b.start, b.end)));
  if (stateless) answers.byCue.set(cue, found);
  return found;
}
