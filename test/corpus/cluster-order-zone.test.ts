import { afterEach, describe, expect, it } from 'vitest';
import { publicationOrder } from '../../src/corpus/cluster-order.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('publicationOrder', () => {
  // 05:00 written without a zone is 05:00 UTC (as ingest reads it), after 03:00Z; read in Tokyo's zone it
  // was 20:00 UTC the day before and came first, in New York 10:00 UTC and came after.
  const items = [
    { date: '2024-01-02T05:00:00', hash: 'aaa', ref: null },
    { date: '2024-01-02T03:00:00Z', hash: 'bbb', ref: null },
    { date: '2024-01-02', hash: 'ccc', ref: null },
    { date: null, hash: '000', ref: null },
    { date: 'not a date', hash: '001', ref: null },
  ];
  it.each(['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati'])('is the same in the time zone %s', (tz) => {
    process.env.TZ = tz;
    expect(publicationOrder(items)).toEqual([2, 1, 0, 3, 4]);
  });

  it('puts a document before its claims and its ledger claims, each by key', () => {
    const refs = ['ledger:i1', 'claim:c2', 'document', 'claim:c1'].map((ref) => ({ date: '2024-05-06', hash: 'h', ref }));
    expect(publicationOrder(refs).map((i) => refs[i]?.ref)).toEqual(['document', 'claim:c1', 'claim:c2', 'ledger:i1']);
  });
});
