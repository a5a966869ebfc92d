import { describe, expect, it } from 'vitest';
import { chooseLanguage, type LanguageIdentifier } from './language.js';

const reads = (alternatives: Record<string, number>): LanguageIdentifier => () => {
  const [language, confidence] = Object.entries(alternatives)[0] as [string, number];
  return { language, confidence, alternatives };
};

describe('chooseLanguage', () => {
  it("takes the caller's language as an order, whatever the text reads as", async () => {
    expect(await chooseLanguage('Plain English words.', 'RU', reads({ en: 0.99 }), 'de')).toEqual({ language: 'ru', confidence: 1, by: 'given' });
  });

  it("overrides the record's stated language when identification is sure of another and finds it implausible", async () => {
    expect(await chooseLanguage('text', undefined, reads({ en: 0.84, pl: 0.1, es: 0.01 }), 'ru')).toEqual({ language: 'en', confidence: 0.84, by: 'identified', overrode: 'ru' });
  });

  it('keeps the stated language when identification is unsure, finds it plausible, or agrees', async () => {
    // A close language: identification prefers Czech, Slovak stays plausible.
    expect(await chooseLanguage('text', undefined, reads({ cs: 0.87, sk: 0.12 }), 'sk')).toEqual({ language: 'sk', confidence: 1, by: 'declared' });
    // Too short to tell ("NATO").
    expect(await chooseLanguage('text', undefined, reads({ en: 0.13, ca: 0.09 }), 'ru')).toMatchObject({ language: 'ru', by: 'declared' });
    // The same language in another form is no disagreement.
    expect(await chooseLanguage('text', undefined, reads({ en: 0.99 }), 'en-GB')).toEqual({ language: 'en-gb', confidence: 1, by: 'declared' });
    expect(await chooseLanguage('text', undefined, reads({ und: 0.99 }), 'ru')).toMatchObject({ language: 'ru', by: 'declared' });
    expect(await chooseLanguage('text', undefined, undefined, 'ru')).toMatchObject({ language: 'ru', by: 'declared' });
  });

  it('identifies when nothing is stated, and gives und for an empty text', async () => {
    expect(await chooseLanguage('text', undefined, reads({ fr: 0.5, it: 0.2 }))).toEqual({ language: 'fr', confidence: 0.5, by: 'identified' });
    expect(await chooseLanguage('  ', undefined, reads({ fr: 0.5 }))).toEqual({ language: 'und', confidence: 0, by: 'identified' });
  });
});
