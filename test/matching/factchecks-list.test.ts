import { describe, expect, it } from 'vitest';
import {
  factCheck,
  factCheckPages,
  listFactChecks,
  saveFactChecks,
} from '../../src/store/fact-checks/index.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { dialects } from '../store/dialects.js';

// Our own invented fact-checks.
const records = [
  'Dams flood towns',
  'Sea water cures colds',
  'Buses burn in winter',
  'Bridges melt',
  'Masts spread flu',
].map((claim, i) =>
  factCheck({ claim, origin: 'csv', source: `l.csv:${i + 2}`, url: `https://checks.example/${i}` }),
);

describe.each(await dialects())('factchecks list on %s', (_name, makeDb) => {
  it('reads the library a page at a time, in id order (it was built whole into one string)', async () => {
    const db = makeDb();
    const store = await openStore(db.url);
    try {
      await saveFactChecks(store, records);
      const pages: string[][] = [];
      for await (const page of factCheckPages(store.db, { pageSize: 2 }))
        pages.push(page.map((r) => r.claim));
      expect(pages).toEqual([
        ['Dams flood towns', 'Sea water cures colds'],
        ['Buses burn in winter', 'Bridges melt'],
        ['Masts spread flu'],
      ]);
      const limited: string[] = [];
      for await (const page of factCheckPages(store.db, { pageSize: 2, limit: 3 }))
        limited.push(...page.map((r) => r.claim));
      expect(limited).toEqual(['Dams flood towns', 'Sea water cures colds', 'Buses burn in winter']);
      expect((await listFactChecks(store.db)).map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
    } finally {
      await store.close();
    }
    const listed = await runCli(['factchecks', 'list', '--db', db.url]);
    expect(listed.code).toBe(0);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { claim: string }).claim),
    ).toEqual(records.map((r) => r.claim));
    await db.cleanup();
  });
});
