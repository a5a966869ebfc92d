import { describe, expect, it } from 'vitest';
import { safeHref } from '../../web/src/links.js';

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox', null],
    ['//evil.example/x', null],
    ['/relative', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, out) => {
    expect(safeHref(input)).toBe(out);
  });
});
