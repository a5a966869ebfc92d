import { describe, expect, it } from 'vitest';
import { dialects } from '../../test/store/dialects.js';
import { openStore } from '../store/index.js';
import { weekOf } from '../store/repositories/rows.js';
import { corpusStats, statsToCsv, type CorpusStats } from './stats.js';

describe('statsToCsv', () => {
  it('keeps an outlet name that looks like a formula from running in a spreadsheet', () => {
    const stats: CorpusStats = {
      documents: 1,
      outlets: 1,
      narratives: [],
      rows: [
        { kind: 'technique', label: 'Loaded_Language', taxonomy: null, outlet: '=HYPERLINK("http://evil.example","x")', week: '2024-04-29', documents: 1, count: 2 },
        { kind: 'narrative', label: 'URW: Discrediting Ukraine', taxonomy: 'semeval2025', outlet: '@SUM(A1)', week: 'unknown', documents: 3, count: 3 },
      ],
    };
    expect(statsToCsv(stats).split('\n')).toEqual([
      'kind,label,outlet,week,documents,count,taxonomy',
      'technique,Loaded_Language,"\'=HYPERLINK(""http://evil.example"",""x"")",2024-04-29,1,2,',
      "narrative,URW: Discrediting Ukraine,'@SUM(A1),unknown,3,3,semeval2025",
      '',
    ]);
  });
});

describe.each(await dialects())('corpusStats on %s: a label several taxonomies use', (_name, make) => {
  it("counts each taxonomy's Other apart (they were one narrative, a document labelled by one taxonomy counted as Other)", async () => {
    const db = make();
    const store = await openStore(db.url, { create: true });
    try {
      // Document 1: an infowar label, semeval2025 Other; 2: the reverse; 3: Other in both.
      const labels: [string, string][][] = [
        [['infowar', 'Media as an instrument of propaganda'], ['semeval2025', 'Other']],
        [['infowar', 'Other'], ['semeval2025', 'URW: Discrediting Ukraine']],
        [['infowar', 'Other'], ['semeval2025', 'Other']],
      ];
      await store.write(async (trx) => {
        await trx.insertInto('outlets').values({ name: 'North Post' }).execute();
        for (const [i, narratives] of labels.entries()) {
          const day = `2024-03-0${i + 4}`;
          const [row] = await trx
            .insertInto('documents')
            .values({ hash: `h${i}`, title: null, text: `text ${i}`, language: 'en', outlet_id: 1, author: null, url: null, published_at: day, published_week: weekOf(day), source_kind: 'test', source_json: '{}', length: 6, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
            .returning('id')
            .execute();
          for (const [taxonomy, label] of narratives)
            await trx.insertInto('narratives').values({ document_id: Number(row?.id), analysis_id: 0, taxonomy, label, level: 'coarse', score: 0.5 }).execute();
        }
      });
      const stats = await corpusStats(store);
      expect(stats.narratives.map((n) => [n.taxonomy, n.label, n.documents, n.firstAppearance?.date])).toEqual([
        ['infowar', 'Other', 2, '2024-03-05'],
        ['semeval2025', 'Other', 2, '2024-03-04'],
        ['infowar', 'Media as an instrument of propaganda', 1, '2024-03-04'],
        ['semeval2025', 'URW: Discrediting Ukraine', 1, '2024-03-05'],
      ]);
      expect(stats.rows.filter((r) => r.label === 'Other').map((r) => [r.taxonomy, r.documents])).toEqual([
        ['infowar', 2],
        ['semeval2025', 2],
      ]);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });

  it('keeps documents without an outlet apart from an outlet named "unknown" (they shared its rows)', async () => {
    const db = make();
    const store = await openStore(db.url, { create: true });
    try {
      await store.write(async (trx) => {
        await trx.insertInto('outlets').values({ name: 'unknown' }).execute();
        for (const [i, outlet] of [1, null, null].entries()) {
          const [row] = await trx
            .insertInto('documents')
            .values({ hash: `h${i}`, title: null, text: `text ${i}`, language: 'en', outlet_id: outlet, author: null, url: null, published_at: '2024-03-04', published_week: weekOf('2024-03-04'), source_kind: 'test', source_json: '{}', length: 6, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
            .returning('id')
            .execute();
          await trx.insertInto('narratives').values({ document_id: Number(row?.id), analysis_id: 0, taxonomy: 'infowar', label: 'Besieged victim', level: 'coarse', score: 0.5 }).execute();
        }
      });
      const stats = await corpusStats(store);
      expect(stats.rows.map((r) => [r.outlet, r.documents])).toEqual([
        ['unknown', 1],
        [null, 2],
      ]);
      expect(stats.narratives[0]?.topOutlets).toEqual([
        { outlet: null, documents: 2 },
        { outlet: 'unknown', documents: 1 },
      ]);
      expect(statsToCsv(stats).split('\n').slice(1, 3)).toEqual(['narrative,Besieged victim,unknown,2024-03-04,1,1,infowar', 'narrative,Besieged victim,,2024-03-04,2,2,infowar']);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });
});
