/**
 * Bench Section `web-render`: how long the web app takes to show the analysis of a 1,000-paragraph
 * document in chromium, and to re-render after a legend toggle. The analysis itself is done once up
 * front and served to the page from memory (playwright's request routing), so the figure is the
 * browser's work only: parse the JSON, lay out the highlights, render, and paint.
 */
import { availableParallelism } from 'node:os';
import type { Section } from '../harness.js';
import { LocalAnalysisService } from '../../src/server/analysis/service.js';
import { findChromium, startHarness } from '../../test/e2e/browser.js';

/** The page's DOM, typed just enough for the functions run in the page (this program has no DOM types). */
interface PageDoc {
  querySelectorAll(selector: string): { length: number };
}

const PARA = 'The committee said the so-called experts were wrong again, and everyone knows the report lists every figure it used. According to the ministry, 1 in 10 claims was false.';

export const webRenderSection: Section = {
  id: 'web-render',
  title: 'Web app: rendering a 1,000-paragraph document',
  async run(ctx) {
    const chromium = findChromium();
    if (!chromium) return '_Skipped: no chromium on this machine._';
    const analysis = new LocalAnalysisService();
    const h = await startHarness(chromium, analysis);
    try {
      const text = Array.from({ length: 1000 }, (_, i) => `Myth ${i + 1}: ${PARA}\nFact: the record shows otherwise.`).join('\n\n');
      const res = await h.app.inject({ method: 'POST', url: '/api/analyse', payload: { text } });
      const body = res.body;
      const parsed = JSON.parse(body) as { result: { findings: unknown[]; stats: { totalMs: number } } };
      const findings = parsed.result.findings.length;
      ctx.log(`document: 1,000 paragraphs, ${text.length.toLocaleString()} characters, ${findings} findings (analysis ${Math.round(parsed.result.stats.totalMs)} ms, not counted)`);
      const page = await h.context.newPage();
      await page.route('**/api/analyse', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      const show: number[] = [];
      const toggle: number[] = [];
      const runs = ctx.quick ? 1 : 5;
      for (let i = 0; i < runs; i++) {
        await page.goto(`${h.url}/#/analyse`);
        await page.getByLabel('Text', { exact: true }).fill('x');
        const t0 = await page.evaluate<number>('performance.now()');
        await page.getByRole('button', { name: 'Analyse' }).click();
        // Function form: the page's CSP (rightly) forbids evaluating strings.
        await page.waitForFunction(() => (globalThis as unknown as { document: PageDoc }).document.querySelectorAll('.doc-text p.para').length === 1000, undefined, { polling: 'raf', timeout: 60_000 });
        // Wait for the next frame so the paint is included.
        const t1 = await page.evaluate<number>('new Promise((r) => requestAnimationFrame(() => r(performance.now())))');
        show.push(t1 - t0);
        // The first legend entry has colour c0; once it is off, no mark may carry that colour.
        const marks = await page.locator('mark.hl.c0').count();
        if (i === 0) ctx.log(`${await page.locator('mark.hl').count()} highlighted pieces, ${marks} of them in the first legend entry's colour`);
        const t2 = await page.evaluate<number>('performance.now()');
        await page.locator('.legend input[type=checkbox]').first().uncheck();
        await page.waitForFunction(() => (globalThis as unknown as { document: PageDoc }).document.querySelectorAll('mark.hl.c0').length === 0, undefined, { polling: 'raf', timeout: 60_000 });
        const t3 = await page.evaluate<number>('new Promise((r) => requestAnimationFrame(() => r(performance.now())))');
        toggle.push(t3 - t2);
      }
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      ctx.log(`show: ${show.map((x) => x.toFixed(0)).join(', ')} ms; toggle: ${toggle.map((x) => x.toFixed(0)).join(', ')} ms`);
      return [
        `Chromium (headless, Debian package) at 1366×860 on a ${availableParallelism()}-core machine shared with other work; a 1,000-paragraph document (${text.length.toLocaleString()} characters, ${findings} findings), the analysis served from memory so only the browser's work is timed. Median of ${runs} runs (playwright-core, \`bench/load/render.ts\`).`,
        '',
        '| step | median | all runs |',
        '|:---|---:|:---|',
        `| click "Analyse" → all 1,000 paragraphs in the DOM and painted | ${median(show).toFixed(0)} ms | ${show.map((x) => x.toFixed(0)).join(', ')} |`,
        `| turn one legend entry off → highlights updated and painted | ${median(toggle).toFixed(0)} ms | ${toggle.map((x) => x.toFixed(0)).join(', ')} |`,
      ].join('\n');
    } finally {
      await h.close();
      await analysis.close();
    }
  },
};
