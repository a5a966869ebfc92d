/**
 * Cue lists for check-worthy statements (English), our own, grouped by the claim type they signal. Words
 * are lemmas unless marked as phrases; phrases are matched on the lower-cased sentence text.
 */
import type { ClaimType } from '../../core/result/types.js';

export const CAUSAL_PHRASES = [
  'because', 'because of', 'due to', 'caused', 'causes', 'cause of', 'led to', 'leads to', 'lead to', 'resulted in', 'results in',
  'as a result', 'therefore', 'thus', 'hence', 'consequently', 'owing to', 'thanks to', 'responsible for', 'triggered', 'is behind',
  'are behind', 'was behind', 'were behind', 'in response to', 'so that',
];

export const INTENT_PHRASES = [
  'aims to', 'aimed at', 'aiming to', 'seeks to', 'seeking to', 'wants to', 'want to', 'intends to', 'intended to', 'in order to',
  'designed to', 'trying to', 'tries to', 'try to', 'attempt to', 'attempts to', 'plans to', 'plotting', 'in a bid to', 'so as to',
  'to justify', 'to discredit', 'to undermine', 'to distract', 'to destabilize', 'to destabilise', 'to divide', 'to drive a wedge',
  'agenda', 'ploy', 'pretext', 'motive', 'deliberately', 'on purpose', 'secretly',
];

export const PREDICTION_PHRASES = [
  'will', 'is going to', 'are going to', 'going to', 'is expected to', 'are expected to', 'is likely to', 'are likely to',
  'predict', 'predicts', 'predicted', 'forecast', 'forecasts', 'will soon', 'by 2030', 'by 2050', 'in the coming', 'next year',
  'inevitably', 'predictably', 'is set to', 'are set to', 'is poised to', 'would',
];

/** Past or present actions with consequences: the core of event claims. */
export const EVENT_VERBS = new Set([
  'kill', 'attack', 'invade', 'bomb', 'shell', 'strike', 'seize', 'capture', 'arrest', 'detain', 'sign', 'approve', 'ban', 'impose',
  'launch', 'deploy', 'send', 'authorize', 'authorise', 'request', 'deny', 'announce', 'order', 'destroy', 'occupy', 'annex', 'fire',
  'shoot', 'die', 'flee', 'vote', 'elect', 'withdraw', 'sanction', 'deliver', 'supply', 'fund', 'pay', 'build', 'close', 'open',
  'cut', 'raise', 'increase', 'decrease', 'fall', 'rise', 'drop', 'reach', 'violate', 'block', 'carry', 'hold', 'meet', 'visit',
  'support', 'fight', 'restore', 'save', 'protect', 'spread', 'rebuild', 'slaughter', 'provide', 'receive', 'confirm', 'reject',
]);

export const TIME_WORDS = new Set([
  'yesterday', 'today', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'week', 'month', 'year', 'recently', 'last',
]);

/** Evaluative words that make a statement an opinion rather than a checkable fact. */
export const OPINION_WORDS = new Set([
  'should', 'must', 'ought', 'believe', 'think', 'feel', 'opinion', 'clearly', 'obviously', 'shameful', 'disgraceful', 'absurd',
  'ridiculous', 'terrible', 'wonderful', 'best', 'worst', 'great', 'evil', 'good', 'bad', 'wrong', 'right', 'desperate', 'perverse',
  'perversely', 'groundless', 'groundlessly', 'paradoxically', 'unfortunately', 'fortunately', 'sadly', 'hypocritical', 'outrageous',
  'brave', 'heroic', 'pathetic', 'foolish', 'irresponsible', 'irresponsibly', 'dramatically', 'desperately',
]);

/** Reporting verbs that introduce someone's statement ("X said that ..."). Lemmas. */
export const SPEECH_VERBS = new Set([
  'say', 'claim', 'deny', 'state', 'insist', 'argue', 'allege', 'warn', 'tell', 'announce', 'declare', 'assert', 'suggest', 'report',
  'admit', 'acknowledge', 'confirm', 'write', 'accuse', 'maintain', 'contend', 'reveal', 'add', 'note', 'explain', 'stress', 'emphasise',
  'emphasize', 'promise', 'vow', 'predict', 'estimate', 'concede', 'testify', 'tweet', 'post',
]);

/** Base check-worthiness of each claim type before specificity is counted. */
export const TYPE_WEIGHT: Readonly<Record<ClaimType, number>> = {
  statistic: 0.75,
  event: 0.6,
  causal: 0.6,
  intent: 0.55,
  quote: 0.55,
  prediction: 0.45,
  opinion: 0.25,
  other: 0.3,
};

