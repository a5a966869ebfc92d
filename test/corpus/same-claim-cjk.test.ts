import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimTerms } from '../../src/corpus/claim-terms.js';
import { computeSameClaims, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-same-claim-cjk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('claimTerms', () => {
  it.each([
    ['Chinese runs become overlapping character pairs', '新冠疫苗导致不孕', '新冠 冠疫 疫苗 苗导 导致 致不 不孕'],
    ['punctuation still separates runs', '疫苗不孕，没有证据', '疫苗 苗不 不孕 没有 有证 证据'],
    ['Kana too', 'ワクチンは危険', 'ワク クチ チン ンは は危 危険'],
    ['letters glued to a run stay a word', 'covid疫苗 harbour claims', 'covid 疫苗 harbour claim'],
    ['other scripts are unchanged', 'Вакцина вызывает бесплодие', 'вакцина вызывает бесплодие'],
  ])('%s', (_, text, terms) => {
    expect(claimTerms(text)).toBe(terms);
  });
});

describe('same-claim clusters of Chinese and Japanese claims', () => {
  it('group claims that differ by a few characters (a whole clause was one word, so they shared none)', async () => {
    const file = join(dir, 'in.jsonl');
    const records = [
      { text: '有人声称新冠疫苗会导致女性不孕，但网络上流传的这一说法没有任何证据支持。', outlet: '甲报', date: '2024-01-02' },
      { text: '有人声称新冠疫苗会导致女性不孕，但网络上流传的这一说法没有任何证据。', outlet: '乙网', date: '2024-01-03' },
      { text: '市政府宣布明年将在河边新建一座公园和两所小学，预计三年内完工。', outlet: '丙报', date: '2024-01-04' },
      { text: '新型コロナワクチンを接種すると不妊になるという主張がネットで広がっている。', outlet: 'A新聞', date: '2024-01-05' },
      { text: '新型コロナワクチンを接種すると不妊になるという主張がネットで広まっている。', outlet: 'B通信', date: '2024-01-06' },
    ];
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const store = await openStore(join(dir, 'c.db'));
    try {
      await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'und' } });
      await computeSameClaims(store);
      const clusters = await listClusters(store, 'same-claim');
      const outlets = clusters.map((c) => c.members.map((m) => m.outlet).sort());
      expect(outlets).toEqual(expect.arrayContaining([['乙网', '甲报'], ['A新聞', 'B通信']]));
      expect(outlets.flat()).not.toContain('丙报');
    } finally {
      await store.close();
    }
  });
});
