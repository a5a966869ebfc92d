/**
 * Small noun-phrase helpers for ledger attribution, shared by the claim-attribution detector and the ledger
 * aggregator (so they live in core, which both may import): walk back from an anchor ("... campaign, the
 * narratives of which") or forward from one ("spread by ...") over the words of a name, stopping at
 * articles, prepositions, verbs and punctuation, and drop leading intensifiers ("an intense ... campaign").
 */
import type { Span } from './span.js';
import { BoundaryPattern } from '../segment/word-boundary.js';

/** Words that end a phrase when walking over it. */
const STOP = new Set(
  'a an the by of from to that which who whom whose this these those is are was were be been will would can could should may might has have had do does did and or but as at in on for with into about than then trigger triggered triggers launch launched spread spreads said says claim claims it its they their them we our us you your he she his her predictably also even now still so'.split(
    ' ',
  ),
);
/** Evaluative or intensity adjectives that colour the phrase but are not part of the holder's name. */
const INTENSIFIERS = new Set(
  'intense massive relentless huge vast unprecedented aggressive desperate hysterical vicious fierce ongoing latest usual new so-called notorious infamous predictable inevitable coordinated large-scale full-scale'.split(
    ' ',
  ),
);
/** Verbs that commonly follow a holder's name in a sentence. */
const VERBS = new Set(
  'keep keeps continue continues remain remains appear appears circulate circulates spread spreads persist persists get gets go goes show shows make makes use uses'.split(
    ' ',
  ),
);
const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;

/** The name right before `end` in its clause, or null. */
export function backwardPhrase(text: string, end: number): Span | null {
  const from = Math.max(0, end - 160);
  const chunk = text.slice(from, end);
  // Stop at clause punctuation: the phrase lies after the last comma, colon, bracket or line break.
  const cut = Math.max(...[...',;:()[]\n.!?«»“”"—–'].map((c) => chunk.lastIndexOf(c)));
  const clauseStart = from + cut + 1;
  const words = [...text.slice(clauseStart, end).matchAll(WORD)].map((m) => ({
    start: clauseStart + (m.index ?? 0),
    end: clauseStart + (m.index ?? 0) + m[0].length,
    w: m[0],
  }));
  let i = words.length - 1;
  const kept: typeof words = [];
  while (i >= 0 && kept.length < 8) {
    const w = words[i] as (typeof words)[number];
    if (STOP.has(w.w.toLowerCase())) break;
    kept.unshift(w);
    i--;
  }
  while (kept.length > 0 && INTENSIFIERS.has((kept[0] as (typeof words)[number]).w.toLowerCase()))
    kept.shift();
  if (kept.length === 0) return null;
  return {
    start: (kept[0] as (typeof words)[number]).start,
    end: (kept[kept.length - 1] as (typeof words)[number]).end,
  };
}

/** The name right after `start`, up to a clause boundary or a relative word, or null. */
export function forwardPhrase(text: string, start: number): Span | null {
  const chunk = text.slice(start, start + 160);
  const stopAt = chunk.search(
    /[,;:()[\]\n.!?«»“”"—–]|\s(?:that|which|who|to|in order|and then|since|because)\s/u,
  );
  const clause = stopAt >= 0 ? chunk.slice(0, stopAt) : chunk;
  const all = [...clause.matchAll(WORD)].slice(0, 8);
  // The name ends where a verb or function word starts ("... by state media keep spreading").
  const stop = all.findIndex(
    (w, i) => i > 0 && (STOP.has(w[0].toLowerCase()) || VERBS.has(w[0].toLowerCase())),
  );
  const words = stop > 0 ? all.slice(0, stop) : all;
  while (
    words.length > 0 &&
    ['the', 'a', 'an', ...INTENSIFIERS].includes((words[0] as RegExpMatchArray)[0].toLowerCase())
  )
    words.shift();
  if (words.length === 0) return null;
  const first = words[0] as RegExpMatchArray;
  const last = words[words.length - 1] as RegExpMatchArray;
  return { start: start + (first.index ?? 0), end: start + (last.index ?? 0) + last[0].length };
}

const GROUP =
  /(?<![\p{L}\p{N}])(?:media|MSM|press|campaign|propaganda|propagandists?|West|Western|Kremlin|establishment|elites?|critics|opponents|activists|sceptics|skeptics|anti-?vaxx?ers|anti-vaccine|conspiracy theorists|politicians|pundits|commentators|journalists|bloggers|outlets|networks|trolls|bots|agencies|NGOs|lobby|lobbyists|think tanks|people|users|accounts|regime|government|authorities|officials|side|camp|forces|liberals|conservatives|globalists|deniers|alarmists|enemies|adversaries|warfare|machine|operation|apparatus|opposition|separatists|nationalists|extremists|channels|television)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|СМИ|медиа|Запад|пропаганд|критики|власти|режим|ЗМІ|Захід|влада|Medien|Westen|Kritiker|médias|Occident|critiques|medios|Occidente|críticos|媒体|西方/iu;
/** The same answers, found sooner (see BoundaryPattern). */
const FAST_GROUP = new BoundaryPattern(GROUP);

/** Whether the holder reads as a broad group, a side or the media rather than a named individual. */
export function isBroadGroup(holder: string): boolean {
  return FAST_GROUP.test(holder);
}
