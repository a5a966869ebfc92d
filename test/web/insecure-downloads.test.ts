/**
 * A server reached over plain HTTP at an address other than loopback (`serve --host 0.0.0.0`) gives the app a
 * page that is not a secure context, and there Chromium holds downloads of .jsonl and .jsonld files
 * ("Unconfirmed …crdownload" until kept by hand in its download list): JSON Lines and ClaimReview exports
 * seemed to do nothing, while curl, or the same server at 127.0.0.1, got them. The app now fetches those
 * and saves them under a name Chromium keeps, and says so beside the link. The page is made insecure here by
 * its isSecureContext (the harness listens on loopback); that Chromium holds such files on a real insecure
 * page was measured by hand (docs/web.md). Skipped, with a notice, without chromium.
 */
import type { Download, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLayers } from '../server/fixtures.js';
import { findChromium, startHarness, type Harness } from '../e2e/browser.js';

const chromiumPath = findChromium();
if (!chromiumPath) console.warn('[notice] test/web/insecure-downloads skipped: no chromium found (apt-get install chromium, or set CHROMIUM_PATH).');

describe.skipIf(!chromiumPath)('exports on a page that is not a secure context (private server)', () => {
  let h: Harness;

  async function open(): Promise<Page> {
    const page = await h.context.newPage();
    await page.addInitScript(`Object.defineProperty(window, 'isSecureContext', { get: () => false }); delete Window.prototype.showSaveFilePicker; delete window.showSaveFilePicker;`);
    await page.addInitScript(`sessionStorage.setItem('narrascope.token', ${JSON.stringify(h.analyst)});`);
    await page.goto(`${h.url}/#/corpus?q=harbour`);
    await page.getByText('e2e analyst (analyst)').waitFor();
    await page.locator('.doc-list a').first().waitFor();
    return page;
  }

  async function save(page: Page, link: string): Promise<Download> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link, exact: true }).click()]);
    return download;
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath as string, withLayers, undefined, { anonymousRead: false });
    for (const outlet of ['Coast Herald', 'Bay News']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/analyse',
        headers: { authorization: `Bearer ${h.analyst}` },
        payload: { text: `Harbour myths, ${outlet}\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.`, source: { outlet, publishedAt: '2025-03-04', uri: `https://example.org/${outlet.length}` }, store: true },
      });
      expect(res.statusCode).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('saves JSON Lines and ClaimReview under names the browser keeps, and says why; a ticket being made is said', async () => {
    const page = await open();
    const lines = await save(page, 'JSON Lines');
    expect(lines.suggestedFilename()).toBe('narrascope-corpus.jsonl.txt');
    const records = readFileSync(await lines.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { document?: unknown });
    expect(records).toHaveLength(2);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'saved as narrascope-corpus.jsonl.txt' }).count()).toBe(1);
    const reviews = await save(page, 'ClaimReview');
    expect(reviews.suggestedFilename()).toBe('narrascope-corpus.claimreview.json');
    expect(JSON.parse(readFileSync(await reviews.path(), 'utf8'))).toBeTruthy();
    // Other formats keep their names and the ticket's streamed download; while the ticket is being made
    // (seconds on a large corpus) the link says so.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/export/tickets?*', async (route) => {
      await held;
      await route.continue();
    });
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV (ledger)', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'preparing the export…' }).waitFor();
    release();
    const csv = await downloading;
    expect(csv.suggestedFilename()).toBe('narrascope-corpus-ledger.csv');
    expect(csv.url()).toMatch(/\/api\/export\/tickets\/[^/]+$/u);
    await page.getByRole('status').filter({ hasText: 'the download has started' }).waitFor();
    await page.close();
  });
});
