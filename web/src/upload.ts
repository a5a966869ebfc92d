/** How the analyse page sends a file: its Content-Type, with the encoding the analyst chose. */

/** Encodings a text file may be in besides UTF-8 (WHATWG names); '' lets the server detect UTF-8 / UTF-16. */
export const ENCODINGS: readonly (readonly [string, string])[] = [
  ['', 'detect (UTF-8 or UTF-16)'],
  ['windows-1251', 'Cyrillic (windows-1251)'],
  ['koi8-r', 'Cyrillic (KOI8-R)'],
  ['koi8-u', 'Cyrillic (KOI8-U)'],
  ['windows-1252', 'Western (windows-1252)'],
  ['iso-8859-2', 'Central European (ISO-8859-2)'],
  ['windows-1256', 'Arabic (windows-1256)'],
  ['gbk', 'Chinese (GBK)'],
];

/**
 * The upload's Content-Type: the browser's text type (or text/plain) with the chosen charset, else the
 * browser's text type, else application/octet-stream. Browsers send no charset for files, so a windows-1251
 * text file could not be read right without this choice.
 */
export function uploadContentType(fileType: string, encoding: string): string {
  const text = /^text\//u.test(fileType) ? fileType : '';
  if (encoding) return `${text || 'text/plain'}; charset=${encoding}`;
  return text || 'application/octet-stream';
}
