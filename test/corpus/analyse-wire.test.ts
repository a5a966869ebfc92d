/**
 * What crosses from an analysis worker to the main thread: for the store, the result's stored form (its
 * rows and compressed JSON); for the HTTP API, the result as JSON. Either way the reply gives back the
 * same result.
 */
import { describe, expect, it } from 'vitest';
import { analysePayload, createPayloadAnalyser, fromWire, toWire } from '../../src/corpus/ingest/analyse.js';
import { DERIVED_COLUMNS, preparedClaimRanges } from '../../src/store/repositories/prepared-analysis.js';

const analyser = createPayloadAnalyser({ identifyLanguage: false });
const text = [
  'Myth: The harbour was closed by the ministry.',
  'Fact: The harbour stayed open; the port authority published its daily traffic figures.',
  '',
  'Myth: Ships were turned away at the gate.',
  'Fact: Forty ships docked that week, according to the port register.',
].join('\n');

describe('analysis replies across threads', () => {
  it('for the store: rows in column order, claim ranges, and the full result on demand', async () => {
    const reply = await analysePayload(analyser, { id: 7, text, source: { kind: 'text' }, language: 'en' });
    if ('error' in reply) throw new Error(reply.error);
    const wire = toWire(reply, true);
    expect('json' in wire && wire.json).toBeFalsy();
    const back = fromWire(structuredClone(wire));
    if ('error' in back || !back.prepared) throw new Error('no stored form');
    const p = back.prepared;
    expect(p.rows.findings).toHaveLength(reply.result.findings.length);
    for (const [table, columns] of Object.entries(DERIVED_COLUMNS)) for (const row of p.rows[table as keyof typeof DERIVED_COLUMNS]) expect(row).toHaveLength(columns.length);
    expect(p.rows.ledger_items.length).toBeGreaterThan(0);
    expect(preparedClaimRanges(p)).toEqual(reply.result.rebuttals.flatMap((r) => (r.claim ? [[r.claim.start, r.claim.end]] : [])));
    expect(back.result).toEqual(JSON.parse(JSON.stringify(reply.result)));
    expect(back.minhash).toBe(reply.minhash);
  });

  it('for the API: the result as JSON, no stored form', async () => {
    const reply = await analysePayload(analyser, { id: 8, text, source: { kind: 'text' } });
    if ('error' in reply) throw new Error(reply.error);
    const back = fromWire(structuredClone(toWire(reply)));
    if ('error' in back) throw new Error(back.error);
    expect(back.prepared).toBeUndefined();
    expect(back.result).toEqual(JSON.parse(JSON.stringify(reply.result)));
  });
});
