import { describe, expect, it } from 'vitest';
import {
  createFactCheckMatcher,
  highlightMatches,
  matchTerms,
  tokenizeForMatching,
} from '../../src/corpus/matching/index.js';

// Our own invented claims and fact-checks.
const library = [
  { id: 'fc-5g', claim: '5G masts spread COVID-19 in the city.', title: 'Do 5G Masts Spread COVID?' },
  { id: 'fc-dam', claim: 'The new dam will flood the old town.', title: null },
  { id: 'fc-zh', claim: '网传新冠疫苗导致不孕不育', title: '新冠疫苗会导致不孕吗？' },
  { id: 'fc-ja', claim: 'ワクチンで磁石が腕にくっつく', title: null },
];

describe('compatibility forms (NFKC) in the matching tokeniser', () => {
  it('reads full-width letters, digits and signs as their plain forms', () => {
    expect(matchTerms('ＣＯＶＩＤ and ５Ｇ')).toEqual(matchTerms('COVID and 5G'));
    expect(matchTerms('５０％ of ＄１，０００')).toEqual(['50', 'percent', 'dollar', '1000']);
    expect(matchTerms('＃ＤｅｆｕｎｄＴｈｅＣＢＣ')).toEqual(['defund', 'cbc']);
    expect(matchTerms('the ﬁrst oﬃce')).toEqual(matchTerms('the first office'));
  });

  it('keeps offsets on the text as given, also where NFKC changes the length', () => {
    const text = 'ＣＯＶＩＤ: the ﬁrst caf\u0065\u0301 of ５Ｇ';
    const tokens = tokenizeForMatching(text);
    expect(tokens.map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['covid', 'ＣＯＶＩＤ'],
      ['first', 'ﬁrst'],
      ['café', 'caf\u0065\u0301'],
      ['5', '５'],
    ]);
  });

  it('folds case as Unicode does (final sigma, ß) and leaves a symbol spelled with letters a word of its own', () => {
    expect(matchTerms('STRASSE')).toEqual(matchTerms('Straße'));
    expect(matchTerms('ΣΟΦΟΣ')).toEqual(matchTerms('σοφος'));
    expect(matchTerms('Brand™')).toEqual(['brand', 'tm']);
    expect(matchTerms('don´t stop')).toEqual(matchTerms('don t stop'));
  });

  it('finds the fact-check for a full-width claim and highlights the original characters', () => {
    const matcher = createFactCheckMatcher(library);
    const query = 'ＣＯＶＩＤ spread by ５Ｇ masts';
    const [hit] = matcher.match(query, { k: 1 });
    expect(hit!.factCheck.id).toBe('fc-5g');
    expect(hit!.highlights.query.map((h) => h.text)).toEqual(['ＣＯＶＩＤ spread by ５Ｇ masts']);
    for (const h of hit!.highlights.query) expect(query.slice(h.start, h.end)).toBe(h.text);
    expect(hit!.highlights.claim.map((h) => h.text)).toEqual(['5G masts spread COVID']);
  });
});

describe('Chinese and Japanese (no spaces between words)', () => {
  it('indexes Han and Kana runs as overlapping character pairs, with offsets', () => {
    const text = '新冠疫苗 and ワクチン';
    expect(tokenizeForMatching(text).map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['新冠', '新冠'],
      ['冠疫', '冠疫'],
      ['疫苗', '疫苗'],
      ['ワク', 'ワク'],
      ['クチ', 'クチ'],
      ['チン', 'チン'],
    ]);
    expect(matchTerms('5G导致新冠')).toEqual(['5', '导致', '致新', '新冠']);
    expect(matchTerms('猫')).toEqual(['猫']);
  });

  it('reads tags in scripts without case (they gave no token at all)', () => {
    expect(matchTerms('#新冠疫苗')).toEqual(['新冠', '冠疫', '疫苗']);
    expect(matchTerms('#مرحبا')).toEqual(['مرحبا']);
  });

  it('finds a fact-check that holds the same Chinese or Japanese phrase inside a longer run', () => {
    const matcher = createFactCheckMatcher(library);
    const zh = matcher.match('新冠疫苗导致不孕', { k: 1 })[0]!;
    expect(zh.factCheck.id).toBe('fc-zh');
    expect(zh.highlights.claim.map((h) => h.text)).toEqual(['新冠疫苗导致不孕']);
    expect(matcher.match('ワクチンで磁石', { k: 1 })[0]!.factCheck.id).toBe('fc-ja');
    expect(highlightMatches('打了ワクチン', new Set(['ワク', 'クチ', 'チン']))).toEqual([
      { start: 2, end: 6, text: 'ワクチン' },
    ]);
  });
});
