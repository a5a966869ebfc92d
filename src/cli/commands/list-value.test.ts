import { describe, expect, it } from 'vitest';
import { ListValueError, splitListValue } from './list-value.js';

describe('splitListValue', () => {
  it('splits on commas and trims', () => {
    expect(splitListValue('Harbour Daily, Coast Wire,,Inland Post ')).toEqual(['Harbour Daily', 'Coast Wire', 'Inland Post']);
  });

  it('keeps the commas of a quoted name, with "" for a quotation mark', () => {
    expect(splitListValue('"Acme, Inc.",Coast Wire')).toEqual(['Acme, Inc.', 'Coast Wire']);
    expect(splitListValue(' "The ""Daily"", Ltd." , x')).toEqual(['The "Daily", Ltd.', 'x']);
  });

  it('keeps a quotation mark inside an unquoted name as written', () => {
    expect(splitListValue('The "Daily" Post,x')).toEqual(['The "Daily" Post', 'x']);
  });

  it('refuses an unclosed quotation mark', () => {
    expect(() => splitListValue('"Acme, Inc.')).toThrow(ListValueError);
  });
});
