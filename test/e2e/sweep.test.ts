/**
 * Browser tests of an analyst's sweep of the web app on a private server: every page over an empty store,
 * hand-edited addresses (clamped, not a 400), the timeline's table for screen-reader and keyboard users,
 * focus after moving between pages, error answers, and a corpus export that breaks off midway (said in the
 * page, not only in the browser's download list). One server and browser for all: each start is slow on a
 * loaded machine. Skipped, with a notice, when chromium is not installed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLayers } from '../server/fixtures.js';
import { findChromium, startHarness, type Harness } from './browser.js';

const chromiumPath = findChromium();
if (!chromiumPath)
  console.warn(
    '[notice] test/e2e/sweep skipped: no chromium found (apt-get install chromium, or set CHROMIUM_PATH).',
  );

/**
 * A save dialog that answers with a file kept in the page's memory (window.saved), as the File System Access
 * API's would with one on disk: written chunks are kept apart until close() commits them, and abort() drops
 * them, so a test sees what the file would hold. `window.pickerCalls` counts the dialogs.
 */
const FAKE_PICKER = `
  window.saved = null; window.pickerCalls = 0; window.pickerCancels = false;
  window.showSaveFilePicker = async (options) => {
    window.pickerCalls++;
    if (window.pickerCancels) throw new DOMException('The user aborted a request.', 'AbortError');
    const name = options?.suggestedName ?? 'download';
    return {
      name,
      createWritable: async () => {
        const parts = [];
        return new WritableStream({
          write(chunk) { parts.push(new TextDecoder().decode(chunk, { stream: true })); },
          close() { window.saved = { name, text: parts.join('') }; },
          abort() { window.saved = { name, aborted: true }; },
        });
      },
    };
  };
  // With window.breakDownloads set, a ticket's download sends its first chunk and then fails, as a
  // connection that drops midway does.
  window.breakDownloads = false;
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    const url = String(input);
    if (!window.breakDownloads || !/\\/api\\/export\\/tickets\\/[^/]+$/.test(url) || (init?.method ?? 'GET') !== 'GET') return res;
    const reader = res.body.getReader();
    const body = new ReadableStream({
      async pull(controller) {
        const { value } = await reader.read();
        if (value) controller.enqueue(value.subarray(0, Math.min(value.length, 100)));
        controller.error(new TypeError('network error'));
        void reader.cancel();
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };
`;

