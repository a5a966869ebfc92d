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
export const ANTI_WEST: readonly string[] = [
  'kiev regime', 'kyiv regime', 'neo-nazi', 'neo nazi', 'nazis', 'special military operation', 'collective west', 'anglo-saxon',
  'russophobia', 'russophobic', 'nato expansion', 'eastward expansion', 'proxy war', 'western propaganda', 'mainstream media',
  'globalist', 'deep state', 'colour revolution', 'color revolution', 'maidan coup', 'coup in kiev', 'provocation', 'hybrid war',
  'denazification', 'demilitarization', 'western sponsors', 'puppet', 'biolab', 'bioweapon', 'warmonger', 'military-industrial',
  'hegemony', 'unipolar', 'multipolar', 'imperialism', 'imperialist', 'sanctions backfire', 'de-dollarization', 'infowar',
  'information war', 'fake news', 'western media', 'lies', 'zelensky regime', 'junta', 'donbass', 'liberation', 'peacekeeping',
];

/** Wording typical of texts that cast the Russian camp as the aggressor. */
export const ANTI_RU: readonly string[] = [
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

const LETTER = /\p{L}/u;

/** Occurrences of `p` not preceded by a letter, found left to right, each search resuming after the last find. */
function countOne(lower: string, p: string): number {
  let n = 0;
  let i = lower.indexOf(p);
  while (i >= 0) {
    const before = i === 0 ? ' ' : (lower[i - 1] as string);
    if (!LETTER.test(before)) n++;
    i = lower.indexOf(p, i + p.length);
  }
  return n;
}

/** A phrase that cannot overlap itself (no proper prefix is also a suffix) and starts with a letter. */
function simple(p: string): boolean {
  if (p.length < 3 || !LETTER.test(p[0] as string)) return false;
  for (let k = 1; k < p.length; k++) if (p.endsWith(p.slice(0, k))) return false;
  return true;
}

const SIMPLE: ReadonlySet<string> = new Set([...ANTI_WEST, ...ANTI_RU].filter(simple));

/**
 * The first three code units of a string from `i` as one small integer, 10 bits each (distinct strings,
 * distinct numbers, no string made); -1 when one of them is 1024 or more.
 */
function key3(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return a < 1024 && b < 1024 && c < 1024 ? (a << 20) | (b << 10) | c : -1;
}

/** `key3` of each simple phrase's start (those with one): the only word starts `countAll` looks up. */
const SIMPLE_KEYS: ReadonlyMap<string, number> = new Map([...SIMPLE].map((p): [string, number] => [p, key3(p, 0)]).filter(([, k]) => k >= 0));
const WANTED: ReadonlySet<number> = new Set(SIMPLE_KEYS.values());

/**
 * Positions that start a word (no letter before, a letter there), by their first three characters (`key3`),
 * kept only for the three characters a simple phrase starts with.
 */
function wordStarts(lower: string): Map<number, number[]> {
  const starts = new Map<number, number[]>();
  let prevLetter = false;
  for (let i = 0; i < lower.length; i++) {
    // `LETTER.test(lower[i])`, without the one-character string and the regex for ASCII.
    const x = lower.charCodeAt(i);
    const letter = x < 128 ? (x >= 65 && x <= 90) || (x >= 97 && x <= 122) : LETTER.test(lower[i] as string);
    if (letter && !prevLetter && i + 3 <= lower.length) {
      const key = key3(lower, i);
      if (WANTED.has(key)) {
        const list = starts.get(key);
        if (list) list.push(i);
        else starts.set(key, [i]);
      }
    }
    prevLetter = letter;
  }
  return starts;
}

/**
 * The number of occurrences of the phrases, each as `countOne` finds them. A phrase that cannot overlap
 * itself never has a find hidden by an earlier one, so its count is the number of word starts where it
 * occurs: read off the index of word starts instead of searching the text again.
 */
function countAll(lower: string, starts: ReadonlyMap<number, readonly number[]>, phrases: readonly string[]): number {
  let n = 0;
  for (const p of phrases) {
    const key = SIMPLE_KEYS.get(p);
    if (key === undefined) {
      n += countOne(lower, p);
      continue;
    }
    for (const i of starts.get(key) ?? []) if (lower.startsWith(p, i)) n++;
  }
  return n;
}

export function documentStance(text: string): DocumentStance {
  const lower = text.toLowerCase().replace(/’/gu, "'");
  const starts = wordStarts(lower);
  const antiWest = countAll(lower, starts, ANTI_WEST);
  const antiRu = countAll(lower, starts, ANTI_RU);
  const value = (antiRu - antiWest) / (antiRu + antiWest + 2);
  return { value: Math.round(value * 1000) / 1000, antiWest, antiRu };
}
