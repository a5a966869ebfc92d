import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/analyze/progress.js';

describe('the progress line', () => {
  it('shows a file name with C0/C1 controls, bidi overrides, newlines and tabs as spaces', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const progress = Progress.for(stream, false);
    progress.tick('a\u009b2Jb\u202ec\u001b[31md\ne\tf.txt');
    const written = chunks.join('');
    // Only the line's own clearing sequence, then the label with every unsafe character a space.
    expect(written).toBe('\r\u001b[2Kanalysing 1: a 2Jb c [31md e f.txt');
  });
});