describe.skipIf(!chromiumPath)('web app sweep (private server)', () => {
  let h: Harness;
  const pageErrors: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Signed in from the start (the token lives in the tab's sessionStorage, as the header's form keeps it).
    await page.addInitScript(`sessionStorage.setItem('narrascope.token', ${JSON.stringify(h.analyst)});`);
    await page.addInitScript(FAKE_PICKER);
    await page.goto(`${h.url}/${path}`);
    // Signed in: the page was shown again for the analyst (pages load their data again when the caller changes).
    await page.getByText('e2e analyst (analyst)').waitFor();
    return page;
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath as string, withLayers, undefined, { anonymousRead: false });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('an empty store: every page says there is nothing yet, with no error', async () => {
    const page = await open('#/corpus');
    await page.getByText('0 documents').waitFor();
    for (const [hash, text] of [
      ['#/narratives', 'No labels in the corpus yet.'],
      ['#/narratives?kind=technique', 'No labels in the corpus yet.'],
      ['#/clusters', 'No clusters yet.'],
    ] as const) {
      await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
      await page.getByText(text).waitFor();
      expect(await page.getByRole('alert').count(), hash).toBe(0);
    }
    await page.close();
  });

  it('stores documents for the tests that follow', async () => {
    const auth = { authorization: `Bearer ${h.analyst}` };
    const docs = [
      { title: 'Harbour one', outlet: 'Coast Herald', publishedAt: '2025-03-04' },
      { title: 'Harbour two', outlet: 'Bay\u202eNews', publishedAt: '2025-03-12' },
      { title: 'Harbour three', outlet: 'صحيفة الميناء', publishedAt: '2025-03-20' },
    ];
    for (const d of docs) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/analyse',
        headers: auth,
        payload: {
          text: `${d.title}\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.`,
          title: d.title,
          source: { outlet: d.outlet, publishedAt: d.publishedAt },
          store: true,
        },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('a hand-edited address is clamped to what the API takes, not answered with a 400', async () => {
    const page = await open('#/corpus?q=harbour&offset=-5');
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(3);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('status').first().textContent()).toContain('offset \u2068"-5"\u2069 read as 0');
    // The address now shows what was searched, so a link copied from it shares this search.
    expect(new URL(page.url()).hash).toBe('#/corpus?q=harbour');
    for (const hash of [
      '#/corpus?q=harbour&offset=abc',
      '#/corpus?q=harbour&from=2025-02-31&hasLedger=maybe',
      `#/corpus?q=harbour&outlet=${'x'.repeat(300)}`,
    ]) {
      await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('The address held values');
      expect(await page.getByRole('alert').count(), hash).toBe(0);
    }
    // Dates the wrong way round: said, with a way out.
    await page.evaluate("location.hash = '#/corpus?q=harbour&from=2025-03-10&to=2025-03-01'");
    await page.getByRole('button', { name: 'Swap the dates' }).click();
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('#/corpus?q=harbour&from=2025-03-01&to=2025-03-10');
    // Past the last result: said, with a way back.
    await page.evaluate("location.hash = '#/corpus?q=harbour&offset=99999999'");
    await page.getByText('This page is past the last result.').waitFor();
    await page.getByRole('link', { name: 'Go to the last page' }).click();
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(3);
    // Ids that the API could never accept are said as such, and not asked for.
    let asked = 0;
    page.on('request', (r) => {
      if (/\/api\/(documents|clusters)\//u.test(r.url())) asked++;
    });
    await page.evaluate("location.hash = '#/doc/not-an-id'");
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no document');
    await page.evaluate("location.hash = '#/cluster/abc'");
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no cluster');
    expect(asked).toBe(0);
    await page.evaluate(`location.hash = ${JSON.stringify(`#/narratives?label=${'y'.repeat(400)}`)}`);
    await page.getByRole('heading', { name: 'y'.repeat(300) }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('the timeline chart has its data as a table, opened from the keyboard', async () => {
    const page = await open('#/narratives');
    await page.getByRole('heading', { name: 'Harbour: environmental harm' }).waitFor();
    const bars = await page.locator('.timeline rect.bar').count();
    expect(bars).toBe(3);
    await page.getByText("Show the chart's data as a table").focus();
    await page.keyboard.press('Enter');
    const rows = page.locator('.timeline-table tbody tr');
    await expect.poll(() => rows.count()).toBe(bars);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['2025-03-03', 'Coast Herald', '1']);
    expect(await page.locator('.timeline-table th').allTextContents()).toEqual([
      'week (Monday)',
      'outlet',
      'documents',
    ]);
    await page.close();
  });

  it('moving to another page puts the keyboard on its content, at its top', async () => {
    const page = await open('#/corpus?q=harbour');
    await page.locator('.doc-list a').first().waitFor();
    await page.locator('.doc-list a').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.doc-text').waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    expect(await page.title()).toBe('Document · Narrascope');
    await page.evaluate("location.hash = '#/corpus?q=harbour'");
    // A long facet value (narrative labels are sentences) wraps as text does, from the start of the line:
    // link-styled buttons kept the button's centring, the count then stood alone under a centred label.
    expect(
      await page
        .locator('.facet button.link')
        .first()
        .evaluate((b) => getComputedStyle(b).textAlign),
    ).toBe('start');
    // After a search, screen readers announce the count, not the whole list again.
    expect(
      await page.locator('[aria-live], [role=status]').evaluateAll((els) => els.map((e) => e.textContent)),
    ).toEqual(['3 documents']);
    // A facet picked keeps the focus on the control used.
    await page.locator('.facet button', { hasText: 'Coast Herald' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(1);
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Coast Herald');
    await page.close();
  });

  it("error answers: a proxy's 502 and a network error can be tried again; a 500 says so", async () => {
    const page = await open('#/clusters');
    await page.getByText('No clusters yet.').waitFor();
    let mode: 'html502' | 'abort' | 'json500' | 'pass' = 'html502';
    await page.route('**/api/documents?*', (route) => {
      if (mode === 'html502')
        return route.fulfill({
          status: 502,
          contentType: 'text/html',
          body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
        });
      if (mode === 'abort') return route.abort('connectionreset');
      if (mode === 'json500')
        return route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal', message: 'internal error' } }),
        });
      return route.continue();
    });
    await page.evaluate("location.hash = '#/corpus?q=harbour'");
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('HTTP 502');
    expect(await page.locator('.error h1').count()).toBe(0);
    mode = 'abort';
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('the server could not be reached');
    mode = 'pass';
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(3);
    mode = 'json500';
    await page.evaluate("location.hash = '#/corpus?q=bay'");
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('internal error');
    expect(await page.locator('.doc-list li').count()).toBe(0);
    await page.close();
  });

  it('a corpus export is saved by the page, and one that breaks off midway is said there', async () => {
    const page = await open('#/corpus?q=harbour');
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(3);
    const link = page.locator('.results').getByRole('link', { name: 'JSON Lines' });
    await link.click();
    await expect
      .poll(() => page.locator('.download-progress').textContent())
      .toMatch(/saved narrascope-corpus\.jsonl \(\d/u);
    const direct = await h.app.inject({
      method: 'GET',
      url: '/api/export?format=jsonl&q=harbour',
      headers: { authorization: `Bearer ${h.analyst}` },
    });
    expect(await page.evaluate('window.saved')).toEqual({
      name: 'narrascope-corpus.jsonl',
      text: direct.body,
    });
    // Broken midway: the page says how far it came, and nothing reached the file.
    await page.evaluate('window.breakDownloads = true; window.saved = null');
    await link.click();
    await expect
      .poll(() => page.locator('.download-error').textContent())
      .toContain('the download broke off after 100 bytes');
    expect(await page.locator('.download-error').textContent()).toContain(
      'nothing was written to narrascope-corpus.jsonl — Click the export link again.',
    );
    expect(await page.evaluate('window.saved')).toEqual({ name: 'narrascope-corpus.jsonl', aborted: true });
    expect(await page.locator('.download-progress').count()).toBe(0);
    // The dialog closed without a file: nothing is asked of the server, nothing is said.
    await page.evaluate('window.breakDownloads = false; window.pickerCancels = true');
    let tickets = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/export/tickets')) tickets++;
    });
    await link.click();
    await expect.poll(() => page.evaluate('window.pickerCalls')).toBe(3);
    await page.waitForTimeout(300);
    expect(tickets).toBe(0);
    expect(await page.locator('.download-error').count()).toBe(0);
    await page.close();
  });

  it('a document of hostile text (RTL, direction overrides, a 10,000-character word, zero-width characters, markup) is shown as text, within the page', async () => {
    const word = 'w'.repeat(10_000);
    const markup = '<img src=x onerror=alert(1)><b>bold</b>';
    const text = `Hostile sample\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.\n\nמסמך בעברית \u202eesrever\u202c and عربي text. ${word} zero\u200bwidth\u200djoin\u2060 ${markup}`;
    // A title may hold 500 characters (the API's limit): one word of 400.
    const title = `Hostile ${'t'.repeat(400)} \u202eeltit ${markup}`;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: { authorization: `Bearer ${h.analyst}` },
      payload: {
        text,
        title,
        source: { outlet: `\u202eOutlet ${markup}`, publishedAt: '2025-03-21' },
        store: true,
      },
    });
    expect(res.statusCode).toBe(200);
    const id = (res.json() as { stored: { id: string } }).stored.id;
    const page = await open(`#/doc/${id}`);
    await page.locator('.doc-text').waitFor();
    const overflow = (): Promise<number> =>
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe(title);
    const shown = await page.locator('.doc-text').innerText();
    for (const piece of [word, markup, 'zero\u200bwidth\u200djoin\u2060', '\u202eesrever\u202c'])
      expect(shown).toContain(piece);
    expect(await page.evaluate("document.querySelectorAll('main img, main b, main script').length")).toBe(0);
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      expect(await overflow()).toBe(0);
    }
    // Fact-checks asked for from the keyboard: the focus goes to what replaced the button, not the page start.
    await page.getByRole('button', { name: 'Find earlier fact-checks of these claims' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('The fact-check library is empty.').waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('matches-h');
    await page.evaluate("location.hash = '#/corpus?q=hostile'");
    await page.locator('.doc-list a').first().waitFor();
    expect(await page.locator('.doc-list a').first().textContent()).toBe(title);
    expect(await overflow()).toBe(0);
    await page.evaluate("location.hash = '#/narratives'");
    await page.locator('.timeline svg').waitFor();
    await page.getByText("Show the chart's data as a table").click();
    await expect.poll(() => page.locator('.timeline-table td', { hasText: markup }).count()).toBe(1);
    expect(await overflow()).toBe(0);
    expect(await page.evaluate("document.querySelectorAll('main img, main b, main script').length")).toBe(0);
    await page.close();
  }, 60_000);

  it('a cluster without a label names its chart and table by its number', async () => {
    const docs = await h.store.db.selectFrom('documents').select('id').orderBy('id').execute();
    const c = await h.store.db
      .insertInto('clusters')
      .values({
        kind: 'near-duplicate',
        size: 2,
        first_seen: '2025-03-04',
        last_seen: '2025-03-12',
        outlets: 2,
        label: '',
        created_at: '2025-04-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const d of docs.slice(0, 2))
      await h.store.db
        .insertInto('cluster_members')
        .values({
          cluster_id: Number(c.id),
          document_id: Number(d.id),
          item_ref: null,
          text: null,
          similarity: 0.9,
        })
        .execute();
    const page = await open(`#/cluster/${c.id}`);
    await page.getByRole('heading', { name: `Cluster ${c.id}` }).waitFor();
    expect(await page.locator('.timeline svg').getAttribute('aria-label')).toBe(
      `Weekly documents per outlet for cluster ${c.id} (the same data as a table below the chart)`,
    );
    await page.getByText("Show the chart's data as a table").click();
    expect(await page.locator('.timeline-table caption').textContent()).toBe(
      `Documents per week and outlet for cluster ${c.id}`,
    );
    await page.close();
  });

  it('a token check that fails for a moment keeps the token; a refused token is dropped', async () => {
    const page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${h.url}/#/clusters`);
    await page.evaluate(`sessionStorage.setItem('narrascope.token', ${JSON.stringify(h.analyst)})`);
    let busy = true;
    await page.route('**/api/whoami', (route) =>
      busy
        ? route.fulfill({
            status: 503,
            headers: { 'retry-after': '1' },
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'busy', message: 'the server is busy' } }),
          })
        : route.continue(),
    );
    await page.reload();
    await page.getByText('could not check the API token: the server is busy').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('narrascope.token')")).toBe(h.analyst);
    busy = false;
    await page.getByRole('button', { name: 'check again' }).click();
    await page.getByText('e2e analyst (analyst)').waitFor();
    await page.evaluate("sessionStorage.setItem('narrascope.token', 'nsc_revoked')");
    await page.reload();
    await expect.poll(() => page.evaluate("sessionStorage.getItem('narrascope.token')")).toBeNull();
    expect(await page.getByRole('button', { name: 'check again' }).count()).toBe(0);
    await page.close();
  });

  it('a page opened by a signed-in analyst is loaded once (not again when the token check answers)', async () => {
    const page = await h.context.newPage();
    const searches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/documents?')) searches.push(r.url());
    });
    await page.addInitScript(`sessionStorage.setItem('narrascope.token', ${JSON.stringify(h.analyst)});`);
    await page.goto(`${h.url}/#/corpus?q=harbour`);
    await page.getByText('e2e analyst (analyst)').waitFor();
    await expect.poll(() => page.locator('.doc-list li').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(searches).toHaveLength(1);
    await page.close();
  });

  it('analyse: the keyboard stays on the Analyse button through an analysis, and the outcome is announced', async () => {
    const page = await open('#/analyse');
    await page
      .getByLabel('Text', { exact: true })
      .fill('Myth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.');
    await page.getByRole('button', { name: 'Analyse' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.doc-text').waitFor();
    // A disabled button loses the focus: the next Tab started again at the top of the page.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Analyse');
    expect(await page.getByRole('status').filter({ hasText: 'Analysed:' }).textContent()).toMatch(
      /^Analysed: \d+ findings, 1 ledger items\.$/u,
    );
    await page.close();
  }, 60_000);

  it('confirming a ledger item from the keyboard leaves the focus on the confirmation', async () => {
    const page = await open('#/corpus?q=harbour');
    await page.locator('.doc-list a', { hasText: 'Harbour two' }).click();
    await page.getByRole('tab', { name: /ledger/u }).click();
    await page.getByRole('button', { name: 'Confirm' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByText('confirmed: false').waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('confirmed: false');
    await page.close();
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
