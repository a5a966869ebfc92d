// An analyzer's configuration is fixed when it is made: what the caller does with its own objects afterwards
// must not change later analyses (or leave the config hash describing settings no longer in force).
import { describe, expect, it } from 'vitest';
import { resolveOptions, type OptionsSchema } from '../../src/index.js';

const schema: OptionsSchema = {
  words: { type: 'string[]', default: ['a'], description: 'words to look for' },
};

describe('resolveOptions', () => {
  it("keeps a copy of a list option, not the caller's array", () => {
    const words = ['myth', 'fact'];
    const resolved = resolveOptions('test/words', schema, { words });
    words.push('later');
    expect(resolved.words).toEqual(['myth', 'fact']);
    expect(Object.isFrozen(resolved.words)).toBe(true);
  });
});
