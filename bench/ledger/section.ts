/**
 * `npm run eval ledger`: item-level precision, recall and F1 of the ledger on our own fixture suite
 * (test/fixtures/ledger, every layout and language, plus negatives), per layout, and the seed document.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyzer.js';
import { ROOT, type Section } from '../harness.js';
import { add, emptyScore, loadFixtures, prf, scoreDocument, type Score } from './score.js';

const pct = (x: number): string => x.toFixed(3);

export const ledgerSection: Section = {
  id: 'ledger',
  title: 'Rebuttal ledger (items on our fixture suite)',
  async run(ctx) {
    const analyzer = createAnalyzer({ preset: 'ledger', identifyLanguage: false });
    const fixtures = loadFixtures(join(ROOT, 'test', 'fixtures', 'ledger'));
    const byLayout = new Map<string, Score>();
    let total = emptyScore();
    let negatives = 0;
    let negativeItems = 0;
    const lines: string[] = [];
    for (const f of fixtures) {
      const result = await analyzer.analyzeText(f.text, { language: f.language });
      const s = scoreDocument(f.text, f.items, result.rebuttals);
      total = add(total, s);
      if (f.items.length === 0) {
        negatives++;
        negativeItems += result.rebuttals.length;
      }
      byLayout.set(f.layout, add(byLayout.get(f.layout) ?? emptyScore(), s));
      const m = prf(s);
      ctx.log(
        `${f.name.padEnd(34)} gold ${f.items.length} pred ${result.rebuttals.length} tp ${s.tp} F1 ${pct(m.f1)}`,
      );
      if (s.fp || s.fn) lines.push(`- ${f.name}: ${s.tp} matched, ${s.fp} extra, ${s.fn} missed`);
    }
    const t = prf(total);
    const rows = [...byLayout.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([layout, s]) => {
        const m = prf(s);
        return `| ${layout} | ${s.tp + s.fn} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(m.p)} | ${pct(m.r)} | ${pct(m.f1)} |`;
      });
    const seed = await seedLine(analyzer);
    const real = await realNegatives(analyzer, ctx.dataDir, ctx.quick, ctx.log);
    // Counted, not written in: the count went stale when fixtures in new languages came.
    const languages = new Set(fixtures.filter((f) => f.items.length > 0).map((f) => f.language)).size;
    return [
      `Fixture suite: ${fixtures.length} documents written by us (${fixtures.length - negatives} ledgers in ${byLayout.size - (negatives ? 1 : 0)} layouts and ${languages} languages, ${negatives} negatives). An item matches when claim and rebuttal each overlap the gold span by at least half of the longer span.`,
      '',
      `**All items: precision ${pct(t.p)}, recall ${pct(t.r)}, F1 ${pct(t.f1)}** (${total.tp} matched, ${total.fp} extra, ${total.fn} missed). Items on negatives: ${negativeItems} in ${negatives} documents.`,
      '',
      `Exact spans among matched items: claims ${total.exactClaim}/${total.tp}, rebuttals ${total.exactRebuttal}/${total.tp}, motives ${total.exactMotive}/${total.motives}.`,
      '',
      '| layout | gold items | matched | extra | missed | precision | recall | F1 |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      lines.length ? `Errors:\n${lines.join('\n')}` : 'No errors on the fixture suite.',
      '',
      `Seed document: ${seed}`,
      '',
      `Real-text negatives: ${real}`,
      '',
      "Caveat: the fixtures were written by the same person as the recognisers, to the documented span conventions; these figures show the layouts work as designed, not how well they generalise to real pages (the team's held-out set measures that).",
    ].join('\n');
  },
};

async function seedLine(analyzer: ReturnType<typeof createAnalyzer>): Promise<string> {
  const p = join(ROOT, '..', 'shared', 'seeds', '000_0c6a8fd1903f0654.txt');
  if (!existsSync(p)) return 'skipped (../shared/seeds not found).';
  const r = await analyzer.analyzeText(readFileSync(p, 'utf8'), { language: 'en' });
  const withMotive = r.rebuttals.filter((i) => i.motive).length;
  const attribution = [
    ...new Set(r.rebuttals.map((i) => `${i.attributedTo?.text ?? 'none'} (${i.attributionScope ?? '-'})`)),
  ].join('; ');
  return `${r.rebuttals.length} items (${r.rebuttals.map((i) => i.format)[0] ?? '-'}), ${withMotive} with a motive; attribution: ${attribution}; summary: "${r.rebuttalSummary.text}".`;
}

/**
 * Ordinary news and opinion articles from ../shared/data (PTC 2023 layout, SemEval-2025 narratives): none of
 * them is a rebuttal ledger, so every item found there is a false positive. Read in place, never copied.
 */
async function realNegatives(
  analyzer: ReturnType<typeof createAnalyzer>,
  dataDir: string | null,
  quick: boolean,
  log: (line: string) => void,
): Promise<string> {
  if (!dataDir) return 'skipped (../shared/data not found).';
  const dirs = [
    join(dataDir, 'ptc-train', 'articles-2023'),
    join(dataDir, 'narratives-2025', 'documents'),
  ].filter((d) => existsSync(d));
  let docs = 0;
  let withItems = 0;
  let items = 0;
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    for (const f of quick ? files.slice(0, 40) : files) {
      const r = await analyzer.analyzeText(readFileSync(join(dir, f), 'utf8'), { language: 'en' });
      docs++;
      if (r.rebuttals.length > 0) {
        withItems++;
        items += r.rebuttals.length;
        log(`  false positive: ${f} (${r.rebuttals.length} items, ${r.rebuttals[0]?.format})`);
      }
    }
  }
  return `${items} items in ${withItems} of ${docs} news and opinion articles (PTC-2023 training articles and SemEval-2025 narrative documents; none is a rebuttal ledger).`;
}
