import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type AnalysisPool } from '../../src/corpus/ingest/pool.js';

/**
 * A stand-in for the analysis worker with the same protocol: jobs run one at a time in the order they
 * arrive (as analysis-worker.ts runs them), each taking a few milliseconds; the text "crash" makes the
 * worker thread exit, as an out-of-memory analysis would.
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
let previous = Promise.resolve();
parentPort.on('message', (job) => {
  previous = previous.then(async () => {
    if (job.text === 'crash') process.exit(3);
    await new Promise((resolve) => setTimeout(resolve, 2 + (job.text.length % 5)));
    parentPort.postMessage({ id: job.id, json: JSON.stringify({ echo: job.text }), minhash: null });
  });
});
`;

let pool: AnalysisPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const start = (): Worker => new Worker(STAND_IN, { eval: true });
const echoOf = (reply: unknown): string | null => {
  const r = reply as { result?: { echo?: string }; error?: string };
  return r.result?.echo ?? null;
};

describe('analysis worker pool', () => {
  it('gives every job its own reply when workers hold more than one job', async () => {
    pool = createWorkerPool(2, {}, start);
    const texts = Array.from({ length: 30 }, (_, i) => `document ${i}${'x'.repeat(i % 7)}`);
    const replies = await Promise.all(texts.map((text) => pool!.analyse({ text, source: { kind: 'text' } })));
    expect(replies.map(echoOf)).toEqual(texts);
  });

  it('starts workers only as jobs need them', async () => {
    let started = 0;
    const counting = (): Worker => {
      started++;
      return start();
    };
    pool = createWorkerPool(4, {}, counting);
    expect(started).toBe(0);
    expect(echoOf(await pool.analyse({ text: 'one document', source: { kind: 'text' } }))).toBe('one document');
    expect(started).toBe(1);
    // One job at a time: the idle worker takes each, so no second worker starts.
    for (const text of ['second', 'third']) await pool.analyse({ text, source: { kind: 'text' } });
    expect(started).toBe(1);
    const texts = Array.from({ length: 20 }, (_, i) => `batch ${i}`);
    const replies = await Promise.all(texts.map((text) => pool!.analyse({ text, source: { kind: 'text' } })));
    expect(replies.map(echoOf)).toEqual(texts);
    expect(started).toBe(4);
  });

  it('fails only the document a worker died on; the job waiting behind it is analysed by the replacement', async () => {
    pool = createWorkerPool(1, {}, start);
    const texts = ['first', 'crash', 'waiting behind the crash', 'last'];
    const replies = await Promise.all(texts.map((text) => pool!.analyse({ text, source: { kind: 'text' } })));
    expect(replies.map(echoOf)).toEqual(['first', null, 'waiting behind the crash', 'last']);
    expect((replies[1] as { error?: string }).error).toMatch(/exited with code 3/u);
  });
});
