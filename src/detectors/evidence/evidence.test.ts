import { describe, expect, it } from 'vitest';
import { testDetector } from '../../testing/detector-tester.js';
import { documentReference } from './document-reference.js';
import { link } from './link.js';
import { namedSource } from './named-source.js';
import { number } from './number.js';
import { quotation } from './quotation.js';

describe('evidence detectors', () => {
  it.each([link, namedSource, quotation, number, documentReference].map((d) => [d.meta.id, d] as const))(
    '%s passes its own examples',
    async (_id, d) => {
      expect(await testDetector(d)).toEqual([]);
    },
  );

  it('named sources: sentence-initial phrases and vague subjects', async () => {
    expect(
      await testDetector(namedSource, {
        valid: ['Studies show the opposite.', 'They said it was fine.', 'The CSTO mission saves democracy.'],
        invalid: [
          {
            text: 'According to the ⟦National Institute of Public Health⟧, rates fell.',
            messageId: 'source',
            data: { kind: 'institution' },
          },
          { text: 'Selon ⟦Santé Publique France⟧, le taux baisse.', messageId: 'source', language: 'fr' },
        ],
      }),
    ).toEqual([]);
  });

  it('named sources: lower-case institutions in Russian, Ukrainian, French and Spanish; articles before names', async () => {
    expect(
      await testDetector(namedSource, {
        valid: [
          'По данным судьбы, всё решено.',
          'Selon les habitants, la rue est calme.',
          'According to office workers, the heating failed.',
          'Das sagte der Sprecher am Montag.',
          'Das berichtete die Nachbarin.',
        ],
        invalid: [
          {
            text: 'Импорт сократился, по данным ⟦статистического ведомства⟧.',
            messageId: 'source',
            language: 'ru',
            data: { kind: 'institution' },
          },
          { text: 'За даними ⟦державної служби⟧ статистики, ціни зросли.', messageId: 'source', language: 'uk' },
          {
            text: 'Selon le ⟦ministère de la santé⟧, les cas baissent.',
            messageId: 'source',
            language: 'fr',
            data: { kind: 'institution' },
          },
          { text: "D'après l'⟦institut national de la statistique⟧, le chômage baisse.", messageId: 'source', language: 'fr' },
          { text: 'Según el ⟦instituto nacional de estadística⟧, el paro bajó.', messageId: 'source', language: 'es' },
          { text: 'Selon le ⟦FMI⟧, la croissance ralentit.', messageId: 'source', language: 'fr' },
          { text: 'Laut dem ⟦Robert Koch-Institut⟧ sinken die Fälle.', messageId: 'source', language: 'de' },
          { text: 'Rien de tel, selon les archives publiées par le ⟦ministère des affaires étrangères⟧.', messageId: 'source', language: 'fr' },
          { text: "Le chômage baisse, selon les données de l'⟦INSEE⟧.", messageId: 'source', language: 'fr' },
          { text: 'Según datos del ⟦ministerio del interior⟧, bajó.', messageId: 'source', language: 'es' },
          { text: 'Selon le ⟦ministère de la santé⟧ les cas ont baissé.', messageId: 'source', language: 'fr' },
          { text: 'Согласно данным ⟦Росстата⟧, цены выросли.', messageId: 'source', language: 'ru' },
          { text: 'Das teilte das ⟦Paul-Ehrlich-Institut⟧ mit.', messageId: 'source', language: 'de', data: { kind: 'institution' } },
          { text: 'Das bestätigte die ⟦WHO⟧ am Montag.', messageId: 'source', language: 'de' },
          { text: 'Segundo o ⟦ministério da saúde⟧, os casos caíram.', messageId: 'source', language: 'pt', data: { kind: 'institution' } },
          { text: 'De acordo com o ⟦Instituto Butantan⟧, a vacina é segura.', messageId: 'source', language: 'pt' },
          { text: 'Secondo il ⟦ministero della salute⟧, i casi sono calati.', messageId: 'source', language: 'it', data: { kind: 'institution' } },
          { text: "Secondo l'⟦Istat⟧, la disoccupazione è scesa.", messageId: 'source', language: 'it' },
          { text: 'Według ⟦ministerstwa⟧ zdrowia liczba zachorowań spadła.', messageId: 'source', language: 'pl', data: { kind: 'institution' } },
          { text: 'Jak podaje ⟦Główny Urząd Statystyczny⟧, ceny wzrosły.', messageId: 'source', language: 'pl' },
        ],
      }),
    ).toEqual([]);
  });

  it('numbers: ratios and money; a quote without a speaker is not evidence', async () => {
    expect(
      await testDetector(number, {
        invalid: [
          { text: 'About ⟦1 in 10⟧ adults.', messageId: 'statistic' },
          { text: 'It cost ⟦$4 million⟧.', messageId: 'statistic' },
        ],
      }),
    ).toEqual([]);
    expect(
      await testDetector(quotation, { valid: ['Truth: They call it “peaceful”, but it was not.'] }),
    ).toEqual([]);
  });
});