/** Every occurrence of any phrase in the lower-cased text, at word boundaries. */
export function findPhrases(lower: string, phrases: readonly string[]): { phrase: string; index: number }[] {
  const table = phraseTable(phrases);
  const starts = wordStarts(lower);
  // One pass over the sentence's word starts: a start whose first two code units begin some phrases is
  // checked against those (in list order). A phrase that starts with a word character and cannot overlap
  // itself occurs at a word boundary exactly where it occurs at a word start. Hits come out by position and,
  // at one position, in list order: the order of one search per phrase followed by a stable sort by position.
  const out: { phrase: string; index: number }[] = [];
  const hits: Hit[] | null = table.searched.length > 0 ? [] : null;
  for (let s = 0; s < starts.count; s++) {
    const i = starts.at[s] as number;
    const c0 = lower.charCodeAt(i);
    const c1 = lower.charCodeAt(i + 1);
    const list = c0 < 128 && c1 < 128 ? table.ascii[(c0 << 7) | c1] : table.byKey.get(startKey(lower, i));
    if (!list) continue;
    for (const { phrase: p, order } of list) {
      if (!lower.startsWith(p, i) || isWordChar(lower[i + p.length] ?? ' ')) continue;
      if (hits) hits.push({ phrase: p, index: i, order });
      else out.push({ phrase: p, index: i });
    }
  }
  if (!hits) return out;
  // Phrases that are searched for one by one: merge by position, then list order.
  for (const { phrase, order } of table.searched) {
    const found: { phrase: string; index: number }[] = [];
    searchPhrase(lower, phrase, found);
    for (const f of found) hits.push({ phrase, index: f.index, order });
  }
  hits.sort((a, b) => a.index - b.index || a.order - b.order);
  for (const h of hits) out.push({ phrase: h.phrase, index: h.index });
  return out;
}

interface Hit {
  readonly phrase: string;
  readonly index: number;
  /** The phrase's position in its list. */
  readonly order: number;
}

/** The word-start key of position `i`: its first two code units as one number (no string to build and hash). */
function startKey(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

interface PhraseTable {
  /** Phrases found through word starts whose first two code units are ASCII, at (first << 7) | second. */
  readonly ascii: readonly (readonly { phrase: string; order: number }[] | undefined)[];
  /** The other phrases found through word starts, by their word-start key (first two code units). Both in list order. */
  readonly byKey: ReadonlyMap<number, readonly { phrase: string; order: number }[]>;
  /** Phrases that must be searched for (see `simplePhrase`). */
  readonly searched: readonly { phrase: string; order: number }[];
}

const PHRASE_TABLES = new WeakMap<readonly string[], PhraseTable>();

function phraseTable(phrases: readonly string[]): PhraseTable {
  let table = PHRASE_TABLES.get(phrases);
  if (!table) {
    const byKey = new Map<number, { phrase: string; order: number }[]>();
    const ascii: ({ phrase: string; order: number }[] | undefined)[] = new Array<{ phrase: string; order: number }[] | undefined>(128 * 128).fill(undefined);
    const searched: { phrase: string; order: number }[] = [];
    phrases.forEach((phrase, order) => {
      if (!simplePhrase(phrase)) {
        searched.push({ phrase, order });
        return;
      }
      const c0 = phrase.charCodeAt(0);
      const c1 = phrase.charCodeAt(1);
      if (c0 < 128 && c1 < 128) (ascii[(c0 << 7) | c1] ??= []).push({ phrase, order });
      else {
        const key = startKey(phrase, 0);
        const list = byKey.get(key);
        if (list) list.push({ phrase, order });
        else byKey.set(key, [{ phrase, order }]);
      }
    });
    table = { ascii, byKey, searched };
    PHRASE_TABLES.set(phrases, table);
  }
  return table;
}

function searchPhrase(lower: string, p: string, out: { phrase: string; index: number }[]): void {
  let i = lower.indexOf(p);
  while (i >= 0) {
    const before = i === 0 ? ' ' : (lower[i - 1] as string);
    const after = lower[i + p.length] ?? ' ';
    if (!isWordChar(before) && !isWordChar(after)) out.push({ phrase: p, index: i });
    i = lower.indexOf(p, i + p.length);
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `/[\p{L}\p{N}]/u.test(c)` for one code unit, without the regex for ASCII. */
function isWordChar(c: string): boolean {
  const x = c.charCodeAt(0);
  if (x < 128) return (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
  return WORD_CHAR.test(c);
}

/**
 * At least two code units, a word character first, and no occurrence of the phrase that overlaps another
 * can be at a word boundary: for each proper prefix that is also a suffix, the phrase's code unit just
 * before that suffix is a word character ("tot", "agenda", "to distract"). Such a phrase is found at
 * a word boundary by the search (whose skips pass over overlapping occurrences only) exactly where it
 * occurs at a word start followed by a non-word character.
 */
function simplePhrase(p: string): boolean {
  if (p.length < 2 || !isWordChar(p[0] as string)) return false;
  for (let k = 1; k < p.length; k++) {
    if (p.endsWith(p.slice(0, k)) && !isWordChar(p[p.length - k - 1] as string)) return false;
  }
  return true;
}

/** Word starts of the last text asked for: the first `count` entries of `at`, ascending (the array is reused). */
const lastStarts = { lower: '', at: [] as number[], count: 0 };

/** Word starts (a word character after a non-word one, with a code unit after it) of `lower`. */
function wordStarts(lower: string): { readonly at: readonly number[]; readonly count: number } {
  if (lastStarts.lower === lower && lower !== '') return lastStarts;
  const at = lastStarts.at;
  let count = 0;
  let prev = false;
  for (let i = 0; i < lower.length; i++) {
    const word = isWordChar(lower[i] as string);
    if (word && !prev && i + 2 <= lower.length) at[count++] = i;
    prev = word;
  }
  lastStarts.lower = lower;
  lastStarts.count = count;
  return lastStarts;
}
