/**
 * Ctrl-C during `narrascope ingest` ended the process with exit code 130 and not a word about what was
 * kept. The notice names the documents stored and how to go on, then exits 130 (143 for SIGTERM).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { interruptNotice } from '../../src/cli/interrupt-notice.js';

describe('interruptNotice', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s says what is kept and exits %i; released, it is gone', (signal, code) => {
    const stderr = new PassThrough();
    let said = '';
    stderr.on('data', (d: Buffer) => (said += d.toString()));
    const exits: number[] = [];
    const before = process.listeners(signal).length;
    const release = interruptNotice({ stderr }, 'ingest', () => 1234, (c) => exits.push(c));
    const ours = process.listeners(signal).at(-1) as (s: NodeJS.Signals) => void;
    expect(process.listeners(signal)).toHaveLength(before + 1);
    ours(signal); // called directly: emitting the signal would reach the test runner's own handlers
    expect(exits).toEqual([code]);
    expect(said).toContain('narrascope ingest: interrupted; 1,234 documents stored before the interruption are kept. Run the same command again to go on');
    release();
    expect(process.listeners(signal)).toHaveLength(before);
  });
});
