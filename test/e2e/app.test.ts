/**
 * Browser tests: the main flows click through in Debian's chromium, and a document full of XSS payloads
 * renders as inert text. Skipped, with a notice, when chromium is not installed (`.ci/run` installs it).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factCheck, saveFactChecks } from '../../src/store/fact-checks/index.js';
import { sharedAnalysis } from '../server/helpers.js';
import { withLayers } from '../server/fixtures.js';
import { findChromium, startHarness, type Harness } from './browser.js';

/** Signs the page in with an API token, as an analyst does through the header's form (the harness's analyst). */
async function signIn(page: Page, token: string): Promise<void> {
  await page.getByRole('button', { name: 'Use an API token' }).click();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Use' }).click();
  await page.getByText('e2e analyst (analyst)').waitFor();
}

/** What chromium's accessibility tree (what screen readers read) says of the first element `selector` matches. */
async function accessibleOf(page: Page, selector: string): Promise<{ role: unknown; name: unknown; description: unknown }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const n = nodes[0];
    return { role: n?.role?.value, name: n?.name?.value, description: n?.description?.value };
  } finally {
    await cdp.detach();
  }
}

const chromiumPath = findChromium();
if (!chromiumPath) console.warn('[notice] test/e2e skipped: no chromium found (apt-get install chromium, or set CHROMIUM_PATH).');

const XSS = [
  '<script>alert("script")</script>',
  '<img src=x onerror=alert("img")>',
  '<svg onload=alert("svg")><circle/></svg>',
  '"><iframe src="javascript:alert(\'iframe\')"></iframe>',
  '<a href="javascript:alert(\'link\')">click me</a>',
  "';alert(String.fromCharCode(88,83,83));//",
  '<body onload=alert("body")>',
  '<details open ontoggle=alert("details")>',
  '{{constructor.constructor(\'alert("tpl")\')()}}',
  '<style>*{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
];
const XSS_DOC = `Myth: the harbour will poison the bay. ${XSS.slice(0, 3).join(' ')}\nFact: =SUM(A1:A9) the agency found no change. ${XSS.slice(3, 6).join(' ')}\n\n${XSS.slice(6).join('\n\n')}\n\nThis lying propaganda campaign is a disgrace.`;

