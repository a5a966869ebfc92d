import { describe, expect, it } from 'vitest';
import { placeholders, renderMessage } from './message.js';

/** The renderer as first written: one `replace` with a callback per message. */
function referenceRender(template: string, data: Readonly<Record<string, string | number | boolean | null>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_all, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no value in the signal's data`);
    return String(data[name]);
  });
}

describe('renderMessage', () => {
  const data = { type: 'statistic', n: 3, ok: true, none: null, dollar: '$& $1 $$' };
  it.each([
    'Check-worthy statement ({{type}}).',
    'No placeholders at all.',
    '',
    '{{type}}',
    '{{ type }}{{n}} and {{ok}}, {{none}}: {{dollar}}',
    '{{type}} {{type}} {{ n }}.',
    '{ {type}} {{type} {{}} {{ty pe}}',
  ])('%j renders as the replace did', (template) => {
    expect(renderMessage(template, data)).toBe(referenceRender(template, data));
    // A second time from the cached split.
    expect(renderMessage(template, data)).toBe(referenceRender(template, data));
  });

  it('a placeholder without data is an error naming it', () => {
    expect(() => renderMessage('Value {{value}} and {{missing}}.', { value: 1 })).toThrow('message placeholder {{missing}} has no value');
  });

  it('lists placeholders', () => {
    expect(placeholders('{{a}} and {{ b }}')).toEqual(['a', 'b']);
  });
});
