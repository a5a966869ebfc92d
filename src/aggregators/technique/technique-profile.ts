/**
 * The document's technique profile and paragraph summary: how many findings of each technique the document
 * has and how dense they are (per 1,000 words), and which techniques each paragraph uses. Paragraph labels
 * follow the rule the model was tuned with (the paragraph stack, or a first-stage rule); the span side reads
 * the technique findings that survived the user's thresholds.
 */
import type { Aggregator } from '../../core/aggregate/types.js';
import type { ParagraphTechniques, TechniqueProfileEntry } from '../../core/result/types.js';
import { TECHNIQUE_LABELS } from '../../models/technique/labels.js';
import { loadTechniqueModel } from '../../models/technique/load.js';
import { paragraphTechniques, tokenRange } from '../../models/technique/model.js';
import { techniqueAnalysis, techniqueRan } from '../../models/technique/run.js';

export const techniqueProfile: Aggregator = {
  meta: {
    id: 'technique/profile',
    version: '1.0.0',
    description: 'Technique profile of the document (counts, density per 1,000 words) and the techniques of each paragraph.',
    produces: ['techniques'],
    family: 'technique',
    options: {
      paragraphModel: {
        type: 'boolean',
        default: true,
        description: 'Label paragraphs with the trained paragraph rule (English only); false: only from the findings.',
      },
    },
  },
  aggregate(ctx) {
    const words = ctx.segments.tokens.reduce((n, t) => n + (t.kind === 'word' ? 1 : 0), 0);
    const findings = ctx.findings.filter((f) => f.family === 'technique' && typeof f.data.technique === 'string');
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.data.technique as string, (counts.get(f.data.technique as string) ?? 0) + 1);
    const order = (l: string): number => TECHNIQUE_LABELS.indexOf(l);
    const profile: TechniqueProfileEntry[] = [...counts]
      .sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]))
      .map(([technique, count]) => ({ technique, count, density: words > 0 ? Math.round((count / words) * 1000 * 100) / 100 : 0 }));

    // The paragraph model only runs where the technique detectors did (not in a ledger-only analysis).
    // Paragraph labels of the trained techniques come from the model's paragraph rule (as in evaluation and
    // `predict paragraphs`); those of the pattern-based techniques, and all of them when the model is off,
    // from the findings. The model runs only where the technique detectors did (not in a ledger-only run).
    const useModel = ctx.options.paragraphModel !== false && ctx.language === 'en' && techniqueRan(ctx.shared);
    const model = useModel ? loadTechniqueModel() : null;
    const run = model ? techniqueAnalysis(ctx) : null;
    // Findings whose technique labels paragraphs directly: all of them without the model, else those of the
    // techniques it does not know (chosen once, not again for every block).
    const fromFindings = model ? findings.filter((f) => !model.classifier.outputs.includes(f.data.technique as string)) : findings;
    const paragraphs: ParagraphTechniques[] = [];
    for (const block of ctx.segments.blocks) {
      // Made when the block has a label (most have none).
      let labels: Set<string> | undefined;
      for (const f of fromFindings) {
        if (f.span.start < block.end && f.span.end > block.start) (labels ??= new Set<string>()).add(f.data.technique as string);
      }
      if (model && run) {
        const { a, b } = tokenRange(run.fd, block.start, block.end);
        for (const [label] of paragraphTechniques(model, run, a, b, block.start, block.end)) (labels ??= new Set<string>()).add(label);
      }
      if (labels && labels.size > 0) paragraphs.push({ block: block.index, techniques: [...labels].sort((x, y) => order(x) - order(y)) });
    }
    return { techniques: { profile, paragraphs, words } };
  },
};
