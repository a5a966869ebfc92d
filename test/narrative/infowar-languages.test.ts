import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';

// Our own invented sentences. The infowar taxonomy's Russian, Ukrainian, German, French and Spanish keywords are
// mostly prefixes ("санкци*", "sanktion*"), so inflected forms count; a text on another topic stays `Other`.
const analyzer = createAnalyzer({ identifyLanguage: false });
const infowar = async (text: string, language: string) =>
  (await analyzer.analyzeText(text, { language })).narratives.filter((n) => n.taxonomy === 'infowar').map((n) => n.label).sort();

describe('infowar narratives in Russian, Ukrainian, German, French and Spanish', () => {
  it('labels a Russian text by its inflected keywords', async () => {
    const ru = [
      'Западные СМИ снова развернули информационную войну против нашей страны; их пропаганда повторяет одни и те же фейки.',
      'Протесты в столице не были стихийными: это очередная цветная революция, проплаченная иностранными агентами.',
      'Кураторы из-за рубежа хотят дестабилизировать ситуацию и добиться смены режима.',
    ].join('\n\n');
    expect(await infowar(ru, 'ru')).toEqual(['Foreign hand behind protests', 'Media as an instrument of propaganda']);
  });

  it('labels a Ukrainian text', async () => {
    const uk = [
      'Кремлівські медіа вигадали історію про біолабораторії, де нібито створюють біологічну зброю.',
      'Насправді жодної таємної лабораторії там немає, а розповіді про штучний вірус не мають доказів.',
    ].join('\n\n');
    expect(await infowar(uk, 'uk')).toEqual(['Biological and health conspiracies']);
  });

  it('labels German, French and Spanish texts', async () => {
    const de = 'Die Mainstream-Medien führen einen Informationskrieg; ihre Propaganda wiederholt dieselben Fake News. Das Sprachrohr der Regierung schweigt.';
    expect(await infowar(de, 'de')).toEqual(['Media as an instrument of propaganda']);
    const fr = "Les manifestations étaient une révolution de couleur, financée par des agents de l'étranger pour déstabiliser le pays.";
    expect(await infowar(fr, 'fr')).toEqual(['Foreign hand behind protests']);
    const es = 'Las sanciones son un bumerán: la crisis energética y la inflación golpean a quienes las impusieron.';
    expect(await infowar(es, 'es')).toEqual(['Sanctions backfire']);
  });

  it('leaves a Russian text on another topic as Other', async () => {
    const weather = 'В пятницу ожидается облачная погода, температура воздуха составит от пяти до восьми градусов. Ветер умеренный.';
    expect(await infowar(weather, 'ru')).toEqual(['Other']);
  });
});
