/**
 * Finds entity mentions with the gazetteer plus patterns — "President X", "the Ukrainian government",
 * "X-led Y", capitalised sequences, acronyms — and groups them coreference-light: same canonical name,
 * surname to full name ("Psaki" → "Jen Psaki"), acronym to the expansion it follows in parentheses.
 */
import type { Segments, Token } from '../../core/segment/types.js';
import { BoundaryPattern } from '../../core/segment/word-boundary.js';
import type { Span } from '../../core/text/span.js';
import { bodyMatches } from './body-matches.js';
import { ALIAS_INDEX, DEMONYMS, entityKey, TITLES, type EntityType } from './gazetteer.js';

export interface FoundMention extends Span {
  readonly text: string;
  readonly key: string;
  readonly canonical: string;
  readonly type: EntityType;
  /** gazetteer | title | demonym | led | capitalised | acronym */
  readonly source: string;
}

export interface EntityGroup {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: readonly FoundMention[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const ALIAS_RE: RegExp = (() => {
  const variants = new Set<string>();
  for (const alias of ALIAS_INDEX.keys()) {
    const entry = ALIAS_INDEX.get(alias);
    if (!entry) continue;
    for (const a of entry.aliases) {
      variants.add(a);
      if (/^[a-z]/u.test(a)) variants.add(a[0]?.toUpperCase() + a.slice(1));
    }
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}]|-[a-z])`, 'gu');
})();

const NAME = "[A-Z][\\p{L}'’.-]*[\\p{L}]";
const TITLE_RE = new RegExp(
  `(?<![\\p{L}])(?:${[...TITLES].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+(${NAME}(?:\\s+${NAME}){0,2})`,
  'gu',
);
const GOV_NOUNS = 'civilians|citizens|population|children|families|refugees|protesters|government|authorities|regime|army|forces|military|troops|leadership|officials|ministry|administration|parliament|elite|elites|media|people|soldiers|side|propaganda|state|nationalists|oligarchs';
const DEMONYM_RE = new RegExp(`(?<![\\p{L}])(?:the\\s+)?(${[...DEMONYMS.keys()].map((d) => d[0]?.toUpperCase() + d.slice(1)).join('|')})\\s+(?:${GOV_NOUNS})(?![\\p{L}])`, 'gu');
const LED_RE = /(?<![\p{L}])([A-Z][\p{L}.]*(?:-[A-Z][\p{L}]*)?)-(?:led|backed|sponsored|controlled|funded)\s+/gu;
const CAP_WORD = "[A-Z][\\p{L}-]*[\\p{L}](?:['’][A-Z][\\p{L}]+)?";
const CAPS_RE = new RegExp(`(?<![\\p{L}'’-])(${CAP_WORD}(?:[ \\t]+(?:of[ \\t]+the[ \\t]+|of[ \\t]+|for[ \\t]+|de[ \\t]+|von[ \\t]+der[ \\t]+)?${CAP_WORD})*)`, 'gu');
const LED_WORD = /-(?:led|backed|sponsored|controlled|funded|like)$/u;
/** How a text before a mention ends when an LED_RE match ends there: most mentions skip the LED_RE search. */
const LED_TAIL = /-(?:led|backed|sponsored|controlled|funded)\s+$/u;
const ACRONYM_RE = /(?<![\p{L}])[A-Z]{2,6}(?![\p{L}])/gu;
const STOP_CAPS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'But', 'And', 'Or', 'If', 'In', 'On', 'At', 'For', 'As', 'By', 'With', 'From', 'To', 'Of', 'So', 'Yet', 'Lie', 'Motive', 'Truth', 'Myth', 'Fact', 'Claim', 'However', 'Meanwhile', 'Moreover', 'Still', 'Also', 'There', 'Here', 'What', 'Why', 'How', 'When', 'Where', 'Who', 'Which', 'While', 'After', 'Before', 'According', 'Source', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'OK', 'TV', 'AM', 'PM', 'US-led', 'Mr', 'Mrs']);

/** The same matches, found sooner (see BoundaryPattern). */
const FAST_ALIAS = new BoundaryPattern(ALIAS_RE);
const FAST_TITLE = new BoundaryPattern(TITLE_RE);
const FAST_DEMONYM = new BoundaryPattern(DEMONYM_RE);

interface Candidate extends Span {
  readonly head: string;
  readonly source: string;
  readonly priority: number;
}

/** Every mention in the text, longest first where candidates overlap, in text order. */
export function findMentions(text: string, segments?: Segments): FoundMention[] {
  const cands: Candidate[] = [];
  const push = (start: number, end: number, head: string, source: string, priority: number): void => {
    if (end > start) cands.push({ start, end, head, source, priority });
  };
  for (const m of FAST_ALIAS.matchAll(text)) push(m.index, m.index + m[0].length, m[0], 'gazetteer', 3);
  for (const m of FAST_TITLE.matchAll(text)) {
    const name = m[1] as string;
    const start = m.index;
    push(start, start + m[0].length, name, 'title', 4);
  }
  for (const m of FAST_DEMONYM.matchAll(text)) push(m.index, m.index + m[0].length, m[0], 'demonym', 4);
  // "the Northland army": a capitalised name followed by the body it names (body-matches.ts).
  for (const m of bodyMatches(text)) if (!STOP_CAPS.has(m.name)) push(m.index, m.end, text.slice(m.index, m.end), 'body', 3);
  const sentenceStarts = new Set((segments?.sentences ?? []).map((s) => s.start));
  const propn = segments ? propnStarts(segments.tokens) : null;
  // An exec loop, not matchAll: no iterator result per match (there is one match per capitalised word run).
  CAPS_RE.lastIndex = 0;
  for (let m = CAPS_RE.exec(text); m !== null; m = CAPS_RE.exec(text)) {
    const run = m[1] as string;
    // Most runs are one word (sentence starts, lone names): the same tests as below without splitting.
    if (run.indexOf(' ') < 0 && run.indexOf('\t') < 0) {
      if (STOP_CAPS.has(run) || LED_WORD.test(run)) continue;
      const at = m.index;
      if (isClauseStart(text, at, sentenceStarts) || /ly$/u.test(run) || (propn && !propn.has(at)) || /^[A-Z]{2,6}$/u.test(run)) continue;
      push(at, at + m[0].length, text.slice(at, at + m[0].length), 'capitalised', 1);
      continue;
    }
    const words = run.split(/[ \t]+/u);
    let start = m.index;
    // Drop function words capitalised at the start of a sentence ("The", "According").
    while (words.length > 0 && STOP_CAPS.has(words[0] as string)) {
      start = text.indexOf(words[1] ?? '', start + (words[0] as string).length);
      words.shift();
    }
    if (words.length === 0 || start < 0) continue;
    const end = m.index + m[0].length;
    const single = words.length === 1;
    // A lone capitalised word counts only mid-sentence and when the tagger agrees it is a proper noun.
    if (LED_WORD.test(words.at(-1) as string)) continue;
    // A clause-initial word that the tagger does not call a proper noun is an ordinary word ("Revive").
    while (words.length > 1 && isClauseStart(text, start, sentenceStarts) && propn && !propn.has(start)) {
      start = text.indexOf(words[1] as string, start + (words[0] as string).length);
      words.shift();
    }
    if (single && (isClauseStart(text, start, sentenceStarts) || /ly$/u.test(words[0] as string) || (propn && !propn.has(start)) || /^[A-Z]{2,6}$/u.test(words[0] as string))) continue;
    push(start, end, text.slice(start, end), 'capitalised', 1);
  }
  ACRONYM_RE.lastIndex = 0;
  for (let m = ACRONYM_RE.exec(text); m !== null; m = ACRONYM_RE.exec(text)) if (!STOP_CAPS.has(m[0])) push(m.index, m.index + m[0].length, m[0], 'acronym', 2);

  // Known names and patterns first (longest wins); bare capitalised sequences only fill the gaps.
  const chosen = pickNonOverlapping(cands.filter((c) => c.priority >= 2), []);
  const all = pickNonOverlapping(cands.filter((c) => c.priority < 2), chosen);

  const out: FoundMention[] = [];
  for (const c of all) {
    let start = c.start;
    // "US-led Western Mainstream Media": the prefix belongs to the mention, the head decides the entity.
    const before = text.slice(Math.max(0, start - 40), start);
    const led = LED_TAIL.test(before) ? [...before.matchAll(LED_RE)].at(-1) : undefined;
    let source = c.source;
    if (led && led.index + led[0].length === before.length) {
      start = start - before.length + led.index;
      source = 'led';
    }
    const k = entityKey(c.head);
    if (k.key.length < 2) continue;
    out.push({ start, end: c.end, text: text.slice(start, c.end), key: k.key, canonical: k.canonical, type: k.type, source });
  }
  // A "-led" prefix can swallow a mention found on its own ("US" in "US-led ..."): the longer one stays.
  // Only a mention that took a prefix can hold another (the candidates picked do not overlap, and the
  // others keep their span), so only those are compared with the rest.
  const led = out.filter((o) => o.source === 'led');
  if (led.length === 0) return out;
  return out.filter((m) => !led.some((o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start));
}

/** Start of a sentence, a line, or a labelled part ("Motive: Misportray ..."). */
function isClauseStart(text: string, offset: number, sentenceStarts: ReadonlySet<number>): boolean {
  if (sentenceStarts.has(offset)) return true;
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || /[\n.!?:;"“(]/u.test(text[i] as string);
}

function pickNonOverlapping(cands: readonly Candidate[], taken: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  // `out` stays sorted by start and non-overlapping, so one binary search finds the only possible clashes.
  const out: Candidate[] = [...taken].sort((a, b) => a.start - b.start);
  for (const c of sorted) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((out[mid] as Candidate).start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = out[lo - 1];
    const after = out[lo];
    if ((before && before.end > c.start) || (after && after.start < c.end)) continue;
    out.splice(lo, 0, c);
  }
  return out;
}

function propnStarts(tokens: readonly Token[]): Set<number> {
  const s = new Set<number>();
  for (const t of tokens) if (t.pos === 'PROPN') s.add(t.start);
  return s;
}

/** "North Atlantic Treaty Organization (NATO)": a name and the acronym it defines. */
const ACRONYM_DEFINITION = /([A-Z][\p{L}-]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\p{L}-]+)+)\s+\(([A-Z]{2,6})\)/gu;
const ACRONYM_IN_PARENS = /\([A-Z]{2,6}\)/u;

/** Groups mentions into entities: same key, surname → full name, acronym → expansion. */
export function groupMentions(text: string, mentions: readonly FoundMention[]): EntityGroup[] {
  const alias = new Map<string, string>();
  const keys = [...new Set(mentions.map((m) => m.key))];
  // Multi-word names by their last word: comparing every one-word key with every key was quadratic, and
  // a pasted blob of random text (tens of thousands of name-like "words") took minutes.
  const byLastWord = new Map<string, string[]>();
  for (const o of keys) {
    const space = o.lastIndexOf(' ');
    if (space < 0) continue;
    const last = o.slice(space + 1);
    const list = byLastWord.get(last);
    if (list) list.push(o);
    else byLastWord.set(last, [o]);
  }
  for (const k of keys) {
    if (k.includes(' ')) continue;
    // A one-word person name joins the one multi-word name in the document that ends with it.
    const full = byLastWord.get(k) ?? [];
    if (full.length === 1) alias.set(k, full[0] as string);
  }
  // Every match holds "(ABC)": most texts have none, and this test is a quarter of the search's cost.
  const defines = ACRONYM_IN_PARENS.test(text);
  for (const m of defines ? text.matchAll(ACRONYM_DEFINITION) : []) {
    const long = entityKey(m[1] as string).key;
    const short = entityKey(m[2] as string).key;
    // A known acronym keeps its gazetteer identity; an unknown one joins the name it abbreviates.
    if (long !== short && !ALIAS_INDEX.has((m[2] as string).toLowerCase())) alias.set(short, long);
  }
  const groups = new Map<string, FoundMention[]>();
  for (const m of mentions) {
    const key = alias.get(m.key) ?? m.key;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, ms]) => {
    const named = ms.find((m) => m.key === key) ?? (ms[0] as FoundMention);
    return { key, name: named.canonical, type: named.type, mentions: ms };
  });
}
