/**
 * The document's overall stance between the two camps of the Russia–West conflict, read from the wording
 * each side's texts typically use (our own phrase lists, from how the camps describe events), and the
 * camp each gazetteer entity belongs to. Within one text the two camps are nearly always cast on opposite
 * sides, so "which camp does this text treat as the aggressor" is the single strongest role cue. The
 * stance is a description of the text, never a judgement of which side is right.
 */

/** Entities whose camp is unambiguous in these conflicts (canonical gazetteer names, lower case). */
const CAMP_RU = new Set(['russia', 'vladimir putin', 'belarus', 'alexander lukashenko', 'sergey lavrov', 'dmitry peskov', 'maria zakharova', 'dmitry medvedev', 'sergei shoigu', 'wagner group', 'yevgeny prigozhin', 'fsb', 'kgb', 'duma', 'russian forces', 'collective security treaty organization', 'rt', 'sputnik', 'tass', 'ria novosti', 'soviet union', 'crimea', 'donbas']);
const CAMP_WEST = new Set(['ukraine', 'volodymyr zelensky', 'united states', 'united kingdom', 'nato', 'european union', 'the west', 'joe biden', 'boris johnson', 'rishi sunak', 'keir starmer', 'jens stoltenberg', 'ursula von der leyen', 'antony blinken', 'jen psaki', 'emmanuel macron', 'olaf scholz', 'germany', 'france', 'poland', 'lithuania', 'latvia', 'estonia', 'ukrainian forces', 'andriy yermak', 'cia', 'pentagon', 'state department', 'sbu', 'azov', 'verkhovna rada', 'western media', 'bbc', 'cnn', 'new york times', 'washington post', 'kyiv independent', 'hillary clinton', 'barack obama', 'kamala harris']);

export type Camp = 'ru' | 'west' | 'other';

export function campOf(key: string): Camp {
  if (CAMP_RU.has(key)) return 'ru';
  if (CAMP_WEST.has(key)) return 'west';
  if (/^(?:russian|belarusian|soviet)\b/u.test(key)) return 'ru';
  if (/^(?:ukrainian|american|british|european|western|polish|german|french)\b/u.test(key)) return 'west';
  return 'other';
}

/** Wording typical of texts that cast the Western/Ukrainian camp as the aggressor. */
const ANTI_WEST = [
  'kiev regime', 'kyiv regime', 'neo-nazi', 'neo nazi', 'nazis', 'special military operation', 'collective west', 'anglo-saxon',
  'russophobia', 'russophobic', 'nato expansion', 'eastward expansion', 'proxy war', 'western propaganda', 'mainstream media',
  'globalist', 'deep state', 'colour revolution', 'color revolution', 'maidan coup', 'coup in kiev', 'provocation', 'hybrid war',
  'denazification', 'demilitarization', 'western sponsors', 'puppet', 'biolab', 'bioweapon', 'warmonger', 'military-industrial',
  'hegemony', 'unipolar', 'multipolar', 'imperialism', 'imperialist', 'sanctions backfire', 'de-dollarization', 'infowar',
  'information war', 'fake news', 'western media', 'lies', 'zelensky regime', 'junta', 'donbass', 'liberation', 'peacekeeping',
];

/** Wording typical of texts that cast the Russian camp as the aggressor. */
const ANTI_RU = [
  'invasion', 'invaded', 'invade', 'full-scale', 'russian aggression', "kremlin's", 'war crimes', 'war crime', 'occupied',
  'occupiers', 'occupation', 'illegal annexation', 'annexed', 'unprovoked', 'atrocities', 'kremlin propaganda', 'russian propaganda',
  'disinformation', 'putin’s war', "putin's war", 'deported', 'genocide', 'shelling', 'missile strike', 'drone attack',
  'sham referendum', 'authoritarian', 'dictator', 'counteroffensive', 'defend ukraine', 'support ukraine', 'stand with ukraine',
  'sanctions on russia', 'brutal', 'war of aggression', 'mercenaries', 'troops massed', 'military build-up',
];

export interface DocumentStance {
  /** In [-1, 1]: > 0 the text casts the Russian camp as aggressor, < 0 the Western camp. */
  readonly value: number;
  readonly antiWest: number;
  readonly antiRu: number;
}

function count(lower: string, phrases: readonly string[]): number {
  let n = 0;
  for (const p of phrases) {
    let i = lower.indexOf(p);
    while (i >= 0) {
      const before = i === 0 ? ' ' : (lower[i - 1] as string);
      if (!/\p{L}/u.test(before)) n++;
      i = lower.indexOf(p, i + p.length);
    }
  }
  return n;
}

export function documentStance(text: string): DocumentStance {
  const lower = text.toLowerCase().replace(/’/gu, "'");
  const antiWest = count(lower, ANTI_WEST);
  const antiRu = count(lower, ANTI_RU);
  const value = (antiRu - antiWest) / (antiRu + antiWest + 2);
  return { value: Math.round(value * 1000) / 1000, antiWest, antiRu };
}
