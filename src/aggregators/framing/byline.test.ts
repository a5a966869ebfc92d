import { afterEach, describe, expect, it, vi } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { loadRoleModel } from '../../models/framing/role-model.js';
import { frameEntities } from './framing.js';

describe('framing on a long line of names', () => {
  afterEach(() => vi.restoreAllMocks());

  it('frames the names of a long line without reading back to its start for each mention', () => {
    const text = `By Jane Roe\n${'Critics in Northland claim that it fails, '.repeat(20_000)}end`;
    const segments = segmentText(text, 'en');
    // Characters that lastIndexOf reads back through the document (the byline test once did per mention).
    let readBack = 0;
    const lastIndexOf = String.prototype.lastIndexOf;
    vi.spyOn(String.prototype, 'lastIndexOf').mockImplementation(function (
      this: string,
      search: string,
      from?: number,
    ) {
      const found = lastIndexOf.call(this, search, from);
      if (this.length === text.length && this === text) readBack += (from ?? this.length) - found;
      return found;
    });
    const framed = frameEntities(text, segments, loadRoleModel());
    expect(framed.find((e) => e.name === 'Northland')?.mentions).toHaveLength(20_000);
    expect(readBack).toBeLessThan(10 * text.length);
  });
});
