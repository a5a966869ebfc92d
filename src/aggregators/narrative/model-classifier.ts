/**
 * Classifies a document against the SemEval-2025 taxonomy with the trained model (models/narrative/):
 * the document-level decision comes from predict.ts; each chosen label then gets the paragraphs whose own
 * text scores highest for it, and support sentences with the words that pushed the label up (model cues
 * and taxonomy keywords). No narrative → a single `Other` label.
 */
import type { NarrativeLabel, NarrativeSupport } from '../../core/result/types.js';
import type { NarrativeModel } from '../../models/narrative/model.js';
import { predictNarratives, type LabelProfiles } from '../../models/narrative/predict.js';
import { sigmoid } from '../../models/narrative/model.js';
import type { KeywordIndex } from '../../taxonomy/keyword-index.js';
import type { TextLayout } from './keyword-classifier.js';
import { firstAtLeast } from '../../core/lower-bound.js';

export interface ModelClassifierOptions {
  /** Most paragraphs and support sentences reported per label. */
  readonly maxParagraphs: number;
}

export function classifyWithModel(
  model: NarrativeModel,
  profiles: LabelProfiles,
  keywords: KeywordIndex,
  layout: TextLayout,
  o: ModelClassifierOptions = { maxParagraphs: 3 },
): NarrativeLabel[] {
  const taxonomy = profiles.taxonomy;
  const prediction = predictNarratives(model, profiles, layout.text);
  if (!prediction.hasNarrative) {
    return [
      {
        taxonomy: taxonomy.id,
        label: 'Other',
        level: 'coarse',
        score: round(1 - prediction.narrativeScore),
        paragraphs: [],
        support: [],
      },
    ];
  }
  const blocks = layout.blocks.map((b) => ({
    block: b,
    x: model.vectorizeRange(layout.text, b.start, b.end),
  }));
  const prior = model.data.thresholds.prior;
  // Paragraph scores use the head and the taxonomy prior only: neighbour votes describe whole documents.
  const blockScore = (label: string, i: number): number => {
    const { x } = blocks[i]!;
    return x.size ? sigmoid(model.logit(label, x) + prior * profiles.similarity(label, x)) : 0;
  };
  const hits = keywords.match(layout.text);
  const out: NarrativeLabel[] = [];
  const labels = [
    ...prediction.coarse.map((l) => ({ ...l, level: 'coarse' as const })),
    ...prediction.fine.map((l) => ({ ...l, level: 'fine' as const })),
  ];
  for (const l of labels) {
    // "X: Other" has no head of its own: its evidence is the parent's.
    const head = l.label.endsWith(': Other') ? l.label.slice(0, -': Other'.length) : l.label;
    const ranked = blocks
      .map((_, i) => ({ i, score: blockScore(head, i) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, o.maxParagraphs);
    const support: NarrativeSupport[] = [];
    for (const r of ranked) {
      const block = blocks[r.i]!.block;
      const cues = model.cuesInRange(head, layout.text, block.start, block.end, 4);
      const kw = hits.filter(
        (h) => (h.label === head || h.label === l.label) && h.start >= block.start && h.end <= block.end,
      );
      const anchors = [...cues.flatMap((c) => c.occurrences.slice(0, 1)), ...kw];
      const sentence = bestSentence(
        layout,
        block.start,
        block.end,
        anchors.map((a) => a.start),
      );
      const cueWords = [
        ...new Set([
          ...kw.map((h) => layout.text.slice(h.start, h.end)),
          ...cues.map((c) => layout.text.slice(c.occurrences[0]!.start, c.occurrences[0]!.end)),
        ]),
      ];
      support.push({
        span: {
          text: layout.text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
        },
        score: round(r.score),
        cues: cueWords.slice(0, 6),
      });
    }
    out.push({
      taxonomy: taxonomy.id,
      label: l.label,
      level: l.level,
      score: round(l.score),
      paragraphs: ranked.map((r) => blocks[r.i]!.block.index).sort((a, b) => a - b),
      support: support.sort((a, b) => a.span.start - b.span.start),
    });
  }
  return out;
}

/** The sentence of a block holding most of the cue positions (the block itself when it has no sentences). */
function bestSentence(
  layout: TextLayout,
  start: number,
  end: number,
  anchors: readonly number[],
): { start: number; end: number } {
  const sentences = layout.sentences.filter((s) => s.start >= start && s.end <= end);
  let best: { start: number; end: number } = { start, end };
  let bestCount = -1;
  // Anchors counted by binary search in their sorted list: filtering all anchors for each sentence was
  // sentences × anchors, quadratic in a long one-block text (a 1 MB line: ~2 s here).
  const sorted = Float64Array.from(anchors).sort();
  for (const s of sentences) {
    const n = firstAtLeast(sorted, s.end) - firstAtLeast(sorted, s.start);
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
