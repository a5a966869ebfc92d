import { describe, expect, it } from 'vitest';
import { statsToCsv, type CorpusStats } from './stats.js';

describe('statsToCsv', () => {
  it('keeps an outlet name that looks like a formula from running in a spreadsheet', () => {
    const stats: CorpusStats = {
      documents: 1,
      outlets: 1,
      narratives: [],
      rows: [
        { kind: 'technique', label: 'Loaded_Language', outlet: '=HYPERLINK("http://evil.example","x")', week: '2024-04-29', documents: 1, count: 2 },
        { kind: 'narrative', label: 'URW: Discrediting Ukraine', outlet: '@SUM(A1)', week: 'unknown', documents: 3, count: 3 },
      ],
    };
    expect(statsToCsv(stats).split('\n')).toEqual([
      'kind,label,outlet,week,documents,count',
      'technique,Loaded_Language,"\'=HYPERLINK(""http://evil.example"",""x"")",2024-04-29,1,2',
      "narrative,URW: Discrediting Ukraine,'@SUM(A1),unknown,3,3",
      '',
    ]);
  });
});
