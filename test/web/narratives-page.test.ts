/**
 * The narratives page in chromium against a real server: the outlets the chart leaves out are counted
 * ("the 20 of 24 outlets"), with a link that shows them all, and a timeline the server refuses per week
 * (422 too-many-points: decades of many outlets, stood in for here by a route that answers as the server
 * would) is asked for again per month, and said. Skipped, with a notice, without chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLayers } from '../server/fixtures.js';
import { findChromium, startHarness, type Harness } from '../e2e/browser.js';

const chromiumPath = findChromium();
if (!chromiumPath) console.warn('[notice] test/web/narratives-page skipped: no chromium found (apt-get install chromium, or set CHROMIUM_PATH).');

const LABEL = 'Harbour: environmental harm';
const OUTLETS = 24;

describe.skipIf(!chromiumPath)('narratives page', () => {
  let h: Harness;

  async function open(path: string): Promise<Page> {
    const page = await h.context.newPage();
    await page.goto(`${h.url}/${path}`);
    return page;
  }

  /** Answers the timeline requests for `bucket` as the server does when they have too many points. */
  async function refuse(page: Page, bucket: string): Promise<string[]> {
    const asked: string[] = [];
    await page.route('**/api/timeline/**', async (route) => {
      const url = new URL(route.request().url());
      asked.push(url.searchParams.get('bucket') ?? 'week');
      if ((url.searchParams.get('bucket') ?? 'week') !== bucket) return route.continue();
      await route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'too-many-points', message: `the timeline of "${LABEL}" has more than 100,000 points (outlets × ${bucket}s)`, hint: 'Ask for a coarser bucket (bucket=month), a shorter range (from, to) or fewer outlets (outlets).' } }),
      });
    });
    return asked;
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath as string, withLayers);
    // One document per outlet, in weeks 0, 2, 4 … of 2025 (so the chart has empty weeks between them);
    // outlet 0 has two, so it ranks first.
    for (let i = 0; i <= OUTLETS; i++) {
      const week = (i % OUTLETS) * 2;
      const day = new Date(Date.UTC(2025, 0, 6 + week * 7)).toISOString().slice(0, 10);
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/analyse',
        headers: { authorization: `Bearer ${h.analyst}` },
        payload: {
          text: `Harbour myths ${i}\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.`,
          source: { outlet: `Outlet ${String(i % OUTLETS).padStart(2, '0')}`, publishedAt: day },
          store: true,
        },
      });
      expect(res.statusCode).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('counts the outlets the chart leaves out, and shows them all on request', async () => {
    const page = await open('#/narratives');
    await page.getByRole('heading', { name: LABEL }).waitFor();
    const caption = page.locator('.timeline figcaption');
    expect(await caption.textContent()).toContain(`Shown: the 20 of ${OUTLETS} outlets with the most documents.`);
    expect(await page.locator('.timeline g').count()).toBe(20);
    // The weeks between documents are columns too: the 20 outlets drawn have documents in every other week
    // from 2025-01-06 to 2025-09-29, 39 weeks.
    expect(await caption.textContent()).toContain('20 outlet(s), 39 week(s).');
    await page.getByRole('link', { name: `Show all ${OUTLETS}` }).click();
    await expect.poll(() => page.locator('.timeline g').count()).toBe(OUTLETS);
    expect(page.url()).toContain(`outlets=${OUTLETS}`);
    expect(await caption.textContent()).not.toContain('Shown: the');
    expect(await page.getByRole('link', { name: 'Show only the 20 with the most documents' }).count()).toBe(1);
    await page.close();
  });

  it('asks again per month when the server refuses the weeks, and says so', async () => {
    const page = await h.context.newPage();
    const asked = await refuse(page, 'week');
    await page.goto(`${h.url}/#/narratives`);
    await page.getByRole('heading', { name: LABEL }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Shown per month: per week this timeline has too many points');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(asked).toEqual(['week', 'month']);
    // Months from January to September, labelled as months.
    expect(await page.locator('.timeline figcaption').textContent()).toContain('Documents per month and outlet');
    expect(await page.locator('.timeline svg text.axis').last().textContent()).toBe('2025-09');
    expect(await page.getByRole('link', { name: 'month' }).getAttribute('aria-current')).toBe('true');
    await page.close();
  });

  it('a bucket the address asks for and the server refuses is said, with a link to a coarser one', async () => {
    const page = await h.context.newPage();
    const asked = await refuse(page, 'week');
    await page.goto(`${h.url}/#/narratives?bucket=week`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Per week, this timeline has too many points');
    expect(asked).toEqual(['week']);
    await alert.getByRole('link', { name: 'Show it per month' }).click();
    await page.getByRole('heading', { name: LABEL }).waitFor();
    expect(page.url()).toContain('bucket=month');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
