/**
 * `npm run eval claims`: how the check-worthy detector behaves on statements that fact-checkers did check
 * (the verified claims of CLEF CheckThat! 2020 Task 2, `claim-retrieval/verified_claims.docs.tsv`): the
 * share it flags (a recall proxy — every one of them was worth checking), the types it assigns, and the
 * share of the tweets of the train queries it flags (tweets that repeat a checked claim). There is no
 * negative set here, so this is not a precision figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSharedCache } from '../../src/core/detect/shared-cache.js';
import { segmentText } from '../../src/core/segment/segment.js';
import { createDocument } from '../../src/core/text/document.js';
import { checkWorthy } from '../../src/detectors/claim/check-worthy.js';
import type { Section } from '../harness.js';

function rowsOf(file: string, column: number, limit: number): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[column] ?? '')
    .filter((t) => t.trim().length > 0)
    .slice(0, limit);
}

async function flagged(texts: readonly string[]): Promise<{ share: number; types: Map<string, number>; perSecond: number }> {
  const types = new Map<string, number>();
  let hits = 0;
  const t0 = performance.now();
  for (const raw of texts) {
    const document = createDocument({ text: raw, language: 'en' });
    const segments = segmentText(document.text, 'en');
    const signals = await checkWorthy.detect({ document, text: document.text, language: 'en', segments, options: { minScore: 0.2 }, shared: createSharedCache(), earlierFindings: [] });
    if (signals.length > 0) hits++;
    const best = [...signals].sort((a, b) => b.confidence - a.confidence)[0];
    const type = best ? String(best.data?.type) : 'none';
    types.set(type, (types.get(type) ?? 0) + 1);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { share: hits / Math.max(1, texts.length), types, perSecond: texts.length / Math.max(seconds, 1e-6) };
}

export const claimsEvalSection: Section = {
  id: 'claims',
  title: 'Check-worthy statements (CheckThat! 2020 verified claims and tweets)',
  async run(ctx) {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    const base = join(ctx.dataDir, 'claim-retrieval');
    const n = ctx.quick ? 300 : 3000;
    const claims = rowsOf(join(base, 'verified_claims.docs.tsv'), 1, n);
    const tweets = rowsOf(join(base, 'train', 'tweets.queries.tsv'), 1, n);
    const c = await flagged(claims);
    const t = await flagged(tweets);
    ctx.log(`verified claims flagged: ${c.share.toFixed(3)}; tweets flagged: ${t.share.toFixed(3)}`);
    const order = ['event', 'statistic', 'causal', 'intent', 'prediction', 'quote', 'opinion', 'other', 'none'];
    const row = (name: string, r: typeof c, total: number): string =>
      `| ${name} | ${total} | ${r.share.toFixed(3)} | ${order.map((k) => ((r.types.get(k) ?? 0) / Math.max(1, total)).toFixed(2)).join(' | ')} |`;
    return [
      `First ${n} rows of each file; a text counts as flagged when \`claim/check-worthy\` marks at least one sentence (minScore 0.2). Every verified claim was checked by a fact-checker, so the flagged share is a recall proxy; there is no negative set, so no precision is claimed.`,
      '',
      `| input | texts | flagged | ${order.join(' | ')} |`,
      `|---|---|---|${order.map(() => '---').join('|')}|`,
      row('verified claims', c, claims.length),
      row('tweets (train queries)', t, tweets.length),
    ].join('\n');
  },
};
