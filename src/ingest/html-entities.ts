/**
 * Character references in HTML that reached us as text: a feed item's description in CDATA keeps
 * `&rsquo;`, `&#8217;` and `&#x2014;` as written (the XML parser leaves CDATA alone). Numeric references
 * follow the HTML rule for values that are no character (zero, surrogates, past U+10FFFF): U+FFFD.
 * `&#99999999;` used to make String.fromCodePoint throw, and the whole feed failed with it.
 */

/** Named references seen in news feeds' HTML; anything else is left as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  shy: '\u00ad',
  prime: '\u2032',
  Prime: '\u2033',
  deg: '\u00b0',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  sect: '\u00a7',
  para: '\u00b6',
  times: '\u00d7',
  divide: '\u00f7',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwj: '\u200d',
  zwnj: '\u200c',
};

function fromCode(code: number): string {
  const invalid =
    !Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
  return invalid ? '\ufffd' : String.fromCodePoint(code);
}

/** Decodes numeric references (decimal and hex) and the common named ones, in one pass (no double decoding). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,10})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z]{2,8}));/gu,
    (whole, dec?: string, hex?: string, name?: string) => {
      if (dec !== undefined) return fromCode(Number(dec));
      if (hex !== undefined) return fromCode(parseInt(hex, 16));
      return NAMED[name as string] ?? whole;
    },
  );
}
