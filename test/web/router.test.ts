import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../../web/src/router.js';

describe('parseHash', () => {
  it.each([
    ['', 'analyse', null],
    ['#/corpus?q=harbour', 'corpus', null],
    ['#/doc/0123abcd', 'doc', '0123abcd'],
    ['#/doc/a%20b', 'doc', 'a b'],
    // A malformed escape in a shared link must not stop the app from rendering.
    ['#/doc/%zz', 'doc', '%zz'],
    ['#/cluster/%E0%A4%A', 'cluster', '%E0%A4%A'],
  ])('%j → %s %j', (hash, page, arg) => {
    const r = parseHash(hash);
    expect([r.page, r.arg]).toEqual([page, arg]);
  });

  it('reads back what href writes', () => {
    const r = parseHash(href('narratives', null, { kind: 'technique', label: 'Loaded Language & more' }));
    expect([r.page, r.params.get('kind'), r.params.get('label')]).toEqual(['narratives', 'technique', 'Loaded Language & more']);
  });
});
