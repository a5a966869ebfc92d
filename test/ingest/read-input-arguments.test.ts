import { describe, expect, it } from 'vitest';
import { readInput, type ReadItem } from '../../src/ingest/index.js';

async function all(spec: unknown): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInput(spec as string, { cwd: import.meta.dirname })) out.push(item);
  return out;
}

describe('readInput given no input name', () => {
  it.each([[''], ['   '], [null], [42], [undefined]])('%j is one error item, not a throw nor the whole folder', async (spec) => {
    const items = await all(spec);
    expect(items).toHaveLength(1);
    expect(items[0]?.kind).toBe('error');
    if (items[0]?.kind === 'error') expect(items[0].error.message).toMatch(/^no input named/u);
  });
});
