/**
 * `npm run screenshots`: a PNG of each main page of the web app for the docs, in docs/screenshots/.
 * Runs the real analyser over the bundled examples/ plus a small demo corpus written for this script
 * (invented outlets and dates, so the corpus, timeline and cluster pages have something to show), in
 * Debian's chromium through playwright-core. Exits 2 with a notice when chromium is missing.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shingleJaccard } from '../src/corpus/minhash.js';
import { LocalAnalysisService } from '../src/server/analysis/service.js';
import { ingestExamplesIfEmpty } from '../src/server/examples.js';
import { findChromium, ROOT, startHarness } from '../test/e2e/browser.js';

const OUT = join(ROOT, 'docs', 'screenshots');

const BASE = `Five claims about the river dam, checked

Claim 1: The dam will flood the old town.
Reality: The flood model published by the water authority shows the old town stays above the highest level.

Claim 2: Foreign companies own the dam.
Reality: According to the public register, the operator is owned by the region.

Claim 3: The reservoir will dry up every summer.
Reality: Summer levels fell by 2 metres at most in the last ten years.

They will say the project is a disaster, but these so-called experts have never read the report.`;

const DEMO: { title: string; outlet: string; publishedAt: string; text: string }[] = [
  { title: 'Five claims about the river dam, checked', outlet: 'Valley Courier', publishedAt: '2025-02-03', text: BASE },
  { title: 'Five claims about the river dam, checked', outlet: 'North Daily', publishedAt: '2025-02-05', text: `${BASE}\n\nRepublished with permission.` },
  { title: 'River dam: the claims and the facts', outlet: 'Lake Post', publishedAt: '2025-02-12', text: `${BASE}\n\nThis article first appeared in the Valley Courier.` },
  { title: 'Dam critics answer back', outlet: 'North Daily', publishedAt: '2025-02-20', text: 'Dam critics answer back\n\nThe so-called independent report is a whitewash, a shameful cover-up paid for by the same people who profit from the project. Everyone knows the truth.' },
  { title: 'Council approves dam budget', outlet: 'Valley Courier', publishedAt: '2025-03-03', text: 'Council approves dam budget\n\nThe regional council approved the budget for the dam on Monday by 31 votes to 12. The minister said construction would start in May.' },
];

async function main(): Promise<number> {
  const chromium = findChromium();
  if (!chromium) {
    console.error('[notice] no chromium found (apt-get install chromium, or set CHROMIUM_PATH); no screenshots taken.');
    return 2;
  }
  mkdirSync(OUT, { recursive: true });
  const analysis = new LocalAnalysisService();
  const h = await startHarness(chromium, analysis);
  try {
    await ingestExamplesIfEmpty(h.store, analysis, join(ROOT, 'examples'));
    for (const d of DEMO) {
      const res = await h.app.inject({ method: 'POST', url: '/api/analyse', headers: { authorization: `Bearer ${h.analyst}` }, payload: { text: d.text, title: d.title, source: { outlet: d.outlet, publishedAt: d.publishedAt }, store: true } });
      if (res.statusCode !== 200) throw new Error(`seeding failed: ${res.body}`);
    }
    await clusterDemo(h.store);
    const page = await h.context.newPage();
    const shot = async (name: string, path: string, ready: string): Promise<void> => {
      await page.goto(`${h.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
      console.log(`docs/screenshots/${name}.png`);
    };

    // Analyse: the bundled example pasted in, one highlighted span focused to show its explanation.
    await page.goto(`${h.url}/#/analyse`);
    await page.getByLabel('Text', { exact: true }).fill(await readFile(join(ROOT, 'examples', 'myth-fact-en.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('.doc-text').waitFor();
    await page.locator('mark.hl').nth(1).focus();
    await page.screenshot({ path: join(OUT, 'analyse.png') });
    console.log('docs/screenshots/analyse.png');
    await page.getByRole('tab', { name: /ledger/u }).click();
    await page.locator('.tabs').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'ledger.png') });
    console.log('docs/screenshots/ledger.png');

    await shot('corpus', '/#/corpus', '.doc-list li');
    const first = (await h.store.db.selectFrom('documents').select('hash').where('title', '=', 'River dam: the claims and the facts').executeTakeFirstOrThrow()).hash;
    await shot('document', `/#/doc/${first}`, '.doc-text');
    await shot('narratives', '/#/narratives', '.label-list');
    await shot('clusters', '/#/clusters', 'table.grid');
    const c = await h.store.db.selectFrom('clusters').select('id').orderBy('size', 'desc').executeTakeFirst();
    if (c) await shot('cluster', `/#/cluster/${c.id}`, '.timeline');
    await shot('api-reference', '/api/reference', 'h1');
    return 0;
  } finally {
    await h.close();
    await analysis.close();
  }
}

/**
 * Groups the demo documents whose 3-word shingles overlap by Jaccard ≥ 0.8 into one republication cluster.
 * (A stand-in for `narrascope clusters` so the page has content; the corpus engine computes real ones.)
 */
async function clusterDemo(store: Awaited<ReturnType<typeof startHarness>>['store']): Promise<void> {
  const docs = await store.db.selectFrom('documents').leftJoin('outlets', 'outlets.id', 'documents.outlet_id').select(['documents.id', 'documents.text', 'documents.title', 'documents.published_at', 'outlets.name as outlet']).orderBy('documents.published_at').execute();
  const seed = docs.find((d) => d.text.startsWith('Five claims'));
  if (!seed) return;
  const members = docs.filter((d) => shingleJaccard(seed.text, d.text) >= 0.8);
  const dates = members.map((m) => m.published_at).filter((x): x is string => Boolean(x)).sort();
  const c = await store.db
    .insertInto('clusters')
    .values({ kind: 'near-duplicate', size: members.length, first_seen: dates[0] ?? null, last_seen: dates[dates.length - 1] ?? null, outlets: new Set(members.map((m) => m.outlet)).size, label: seed.title ?? 'cluster', created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const m of members) await store.db.insertInto('cluster_members').values({ cluster_id: Number(c.id), document_id: Number(m.id), item_ref: null, text: null, similarity: shingleJaccard(seed.text, m.text) }).execute();
}

process.exitCode = await main();
