import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../../test/support/random-strings.js';
import { AFTER, AFTER_LOWER, afterStarts, BEFORE, BEFORE_LOWER, BEFORE_LOWER_OTHER, introStarts } from './named-source.js';
import { DATE, startsBeforeYears, YEAR } from './number.js';
import { isSpaceCode, stickyMatches } from './sticky-matches.js';

/** [index, text] of each match, as `matchAll` of the global pattern gives them (the scan the detectors replaced). */
function globalMatches(text: string, re: RegExp): [number, string][] {
  return [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index ?? 0, m[0]]);
}

function stickyOf(re: RegExp, text: string, starts: readonly number[]): [number, string][] {
  return [...stickyMatches(text, new RegExp(re.source, `${re.flags.replace('g', '')}y`), starts)].map((m) => [m.index ?? 0, m[0]]);
}

const SOURCE_PIECES = [
  'according to', 'According to', 'as reported by', 'a study by', 'A study by', 'a ', 'as ', 'an ', 'data from', 'selon', 'según',
  'd’après', "d'après", 'l’', 'по данным', 'Минздрава', 'laut', 'nach Angaben der', ' ', '  ', '\n', '\t', '\u00a0', '\u2003',
  'the ', 'The ', 'World', 'Health', 'Organization', ' of ', ' and ', ' for ', 'said', 'says', 'has ', 'have ', 'reported',
  'заявил', 'заявила', 'teilte mit', 'a déclaré', 'told', ',', '.', 'Reuters', 'statistics office', 'ministry', '42', '2019', 'x',
  'É', 'Über', 'éa', '😀', '𝐀', 'Smith', 'McDonald', '-', '&', 'tells', 'Said', 'sources', 'ted', 'Data',
  'le ', 'la ', 'el ', 'dem ', 'ministère', ' de la ', 'santé', 'instituto', ' nacional', 'статистического ', 'ведомства', 'суд',
  'судьбы', 'служби', 'за даними',
];
/** Lower-case institutions before a reporting verb (AFTER_LOWER). */
const LOWER_PIECES = [
  'the ', 'The ', 'central ', 'bank', "mayor's ", 'health ', 'ministry', 'office', 'board', ' of ', 'of the ', 'said', ' says',
  'has ', ' reported', ',', ' ', '\n', '\u00a0', 'x', 'É', 'coast guard', 'coast  guard', 'a member ', 'told',
];

const DATE_PIECES = [
  '12', '3', '31st', 'March', 'march', 'Mar.', 'Sept', 'марта', 'janvier', ' ', '  ', '\n', '\u00a0', ',', '.', '/', '-', '2019',
  '1999', '2020', '20', '19', '201', '1918', '年', '月', '日', 'in ', 'since ', 'by ', 'IN ', 'seit ', 'de ', 'x', 'a', '1.5',
  '05', '2019-05-06', '12/03/2019', 'th', 'ſince ',
];

describe('stickyMatches at the candidate starts equals the global scan', () => {
  const sources = [
    ...randomStrings(SOURCE_PIECES, 3000, 24, 11),
    ...randomStrings(LOWER_PIECES, 1500, 16, 13),
    'The Alpha of Beta of Gamma of Delta of Epsilon of Zeta of Eta of Theta, has said',
    'The Alpha of Beta of Gamma of Delta of Epsilon of Zeta of Eta of Theta of Iota has said',
    'the\tAlpha  of \u00a0Beta\nsaid',
    'xYZ said',
    'Импорт упал, по данным  статистического ведомства, и по данным суда.',
    "D'après l'institut national de la santé; según el\u00a0ministerio del interior; selon le ministère",
  ];
  it.each([
    ['BEFORE', BEFORE, introStarts],
    ['BEFORE_LOWER', BEFORE_LOWER, introStarts],
    ['BEFORE_LOWER_OTHER', BEFORE_LOWER_OTHER, introStarts],
    ['AFTER', AFTER, afterStarts],
    ['AFTER_LOWER', AFTER_LOWER, afterStarts],
  ] as const)('named sources: %s', (_name, re, starts) => {
    for (const text of sources) expect(stickyOf(re, text, starts(text)), JSON.stringify(text)).toEqual(globalMatches(text, re));
  });

  const dates = [...randomStrings(DATE_PIECES, 3000, 16, 7), '12th  \n March., \u00a02019', 'In\u00a0\u00a02019.5', 'ſince 2019'];
  it.each([
    ['DATE', DATE, 2],
    ['YEAR', YEAR, 1],
    ['YEAR (with the starts of DATE, as the detector runs it)', YEAR, 2],
  ] as const)('numbers: %s', (_name, re, gaps) => {
    for (const text of dates) expect(stickyOf(re, text, startsBeforeYears(text, gaps)), JSON.stringify(text)).toEqual(globalMatches(text, re));
  });

  it('the candidate pieces hold matches (the comparison is not vacuous)', () => {
    expect(sources.filter((t) => globalMatches(t, AFTER).length > 0).length).toBeGreaterThan(100);
    expect(sources.filter((t) => globalMatches(t, BEFORE).length > 0).length).toBeGreaterThan(50);
    expect(sources.filter((t) => globalMatches(t, BEFORE_LOWER_OTHER).length > 0).length).toBeGreaterThan(5);
    expect(sources.filter((t) => globalMatches(t, AFTER_LOWER).length > 0).length).toBeGreaterThan(10);
    expect(dates.filter((t) => globalMatches(t, DATE).length > 0).length).toBeGreaterThan(100);
    expect(dates.filter((t) => globalMatches(t, YEAR).length > 0).length).toBeGreaterThan(100);
  });
});

describe('isSpaceCode', () => {
  it('is \\s for every code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceCode(c), c.toString(16)).toBe(/\s/u.test(String.fromCharCode(c)));
  });
});

describe('startsBeforeYears on a text without spaces', () => {
  it('reads each character a bounded number of times, not once per year after it', () => {
    // A pasted blob with many "20xx" runs and no space: every year walked back to the blob's start.
    const blob = `Intro. ${'x2019'.repeat(2000)}`;
    let reads = 0;
    const counted = { length: blob.length, charCodeAt: (i: number) => (reads++, blob.charCodeAt(i)) } as unknown as string;
    const starts = startsBeforeYears(counted, 2);
    expect(starts).toEqual(startsBeforeYears(blob, 2));
    expect(starts.length).toBeGreaterThan(blob.length - 10);
    expect(reads).toBeLessThan(10 * blob.length);
  });
});