describe.skipIf(!chromiumPath)('web app in chromium', () => {
  let h: Harness;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await h.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/iu.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${h.url}${path}`);
    return page;
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath as string, withLayers);
    // A small corpus: two republished myth/fact pages and the XSS document, stored through the API.
    const docs = [
      { text: 'Harbour myths\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.', title: 'Harbour myths', source: { outlet: 'Coast Herald', publishedAt: '2025-03-04' } },
      { text: 'Harbour myths again\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change. Reposted.', title: 'Harbour myths again', source: { outlet: 'Bay News', publishedAt: '2025-03-12' } },
      { text: XSS_DOC, title: '<img src=x onerror=alert("title")>', source: { outlet: '<script>alert("outlet")</script>', publishedAt: '2025-03-20' } },
    ];
    for (const d of docs) {
      const res = await h.app.inject({ method: 'POST', url: '/api/analyse', headers: { authorization: `Bearer ${h.analyst}` }, payload: { ...d, store: true } });
      expect(res.statusCode).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('analyse: paste, highlight, legend toggle, keyboard explanation, ledger table', async () => {
    const page = await open('/#/analyse');
    await page.getByLabel('Text', { exact: true }).fill('Myth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.\n\nThis lying propaganda campaign is a disgrace and everyone knows it.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: /ledger/u }).waitFor();
    // The result can be saved as JSON without storing it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the result (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^narrascope-[0-9a-f]{12}\.json$/u);
    // Ledger table from the analysis.
    await page.getByRole('tab', { name: /ledger/u }).click();
    const row = page.locator('table.ledger tbody tr').first();
    expect(await row.locator('td').nth(1).textContent()).toBe('the harbour will poison the bay.');
    const marks = page.locator('mark.hl');
    const count = await marks.count();
    if (count > 0) {
      // Keyboard: Tab reaches a highlighted span and the explanation panel follows focus.
      await marks.first().focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<string | null>("document.activeElement?.getAttribute('data-finding') ?? document.activeElement?.tagName ?? null");
      expect(focused).toBeTruthy();
      await marks.first().focus();
      await expect.poll(() => page.locator('.finding-panel h3').count()).toBe(1);
      expect(await page.locator('.finding-panel dd code').first().textContent()).toMatch(/^[a-z-]+\/[a-z0-9-]+$/u);
      // Screen readers: a span is read as its own words, described by its technique and message (an
      // aria-label on a <mark> is not allowed and was read instead of the words, or not at all), and the
      // text is a named region.
      const span = await accessibleOf(page, 'mark.hl');
      expect(span.name).toBe(await marks.first().textContent());
      expect(span.description).toMatch(/^\S[^:]*: \S/u);
      expect(await accessibleOf(page, '.doc-text')).toMatchObject({ role: 'region', name: 'Document text with highlighted findings' });
      // Turning every legend entry off removes every highlight.
      const boxes = page.locator('.legend input[type=checkbox]');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
      await expect.poll(() => marks.count()).toBe(0);
    } else {
      console.warn('[notice] no findings on the e2e text with the current detectors; highlight checks skipped');
    }
    await page.close();
  });

  it('corpus: search, facet, open a document, confirm a ledger item, export links', async () => {
    const page = await open('/#/corpus');
    await page.getByRole('searchbox').fill('harbour');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => page.locator('.results > p').first().textContent()).toMatch(/^3 documents/u);
    await page.locator('.facet', { hasText: 'outlet' }).getByRole('button', { name: 'Bay News' }).click();
    await expect.poll(async () => page.locator('.results > p').first().textContent()).toMatch(/^1 document$/u);
    expect(page.url()).toContain('outlet=Bay+News');
    // The search's documents export with the same filters.
    const stixHref = await page.locator('.results').getByRole('link', { name: 'STIX 2.1' }).getAttribute('href');
    expect(stixHref).toBe('/api/export?format=stix&q=harbour&outlet=Bay+News');
    const exported = (await (await page.request.get(`${h.url}${stixHref}`)).json()) as { objects: { type: string; name?: string }[] };
    expect(exported.objects.filter((o) => o.type === 'report').map((o) => o.name)).toEqual(['Harbour myths again']);
    await page.getByRole('link', { name: 'Harbour myths again' }).click();
    await page.getByRole('heading', { name: 'Harbour myths again' }).waitFor();
    expect(await page.getByRole('link', { name: 'CSV (ledger)' }).getAttribute('href')).toMatch(/\/export\?format=csv$/u);
    // Sign in as an analyst and confirm the ledger item.
    await signIn(page, h.analyst);
    await page.getByRole('tab', { name: /ledger/u }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('confirmed: false').waitFor();
    // Dismiss the first highlighted finding with a reason: it disappears and the legend offers to show it.
    const marks = page.locator('mark.hl');
    const before = await marks.count();
    expect(before).toBeGreaterThan(0);
    await marks.first().focus();
    await page.getByLabel('Dismiss as wrong — reason').fill('a label word, not a technique');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('show 1 dismissed').waitFor();
    expect(await marks.count()).toBeLessThan(before);
    // Earlier fact-checks: the library of this test store is empty, and the page says so.
    await page.getByRole('button', { name: 'Find earlier fact-checks of these claims' }).click();
    await page.getByText('The fact-check library is empty.').waitFor();
    await page.close();
  });

  it('analyse: uploads a file in a legacy encoding, read in the encoding chosen', async () => {
    const text = 'Міф: гавань отруїть затоку. Факт: агентство не виявило змін у воді.';
    const decoder = new TextDecoder('windows-1251');
    const byChar = new Map<string, number>();
    for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
    const bytes = Buffer.from([...text].map((c) => byChar.get(c) as number));
    const page = await open('/#/analyse');
    await page.getByLabel('Upload a file').check();
    await page.getByLabel('File (text, HTML, Markdown)').setInputFiles({ name: 'myth.txt', mimeType: 'text/plain', buffer: bytes });
    await page.getByLabel('Encoding').selectOption('windows-1251');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('.doc-text').waitFor();
    expect((await page.locator('.doc-text').innerText()).trim()).toBe(text);
    await page.close();
  });

  it('analyse: a language given in the form is used instead of detection', async () => {
    const page = await open('/#/analyse');
    const text = 'NATO lies!';
    await page.getByLabel('Text', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Analyse' }).click();
    // Detection takes this short text for another language (the warning says how to set it)...
    await page.getByText(/identified with only \d+% confidence/u).waitFor();
    await page.getByLabel(/^Language/u).fill('en');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByText(/· language en ·/u).waitFor();
    expect(await page.getByText(/identified with only/u).count()).toBe(0);
    await page.close();
  });

  it('where reads need no token, exports are the browser\'s own downloads even when signed in (streamed, not held in memory)', async () => {
    const page = await open('/#/corpus?q=harbour');
    await page.locator('.doc-list a').first().click();
    await page.locator('.doc-text').waitFor();
    if (!(await page.getByText('e2e analyst (analyst)').count())) await signIn(page, h.analyst);
    // Count the exports the app itself fetches (a download the browser makes is not a fetch).
    await page.evaluate("window.exportFetches = 0; const f = window.fetch; window.fetch = (...a) => { if (String(a[0]).includes('/export')) window.exportFetches++; return f(...a); }");
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'JSON', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^narrascope-[0-9a-f]{12}\.json$/u);
    expect(await page.evaluate<number>('window.exportFetches')).toBe(0);
    await page.close();
  });

  it('"Skip to content" moves focus to the page content and stays on the page', async () => {
    const page = await open('/#/corpus?q=harbour');
    await page.getByRole('heading', { name: 'Corpus' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.id ?? null')).toBe('main');
    expect(new URL(page.url()).hash).toBe('#/corpus?q=harbour');
    expect(await page.getByRole('heading', { name: 'Corpus' }).count()).toBe(1);
    await page.close();
  });

  it('keyboard: signing in and out keeps the focus in the header (the control used was replaced)', async () => {
    const page = await open('/#/clusters');
    const focused = (): Promise<string | null> => page.evaluate<string | null>("document.activeElement?.closest('.auth') ? (document.activeElement.textContent || document.activeElement.getAttribute('type')) : document.activeElement?.tagName ?? null");
    await page.getByRole('button', { name: 'Use an API token' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('password');
    await page.keyboard.type(h.analyst);
    await page.keyboard.press('Enter');
    await page.getByText('e2e analyst (analyst)').waitFor();
    await expect.poll(focused).toBe('sign out');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Use an API token');
    // Cancel goes back to the button too.
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('password');
    await page.getByRole('button', { name: 'cancel' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Use an API token');
    await page.close();
  });

  it('the analysis layers are a tab list: one Tab stop, arrow keys, Home and End move between tabs', async () => {
    const page = await open('/#/corpus?q=harbour');
    await page.locator('.doc-list a').first().click();
    const selected = (): Promise<string | null> => page.evaluate<string | null>("document.querySelector('[role=tab][aria-selected=true]')?.id ?? null");
    const focused = (): Promise<string | null> => page.evaluate<string | null>('document.activeElement?.id ?? null');
    await page.locator('#tab-ledger').waitFor();
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    await page.locator('#tab-ledger').focus();
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['tab-claims', 'tab-claims']);
    await page.keyboard.press('End');
    expect([await selected(), await focused()]).toEqual(['tab-entities', 'tab-entities']);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-ledger');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect([await selected(), await focused()]).toEqual(['tab-ledger', 'tab-ledger']);
    await page.close();
  });

  it('a failed request replaces what the page showed with the error', async () => {
    const page = await open('/#/corpus?q=harbour');
    await expect.poll(() => page.locator('.doc-list li').count()).toBeGreaterThan(0);
    const docHref = (await page.locator('.doc-list a').first().getAttribute('href')) as string;
    // (An impossible date in the address is left out now, not a 400: the server refuses the next search.)
    await page.route('**/api/documents?*', (route) => route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid-request', message: 'querystring/from must be a date that exists, as YYYY-MM-DD' } }) }));
    await page.evaluate("location.hash = '#/corpus?q=harbour&from=2025-03-01'");
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('must be a date that exists');
    expect(await page.locator('.doc-list li').count()).toBe(0);
    await page.unroute('**/api/documents?*');
    await page.evaluate(`location.hash = ${JSON.stringify(docHref)}`);
    await page.locator('.doc-text').waitFor();
    await page.evaluate("location.hash = '#/doc/ffffffffffff'");
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('no document');
    expect(await page.locator('.doc-text').count()).toBe(0);
    await page.close();
  });

  it('a locked store: a search says it is retrying and then shows its results; an analysis is not sent again by itself', async () => {
    const page = await open('/#/analyse');
    const lockedBody = JSON.stringify({ error: { code: 'store-locked', message: 'the store is busy (another process is writing); retry shortly', hint: 'Retry in a few seconds (see Retry-After).' } });
    // The server's answer while another process holds the write lock, the first time only.
    const lockOnce = (pattern: string): { sent: () => number } => {
      let sent = 0;
      void page.route(pattern, async (route) => {
        sent++;
        if (sent === 1) await route.fulfill({ status: 503, headers: { 'retry-after': '1' }, contentType: 'application/json', body: lockedBody });
        else await route.continue();
      });
      return { sent: () => sent };
    };
    const search = lockOnce('**/api/documents?*');
    await page.evaluate("location.hash = '#/corpus?q=harbour'");
    await page.getByText(/The store is busy .*; retrying in 1 s… \(retry 1 of 3\)/u).waitFor();
    // The retry is sent a second after the message shows, so the results come after expect.poll's default 1 s.
    await expect.poll(() => page.locator('.doc-list li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(search.sent()).toBe(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    // A POST is shown as an error with a button; only the button sends it again.
    const analyse = lockOnce('**/api/analyse');
    await page.evaluate("location.hash = '#/analyse'");
    await page.getByLabel('Text', { exact: true }).fill('The council met on Friday and approved the harbour budget.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('the store is busy');
    await page.waitForTimeout(1500);
    expect(analyse.sent()).toBe(1);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.doc-text').waitFor();
    expect(analyse.sent()).toBe(2);
    await page.close();
  });

  it('a selected finding stays in the explanation while the mouse crosses other spans, and is the one dismissed', async () => {
    const page = await open('/#/corpus?q=harbour');
    await page.getByRole('link', { name: 'Harbour myths', exact: true }).click();
    await page.locator('.doc-text').waitFor();
    if (!(await page.getByText('e2e analyst (analyst)').count())) await signIn(page, h.analyst);
    const marks = page.locator('mark.hl');
    await marks.first().waitFor();
    const ids = await marks.evaluateAll((els) => els.map((el) => el.getAttribute('data-finding')));
    const other = ids.findIndex((id) => id !== ids[0]);
    expect(other).toBeGreaterThan(0);
    await marks.first().click();
    const quote = await page.locator('.finding-panel blockquote').textContent();
    await page.getByLabel('Dismiss as wrong — reason').fill('a label word, not a technique');
    // On the way to the button the pointer passes over another finding.
    await marks.nth(other).hover();
    expect(await page.locator('.finding-panel blockquote').textContent()).toBe(quote);
    expect(await page.getByLabel('Dismiss as wrong — reason').inputValue()).toBe('a label word, not a technique');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('Dismissed.').waitFor();
    const id = new URL(page.url()).hash.replace('#/doc/', '');
    const doc = (await h.app.inject({ method: 'GET', url: `/api/documents/${id}` })).json() as { dismissedFindings: string[] };
    expect(doc.dismissedFindings).toEqual([ids[0]]);
    // Another finding's explanation does not inherit "Dismissed." or the reason.
    await marks.nth(other).click();
    await expect.poll(() => page.getByText('Dismissed.').count()).toBe(0);
    await page.close();
  });

  it('keyboard: Enter on a highlighted span takes focus to its explanation, so any finding can be dismissed', async () => {
    const page = await open('/#/corpus?q=harbour');
    await page.getByRole('link', { name: 'Harbour myths again' }).click();
    await page.locator('.doc-text').waitFor();
    if (!(await page.getByText('e2e analyst (analyst)').count())) await signIn(page, h.analyst);
    const marks = page.locator('mark.hl');
    // Signing in loads the document again: wait for its spans.
    await marks.first().waitFor();
    expect(await marks.count()).toBeGreaterThan(1);
    // The first span of several: Tab would select every later one on the way to the panel.
    await marks.first().focus();
    const quote = await page.locator('.finding-panel blockquote').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string | null>("document.activeElement?.closest('.finding-panel') ? document.activeElement.tagName : null")).toBe('INPUT');
    expect(await page.locator('.finding-panel blockquote').textContent()).toBe(quote);
    await page.keyboard.type('not a technique here');
    await page.keyboard.press('Enter');
    await page.getByText('Dismissed.').waitFor();
    // The form went with the dismissal: the keyboard is on what is said of it, not at the start of the page.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Dismissed.');
    await page.close();
  });

  it('a reason typed as soon as a finding is selected is kept (not wiped after the next paint)', async () => {
    const page = await open('/#/corpus?q=harbour');
    await page.getByRole('link', { name: 'Harbour myths again' }).click();
    await page.locator('.doc-text').waitFor();
    if (!(await page.getByText('e2e analyst (analyst)').count())) await signIn(page, h.analyst);
    await page.locator('mark.hl').first().waitFor();
    // Select a span and type into the reason field in the same task, before Preact's effects run (they
    // wait for the next paint): the field used to be cleared by an effect then, and the required field's
    // empty value made the browser refuse the submit without a word (the flaky "show 1 dismissed" wait).
    const kept = await page.evaluate(async () => {
      const mark = document.querySelector<HTMLElement>('mark.hl');
      mark?.focus();
      for (let i = 0; i < 10; i++) await Promise.resolve();
      const input = document.querySelector<HTMLInputElement>('.finding-panel .dismiss input');
      if (!input) return 'no reason field';
      input.value = 'typed at once';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Past the next paint and Preact's 35 ms fallback for it: effects have run.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
      return document.querySelector<HTMLInputElement>('.finding-panel .dismiss input')?.value ?? 'no reason field';
    });
    expect(kept).toBe('typed at once');
    await page.close();
  });

  it('narratives: a timeline per outlet; clusters: members over time', async () => {
    const page = await open('/#/narratives');
    await page.getByRole('heading', { name: 'Harbour: environmental harm' }).waitFor();
    expect(await page.locator('.timeline rect.bar').count()).toBe(3);
    const docs = await h.store.db.selectFrom('documents').select('id').orderBy('id').execute();
    const c = await h.store.db.insertInto('clusters').values({ kind: 'near-duplicate', size: 2, first_seen: '2025-03-04', last_seen: '2025-03-12', outlets: 2, label: 'Harbour myths (republished)', created_at: '2025-04-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    for (const d of docs.slice(0, 2)) await h.store.db.insertInto('cluster_members').values({ cluster_id: Number(c.id), document_id: Number(d.id), item_ref: null, text: null, similarity: 0.93 }).execute();
    await page.goto(`${h.url}/#/clusters`);
    await page.getByRole('link', { name: 'Harbour myths (republished)' }).click();
    await page.getByRole('heading', { name: 'Spread across outlets over time' }).waitFor();
    expect(await page.locator('.timeline rect.bar').count()).toBe(2);
    expect(await page.locator('table.grid tbody tr').count()).toBe(2);
    expect(await page.getByRole('note').count()).toBe(0);
    // A cluster larger than the members the API lists (its first 1,000) says that the page shows part of it.
    const big = await h.store.db.insertInto('clusters').values({ kind: 'near-duplicate', size: 2500, first_seen: '2025-03-04', last_seen: '2025-03-12', outlets: 2, label: 'A big cluster', created_at: '2025-04-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    for (const d of docs.slice(0, 2)) await h.store.db.insertInto('cluster_members').values({ cluster_id: Number(big.id), document_id: Number(d.id), item_ref: null, text: null, similarity: 0.9 }).execute();
    await page.goto(`${h.url}/#/cluster/${big.id}`);
    await page.getByRole('heading', { name: 'A big cluster' }).waitFor();
    expect(await page.getByRole('note').textContent()).toContain('Showing the first 2 of 2,500 documents');
    await page.close();
  });

  it('a document full of XSS payloads renders inert, as text', async () => {
    const page = await open('/#/corpus');
    await page.getByRole('searchbox').fill('propaganda');
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.locator('.doc-list a').first();
    await link.waitFor();
    expect(await link.textContent()).toBe('<img src=x onerror=alert("title")>');
    await link.click();
    await page.locator('.doc-text').waitFor();
    const text = await page.locator('.doc-text').innerText();
    for (const payload of XSS) expect(text).toContain(payload);
    // Payload markup never became elements.
    // Evaluated in the page (as a string: the test program has no DOM types).
    const injected = await page.evaluate<Record<string, number>>(`({
      scripts: [...document.scripts].filter((s) => !s.src.includes('/assets/')).length,
      imgs: document.querySelectorAll('img').length,
      iframes: document.querySelectorAll('iframe').length,
      svgsInText: document.querySelectorAll('.doc-text svg, .doc-text a, .doc-text style, .doc-text details, .doc-text math').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    })`);
    expect(injected).toEqual({ scripts: 0, imgs: 0, iframes: 0, svgsInText: 0, handlers: 0 });
    // Focus every highlighted span (explanations render quotes of the payload text too).
    const marks = page.locator('mark.hl');
    for (let i = 0; i < Math.min(await marks.count(), 10); i++) await marks.nth(i).focus();
    await page.getByRole('tab', { name: /ledger/u }).click();
    // A fact-check whose URL is a javascript: URL is shown without a link.
    await saveFactChecks(h.store, [factCheck({ claim: 'The harbour will poison the bay, a campaign says', url: 'javascript:alert("factcheck")', publisher: '<b>Evil</b>', origin: 'csv', source: 'e2e.csv#1' })]);
    await page.getByRole('button', { name: 'Find earlier fact-checks of these claims' }).click();
    await page.locator('.matches table').waitFor();
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('.matches').innerText()).toContain('<b>Evil</b>');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the same payloads pasted into the analyse page stay inert', async () => {
    const page = await open('/#/analyse');
    await page.getByLabel('Title (optional)').fill(XSS[1] as string);
    await page.getByLabel('Text', { exact: true }).fill(XSS_DOC);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('.doc-text').waitFor();
    expect(await page.locator('.summary strong').textContent()).toBe(XSS[1]);
    expect(await page.evaluate<number>("document.querySelectorAll('img, iframe, .doc-text script').length")).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('renders a 1,000-paragraph document completely', async () => {
    const para = 'The committee said the so-called experts were wrong again, and the report lists every figure it used.';
    const text = Array.from({ length: 1000 }, (_, i) => `${i + 1}. ${para}`).join('\n\n');
    const page = await open('/#/analyse');
    await page.getByLabel('Text', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('.doc-text').waitFor({ timeout: 60_000 });
    expect(await page.locator('.doc-text p.para').count()).toBe(1000);
    expect(await page.locator('.doc-text p.para').last().textContent()).toBe(`1000. ${para}`);
    await page.close();
  }, 90_000);

  it('raised no CSP violation and no page error', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

// A private server: reads need a token, so exports must be fetched with it.
describe.skipIf(!chromiumPath)('web app on a private server', () => {
  it('downloads exports with the token and shows why an export is refused', async () => {
    const h = await startHarness(chromiumPath as string, withLayers, undefined, { anonymousRead: false });
    try {
      const auth = { authorization: `Bearer ${h.analyst}` };
      const stored = await h.app.inject({ method: 'POST', url: '/api/analyse', headers: auth, payload: { text: 'The council met on Friday and approved the harbour budget.', title: 'Council', source: { uri: 'https://council.example/budget' }, store: true } });
      const id = (stored.json() as { stored: { id: string } }).stored.id;
      const page = await h.context.newPage();
      await page.goto(`${h.url}/#/doc/${id}`);
      await page.getByText('this server requires an API token for reads').waitFor();
      await signIn(page, h.analyst);
      // The page loads the document again with the token: no reload needed.
      await page.getByRole('heading', { name: 'Council' }).waitFor();
      expect(await page.getByText('this server requires an API token for reads').count()).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'JSON', exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(`narrascope-${id.slice(0, 12)}.json`);
      const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as { document?: { hash?: string } };
      expect(saved.document?.hash).toBe(id);
      // This document has no ledger: the server refuses a ClaimReview, and the page says so instead of saving the error.
      await page.getByRole('link', { name: 'ClaimReview' }).click();
      expect(await page.getByRole('alert').first().textContent()).toContain('no ClaimReview can be made');
      await page.close();
    } finally {
      await h.close();
    }
  }, 60_000);

  it('downloads a corpus export through a single-use ticket: the browser streams it, the page never holds it', async () => {
    const h = await startHarness(chromiumPath as string, withLayers, undefined, { anonymousRead: false });
    try {
      const auth = { authorization: `Bearer ${h.analyst}` };
      for (const title of ['Harbour one', 'Harbour two']) {
        const res = await h.app.inject({ method: 'POST', url: '/api/analyse', headers: auth, payload: { text: `${title}\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.`, title, store: true } });
        expect(res.statusCode).toBe(200);
      }
      const page = await h.context.newPage();
      // Whatever the app reads into memory: exports it fetches, and blobs it saves.
      // A browser without a save dialog for pages (Firefox, Safari): the download manager streams it.
      // (Where there is one, the page saves the export itself: test/e2e/sweep.test.ts.)
      await page.addInitScript('delete window.showSaveFilePicker; delete Window.prototype.showSaveFilePicker;');
      await page.addInitScript("window.exportFetches = []; const f = window.fetch; window.fetch = (...a) => { window.exportFetches.push(String(a[0])); return f(...a); }; window.blobUrls = 0; const c = URL.createObjectURL; URL.createObjectURL = (b) => { window.blobUrls++; return c(b); };");
      await page.goto(`${h.url}/#/corpus?q=harbour`);
      await signIn(page, h.analyst);
      await expect.poll(async () => page.locator('.results > p').first().textContent()).toMatch(/^2 documents/u);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.results').getByRole('link', { name: 'JSON Lines' }).click()]);
      expect(download.suggestedFilename()).toBe('narrascope-corpus.jsonl');
      const saved = readFileSync(await download.path(), 'utf8');
      const direct = await h.app.inject({ method: 'GET', url: '/api/export?format=jsonl&q=harbour', headers: auth });
      expect(saved).toBe(direct.body);
      // The app asked for a ticket with its token, and read nothing else; the browser downloaded the
      // ticket's URL itself (a navigation: it carries no token), and the page stayed where it was.
      // (It checked the ticket with a HEAD, which reads no body and does not spend it.)
      const fetched = await page.evaluate<string[]>('window.exportFetches.filter((u) => u.includes("/api/export"))');
      expect(fetched[0]).toBe('/api/export/tickets?format=jsonl&q=harbour');
      expect(fetched.slice(1)).toEqual([download.url().replace(h.url, '')]);
      expect(await page.evaluate<number>('window.blobUrls')).toBe(0);
      const ticketPath = download.url().replace(h.url, '');
      expect(ticketPath).toMatch(/^\/api\/export\/tickets\/[A-Za-z0-9_-]{43}$/u);
      expect(page.url()).toContain('#/corpus');
      // Spent: the same URL again is refused.
      expect((await h.app.inject({ method: 'GET', url: ticketPath })).statusCode).toBe(410);
      // A ticket the server no longer knows (it restarted, or dropped it to make room): the page says so,
      // instead of a failed download only the browser's download list shows.
      await page.route('**/api/export/tickets/*', (route) => (route.request().method() === 'HEAD' ? route.fulfill({ status: 404 }) : route.continue()));
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.locator('.results').getByRole('link', { name: 'JSON Lines' }).click();
      await expect.poll(() => page.locator('.download-error').textContent()).toContain('no longer known to the server');
      expect(await page.locator('.download-error').textContent()).toContain('Click the export link again.');
      expect(downloads).toBe(0);
      await page.close();
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe.skipIf(!chromiumPath)('web app with long unbroken words', () => {
  it('wraps a long title, outlet, address and word of text instead of widening the page', async () => {
    const h = await startHarness(chromiumPath as string, withLayers);
    try {
      const title = `Harbour ${'Lorem'.repeat(98)}`;
      const word = `https://coast.example/${'p'.repeat(600)}`;
      const stored = await h.app.inject({ method: 'POST', url: '/api/analyse', headers: { authorization: `Bearer ${h.analyst}` }, payload: { text: `Harbour myths\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change. See ${word}`, title, source: { outlet: 'O'.repeat(200), uri: `https://coast.example/${'q'.repeat(1800)}`, publishedAt: '2025-03-04' }, store: true } });
      expect(stored.statusCode).toBe(200);
      const page = await h.context.newPage();
      const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.goto(`${h.url}/#/corpus?q=harbour`);
      await page.locator('.doc-list a').first().waitFor();
      expect(await overflow()).toBe(0);
      await page.locator('.doc-list a').first().click();
      await page.locator('.doc-text').waitFor();
      expect(await overflow()).toBe(0);
      await page.close();
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe.skipIf(!chromiumPath)('web app with text-direction overrides in stored text', () => {
  it('keeps an override inside the outlet or title that holds it: the date after it reads as written', async () => {
    const h = await startHarness(chromiumPath as string, withLayers);
    try {
      // U+202E (right-to-left override) in an outlet reversed the rest of its line: the date, language and
      // counts after it read backwards (a spoofed "2025-03-12" could be made to show as another date).
      const stored = await h.app.inject({ method: 'POST', url: '/api/analyse', headers: { authorization: `Bearer ${h.analyst}` }, payload: { text: 'The council met on Friday and approved the budget.', title: 'Council \u202enotice', source: { outlet: 'Bay\u202eNews', publishedAt: '2025-03-12' }, store: true } });
      expect(stored.statusCode).toBe(200);
      const page = await h.context.newPage();
      // Where a text's first and last characters are drawn, left to right, in the first element matching.
      const order = (selector: string, needle: string, after: string): Promise<boolean> =>
        page.evaluate(
          ([sel, a, b]) => {
            const el = document.querySelector(sel as string) as HTMLElement;
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            const rects: Record<string, DOMRect> = {};
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (const word of [a as string, b as string]) {
                const i = (n.textContent ?? '').indexOf(word);
                if (i < 0 || rects[word]) continue;
                const r = document.createRange();
                r.setStart(n, i);
                r.setEnd(n, i + word.length);
                rects[word] = r.getBoundingClientRect();
              }
            }
            const x = rects[a as string];
            const y = rects[b as string];
            return Boolean(x && y && x.right <= y.left);
          },
          [selector, needle, after],
        );
      await page.goto(`${h.url}/#/corpus?q=council`);
      await page.locator('.doc-list a').first().waitFor();
      expect(await order('.doc-list .muted', 'News', '2025-03-12')).toBe(true);
      await page.locator('.doc-list a').first().click();
      await page.locator('.doc-text').waitFor();
      expect(await order('main > p.muted', 'News', '2025-03-12')).toBe(true);
      expect(await order('.summary', 'notice', 'language')).toBe(true);
      await page.close();
    } finally {
      await h.close();
    }
  }, 60_000);
});

describe.skipIf(!chromiumPath)('web app on a server without a store', () => {
  it('does not offer to store an analysis, even to an analyst', async () => {
    const h = await startHarness(chromiumPath as string, withLayers, undefined, { corpus: null });
    try {
      const page = await h.context.newPage();
      await page.goto(`${h.url}/#/analyse`);
      await signIn(page, h.analyst);
      await page.getByRole('button', { name: 'Analyse' }).waitFor();
      await expect.poll(() => page.getByText('store in the corpus').count()).toBe(0);
      // The corpus pages say there is no store, without a "Try again" that could only fail the same way.
      await page.evaluate("location.hash = '#/corpus'");
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('this server runs without a corpus store');
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    } finally {
      await h.close();
    }
  }, 60_000);
});

// The real analyser (not the fixture) must also work end to end through the browser.
describe.skipIf(!chromiumPath)('web app with the real analyser', () => {
  it('analyses the pasted text', async () => {
    const h = await startHarness(chromiumPath as string, sharedAnalysis);
    try {
      const page = await h.context.newPage();
      await page.goto(`${h.url}/#/analyse`);
      await page.getByLabel('Text', { exact: true }).fill('Myth: vaccines contain microchips.\nFact: They do not; the regulator tested every batch.');
      await page.getByRole('button', { name: 'Analyse' }).click();
      await page.locator('.summary').waitFor();
      expect(await page.locator('.summary').textContent()).toMatch(/language en/u);
    } finally {
      await h.close();
    }
  }, 60_000);
});
