import { describe, expect, it } from 'vitest';
import { terminalData, terminalText } from './terminal-text.js';

describe('terminalText', () => {
  it.each([
    ['T\u001b]0;PWNED\u0007itle', 'T ]0;PWNED itle'],
    ['Out\u001b[5mlet', 'Out [5mlet'],
    ['C1 CSI \u009b2J', 'C1 CSI  2J'],
    ['bidi \u202Eesrever\u202C', 'bidi  esrever '],
    ['keeps\nnewlines\tand tabs, “quotes” and ünïcödé', 'keeps\nnewlines\tand tabs, “quotes” and ünïcödé'],
  ])('%j', (raw, shown) => {
    expect(terminalText(raw)).toBe(shown);
    expect(terminalText(raw)).toHaveLength(raw.length);
  });
});

describe('terminalData', () => {
  it.each([
    ['"Desk\u001b]0;PWNED\u0007",1\r\n', '"Desk ]0;PWNED ",1\r\n'],
    ['{"t": "C1 \u009b2J \u202eevil"}\n', '{"t": "C1  2J  evil"}\n'],
    ['a lone\rCR hides what came before', 'a lone CR hides what came before'],
    ['keeps\nnewlines\tand tabs, CRLF\r\n', 'keeps\nnewlines\tand tabs, CRLF\r\n'],
  ])('%j', (raw, shown) => {
    expect(terminalData(raw)).toBe(shown);
  });
});
