import { describe, expect, it } from 'vitest';
import type { Taxonomy, TaxonomyLabel } from '../../taxonomy/types.js';
import { LabelEmbeddings, textEmbedding } from './embedding.js';

const label = (l: string, parent: string | null, description: string): TaxonomyLabel => ({
  label: l,
  level: parent ? 'fine' : 'coarse',
  parent,
  description,
  keywords: [],
  examples: [],
});

// Our own fixture: two coarse labels of one domain, two fine labels under the first.
const taxonomy: Taxonomy = {
  id: 'fixture',
  name: 'fixture',
  version: '1',
  description: '',
  labels: [
    label('X: Energy', null, 'gas oil pipeline electricity fuel prices'),
    label('X: Health', null, 'hospital doctors vaccine disease patients'),
    label('X: Energy: Gas', 'X: Energy', 'natural gas pipeline supplies'),
    label('X: Energy: Power', 'X: Energy', 'electricity grid power plants'),
  ],
};

describe('LabelEmbeddings', () => {
  const emb = new LabelEmbeddings(taxonomy, (l) => l.description);

  it.each([
    ['The pipeline carried less gas this winter and fuel bills rose.', 'X: Energy', 'X: Health'],
    ['Doctors at the hospital treated patients for the disease.', 'X: Health', 'X: Energy'],
    ['Gas supplies through the pipeline were cut.', 'X: Energy: Gas', 'X: Energy: Power'],
    ['The electricity grid failed and power plants shut down.', 'X: Energy: Power', 'X: Energy: Gas'],
  ])('prefers the fitting sibling for %j', (text, better, worse) => {
    const sims = emb.similarities(textEmbedding(text));
    expect(sims.get(better)!).toBeGreaterThan(sims.get(worse)!);
  });

  it('centres each sibling group on zero', () => {
    const sims = emb.similarities(textEmbedding('Gas prices and hospital queues.'));
    expect(sims.get('X: Energy')! + sims.get('X: Health')!).toBeCloseTo(0, 6);
    expect(sims.get('X: Energy: Gas')! + sims.get('X: Energy: Power')!).toBeCloseTo(0, 6);
  });

  it('gives a text without known words a zero vector and zero similarities', () => {
    const e = textEmbedding('the of and 123');
    expect([...e].every((x) => x === 0)).toBe(true);
    expect([...emb.similarities(e).values()].every((x) => x === 0)).toBe(true);
  });
});
