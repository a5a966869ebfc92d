/**
 * Glue between mention finding and role features: one prepared document (its mentions, entity groups and
 * feature context), then features for any span — one of our own mentions or one given from outside
 * (`narrascope predict roles --mentions`), which joins the entity group its text names.
 */
import type { Segments } from '../../core/segment/types.js';
import type { Span } from '../../core/text/span.js';
import { entityKey } from './gazetteer.js';
import { findMentions, groupMentions, type EntityGroup, type FoundMention } from './mentions.js';
import {
  documentContext,
  mergeFeatureParts,
  mentionFeatureParts,
  type DocumentFeatureContext,
  type FeatureVector,
  type MentionFeatureParts,
  type WordFeatureFilter,
} from './role-features.js';

export interface PreparedFramingDocument {
  readonly text: string;
  readonly context: DocumentFeatureContext;
  readonly mentions: readonly FoundMention[];
  readonly groups: readonly EntityGroup[];
  /** mention key → group, including keys merged into another group. */
  readonly groupOf: ReadonlyMap<string, EntityGroup>;
}

/**
 * `keep`: build only the word features a model has weights for (see `WordFeatureFilter`); its predictions
 * are the same, the vectors are not the full ones (training and explanations leave it out).
 */
export function prepareFramingDocument(text: string, segments: Segments, keep: WordFeatureFilter | null = null): PreparedFramingDocument {
  const mentions = findMentions(text, segments);
  const groups = groupMentions(text, mentions);
  const groupOf = new Map<string, EntityGroup>();
  for (const g of groups) {
    groupOf.set(g.key, g);
    for (const m of g.mentions) groupOf.set(m.key, g);
  }
  const keyed = mentions.map((m) => ({ span: m, key: groupOf.get(m.key)?.key ?? m.key, type: m.type }));
  return { text, context: documentContext(segments, text, keyed, keep), mentions, groups, groupOf };
}

/** Features of an arbitrary span, grouped with the document's mentions of the same entity. */
export function mentionFeaturesForSpan(doc: PreparedFramingDocument, span: Span): FeatureVector {
  return mergeFeatureParts(mentionFeaturePartsForSpan(doc, span));
}

/** `mentionFeaturesForSpan` as its two parts (see `mentionFeatureParts`), for fast prediction. */
export function mentionFeaturePartsForSpan(doc: PreparedFramingDocument, span: Span): MentionFeatureParts {
  const k = entityKey(doc.text.slice(span.start, span.end));
  const group = doc.groupOf.get(k.key);
  // The group's mentions: one shared array per entity, so its pooled features are computed once, and the
  // objects its local features are memoised by.
  let spans: readonly Span[] = group ? group.mentions : [];
  if (!isAmong(spans, span) && !spans.some((s) => s.start < span.end && span.start < s.end)) spans = [...spans, span];
  return mentionFeatureParts(doc.context, { span, key: group?.key ?? k.key, type: group?.type ?? k.type }, spans);
}

/** Groups with more mentions than this are looked up in a set (below it, the scan is cheaper than the set). */
const LONG_GROUP = 32;
const memberSets = new WeakMap<readonly Span[], ReadonlySet<Span>>();

/**
 * Whether `span` is itself one of a long group's mentions (then it overlaps the group, as the scan would
 * find). Why: the scan over the group for each of its mentions was quadratic in one entity's mentions
 * (32,000 of one name on a line: 1.6 s of framing, ×2.4 per doubling; the 10 MiB input limit allows about
 * a million).
 */
function isAmong(spans: readonly Span[], span: Span): boolean {
  if (spans.length <= LONG_GROUP || span.end <= span.start) return false;
  let members = memberSets.get(spans);
  if (!members) memberSets.set(spans, (members = new Set(spans)));
  return members.has(span);
}
