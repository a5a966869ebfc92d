/**
 * Narrative labels for a document and its paragraphs, from every taxonomy in play: the built-in
 * SemEval-2025 taxonomy (trained model, English), the built-in cross-domain `infowar` taxonomy and any user
 * taxonomies (keyword evidence, any language the keywords are written in). Each taxonomy either gives
 * labels with their paragraphs, support sentences and cues, or answers `Other` — never a forced label.
 */
import type { Aggregator } from '../../core/aggregate/types.js';
import type { NarrativeLabel } from '../../core/result/types.js';
import { builtinNarrativeModel } from '../../models/narrative/builtin.js';
import { builtinTaxonomies, semeval2025Taxonomy } from '../../taxonomy/builtin/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import { classifyByKeywords, DEFAULT_KEYWORD_SCORING, type TextLayout } from './keyword-classifier.js';
import { KeywordIndex } from '../../taxonomy/keyword-index.js';
import { classifyWithModel } from './model-classifier.js';

export interface NarrativeAggregatorOptions {
  /** Extra (user) taxonomies, matched by keywords after the built-in ones. */
  readonly taxonomies?: readonly Taxonomy[];
  /** Include the built-in taxonomies (default true). */
  readonly builtins?: boolean;
}

export function createNarrativeAggregator(options: NarrativeAggregatorOptions = {}): Aggregator {
  const taxonomies = [
    ...(options.builtins === false ? [] : builtinTaxonomies),
    ...(options.taxonomies ?? []),
  ];
  const ids = new Set<string>();
  for (const t of taxonomies) {
    if (ids.has(t.id)) {
      throw new Error(
        `two taxonomies share the id "${t.id}"; give the user taxonomy a different \`id\` (built-in ids: ${builtinTaxonomies.map((b) => b.id).join(', ')})`,
      );
    }
    ids.add(t.id);
  }
  const indexes = new Map(taxonomies.map((t) => [t.id, new KeywordIndex(t)]));
  return {
    meta: {
      id: 'narrative/narratives',
      version: '1.1.0',
      family: 'narrative',
      description:
        'Multi-label narrative classification of the document and its paragraphs against the built-in and user taxonomies.',
      produces: ['narratives'],
      taxonomy: taxonomies.map((t) => `${t.id}@${t.version}`),
      options: {
        keywordThreshold: {
          type: 'number',
          default: DEFAULT_KEYWORD_SCORING.threshold,
          min: 0.05,
          max: 0.99,
          description:
            'Minimum keyword-evidence score for a label of a taxonomy without a trained model (infowar, user taxonomies).',
        },
        shortTextThreshold: {
          type: 'number',
          default: DEFAULT_KEYWORD_SCORING.shortText.threshold,
          min: 0.05,
          max: 0.99,
          description: `The same minimum for a claim-length text (${DEFAULT_KEYWORD_SCORING.shortText.words} words or fewer), where one multi-word keyword is strong evidence; never above keywordThreshold.`,
        },
        maxSupport: {
          type: 'number',
          default: 5,
          min: 1,
          max: 50,
          description: 'Most support sentences reported per label.',
        },
      },
    },
    aggregate(ctx) {
      const layout: TextLayout = {
        text: ctx.text,
        blocks: ctx.segments.blocks,
        sentences: ctx.segments.sentences,
      };
      const scoring = {
        ...DEFAULT_KEYWORD_SCORING,
        threshold: Number(ctx.options.keywordThreshold),
        shortText: { ...DEFAULT_KEYWORD_SCORING.shortText, threshold: Number(ctx.options.shortTextThreshold) },
        maxSupport: Number(ctx.options.maxSupport),
      };
      const english = ctx.language === 'en' || ctx.language === 'und' || ctx.language.startsWith('en-');
      const narratives: NarrativeLabel[] = [];
      const warnings: string[] = [];
      for (const t of taxonomies) {
        const index = indexes.get(t.id)!;
        if (t === semeval2025Taxonomy) {
          if (!english) {
            warnings.push(
              `narratives: the ${t.id} model is trained on English only; skipped for language "${ctx.language}"`,
            );
            continue;
          }
          const { model, profiles } = builtinNarrativeModel();
          narratives.push(
            ...classifyWithModel(model, profiles, index, layout, { maxParagraphs: scoring.maxSupport }),
          );
          continue;
        }
        const labels = classifyByKeywords(t, index, layout, scoring);
        narratives.push(
          ...(labels.length
            ? labels
            : [
                {
                  taxonomy: t.id,
                  label: 'Other',
                  level: 'coarse' as const,
                  score: 1,
                  paragraphs: [],
                  support: [],
                },
              ]),
        );
      }
      return { narratives, warnings };
    },
  };
}

/** The default aggregator: built-in taxonomies only. */
export const narrativeAggregator: Aggregator = createNarrativeAggregator();
