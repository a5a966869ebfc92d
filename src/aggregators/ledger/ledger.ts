/**
 * The narrative ledger (DESIGN.md §1): one item per countered claim of a rebuttal-format document — claim,
 * who it is attributed to, the motive ascribed, the full rebuttal, the verdict, the evidence the rebuttal
 * rests on — from any side, in any of the recognised layouts. Layout recognisers live in `layouts/`, one
 * file per family; they are tried in order and the first that accepts the document wins. A document is a
 * ledger only with at least two consistently labelled items, or one clearly labelled fact-check item.
 * Document-level observations (straw-man risk, unsupported rebuttals, partial items) are emitted as findings.
 */
import type { Aggregator } from '../../core/aggregate/types.js';
import type { Signal } from '../../core/finding/types.js';
import type { LedgerItem } from '../../core/result/types.js';
import { contains, type Span } from '../../core/text/span.js';
import { buildItem, SOURCE_KINDS, type DocumentAttribution } from './build-item.js';
import { readInputs, within, type Inputs, type RawItem } from './inputs.js';
import { inlineNumbered } from './layouts/inline-numbered.js';
import { labelledFields } from './layouts/labelled-fields.js';
import { prose } from './layouts/prose.js';
import { questionAnswer } from './layouts/question-answer.js';
import { splitList } from './layouts/split-list.js';

type Layout = (inp: Inputs) => { items: RawItem[]; reason: string };
const LABEL_LAYOUTS = new Set(['split-list', 'labelled-fields']);
/** Most specific first: split lists consume the labels the field layout would otherwise misread. */
const LAYOUTS: readonly [string, Layout][] = [
  ['split-list', splitList],
  ['labelled-fields', labelledFields],
  ['question-answer', questionAnswer],
  ['inline-numbered', inlineNumbered],
  ['prose', prose],
];

export const ledger: Aggregator = {
  meta: {
    id: 'ledger/ledger',
    version: '1.1.0',
    family: 'ledger',
    description:
      'Builds the rebuttal ledger: countered claims with attribution, motive, rebuttal, verdict and evidence.',
    produces: ['rebuttals', 'findings'],
    messages: {
      'broad-attribution': 'Claim attributed to a broad group ("{{holder}}") without a quotation or source.',
      'unsupported-rebuttal': 'Rebuttal states its point without citing a source.',
      'partial-item': 'Ledger item {{item}} is incomplete: no {{missing}} found (the text may be cut).',
    },
    taxonomy: [],
  },
  aggregate(ctx) {
    const inp = readInputs(ctx.text, ctx.segments.blocks, ctx.findings);
    // Label-based layouts may share a page (a table of myths, then labelled items): their items are merged
    // where they do not overlap. The cue-based layouts only run on pages without labelled items.
    let raw: RawItem[] = [];
    for (const [name, layout] of LAYOUTS) {
      if (raw.length > 0 && !LABEL_LAYOUTS.has(name)) break;
      const earlier = raw;
      raw = [
        ...earlier,
        ...layout(inp).items.filter(
          (item) => !earlier.some((r) => r.span.start < item.span.end && item.span.start < r.span.end),
        ),
      ];
    }
    if (raw.length === 0) return { rebuttals: [] };
    raw.sort((a, b) => a.span.start - b.span.start);
    const docAttribution = documentAttribution(inp, raw);
    const items = raw.map((r, i) => buildItem(inp, r, i + 1, docAttribution));
    return { rebuttals: items, signals: observations(inp, items) };
  },
};

/** The holder named once for the whole document, outside the items (usually in the introduction). */
function documentAttribution(inp: Inputs, raw: readonly RawItem[]): DocumentAttribution | null {
  // Items are sorted and do not overlap: an attribution is inside one only if inside the last item starting before it.
  const starts = raw.map((r) => r.span.start);
  const inside = (a: Span): boolean => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= a.start) lo = mid + 1;
      else hi = mid;
    }
    const r = raw[lo - 1];
    return r !== undefined && contains(r.span, a);
  };
  const outside = inp.attributions.filter((a) => !inside(a.span));
  // Prefer what the introduction says (before the first item), and explicit patterns over "X claims that".
  const firstItem = Math.min(...raw.map((r) => r.span.start));
  const rank = (a: (typeof outside)[number]): number =>
    (a.span.start < firstItem ? 0 : 2) + (a.data.pattern === 'claim-verb' ? 1 : 0);
  const pick = [...outside].sort((a, b) => rank(a) - rank(b) || a.span.start - b.span.start)[0];
  if (!pick) return null;
  return {
    span: { start: pick.span.start, end: pick.span.end },
    broad: pick.data.broad === true,
    findingId: pick.id,
  };
}

function observations(inp: Inputs, items: readonly LedgerItem[]): Signal[] {
  const out: Signal[] = [];
  for (const item of items) {
    const name = item.index ?? item.id;
    if (item.claim && item.attributedTo) {
      const broad = item.flags.includes('broad-attribution');
      const claimSpan: Span = item.claim;
      const sourced = within(inp.evidence, claimSpan).some((e) =>
        ['quote', 'link', 'source'].includes(e.messageId),
      );
      if (broad && !sourced) {
        out.push({
          span: { start: item.claim.start, end: item.claim.end },
          messageId: 'broad-attribution',
          data: { holder: item.attributedTo.text, item: name },
          confidence: 0.7,
          related: [
            { role: 'attribution', span: { start: item.attributedTo.start, end: item.attributedTo.end } },
          ],
          evidence: [
            {
              kind: 'structure',
              label: `attribution (${item.attributionScope}) to a group, no quotation or source in the claim`,
            },
          ],
          note: 'Straw-man risk: the claim is paraphrased for a group, so a reader cannot check who said it in these words.',
        });
      }
    }
    if (item.rebuttal && !item.evidence.some((e) => SOURCE_KINDS.has(e.kind))) {
      out.push({
        span: { start: item.rebuttal.start, end: item.rebuttal.end },
        messageId: 'unsupported-rebuttal',
        data: { item: name },
        confidence: 0.8,
        evidence: [
          {
            kind: 'structure',
            label: 'no link, named source, quotation with speaker or document reference in the rebuttal',
          },
        ],
      });
    }
    if (item.partial) {
      const missing = item.claim ? 'rebuttal' : 'claim';
      out.push({
        span: { start: item.span.start, end: item.span.end },
        messageId: 'partial-item',
        data: { item: name, missing },
        confidence: 0.9,
      });
    }
  }
  return out;
}
