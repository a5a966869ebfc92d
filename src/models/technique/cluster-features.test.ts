import { describe, expect, it } from 'vitest';
import { clusterFeatureIds } from './cluster-features.js';

describe('clusterFeatureIds', () => {
  it('maps each canonical wc=<cluster> name to its feature id, -1 elsewhere', () => {
    const ids = clusterFeatureIds(['bias', 'wc=3', 'w=wc=1', 'wc=0', 'wc=07', 'wc=x', 'wc=', 'wc=3']);
    // "wc=07" is not a name the readable path writes ("wc=7"), and a repeated name keeps its last id.
    expect(Array.from(ids)).toEqual([3, -1, -1, 7]);
  });

  it('is empty for a model without cluster features', () => {
    expect(clusterFeatureIds(['bias', 'w=the', 'l=be'])).toHaveLength(0);
  });
});
