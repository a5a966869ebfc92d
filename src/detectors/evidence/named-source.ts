/**
 * Marks named sources a text relies on: "according to the World Health Organization", "Reuters reported",
 * "a study by Oxford University", "по данным Минздрава", "laut Robert Koch-Institut", "selon l'INSEE",
 * "según la OMS". The finding's span is the name; `kind` says whether it reads as an institution.
 * A bare mention of an organisation is not a source: only a name in a sourcing construction counts.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { tightenBoundaries } from '../../core/segment/word-boundary.js';
import {
  ACRONYM_SOURCE,
  ENGLISH_LOWER_KIND_NAME,
  isInstitution,
  NAME,
  ROMANCE_LOWER_KIND,
  SLAVIC_LOWER_KIND,
} from './patterns.js';
import { isSpaceCode, mayBeUpper, stickyMatches } from './sticky-matches.js';

const SAY = String.raw`(?:said|says|stated|states|reported|reports|found|finds|confirmed|confirms|announced|concluded|concludes|estimated|estimates|published|publishes|showed|shows|noted|notes|told|wrote|writes|documented|verified|заявил[аио]?|сообщил[аио]?|заявив|повідомив|повідомил[аио]|erklärte|berichtete|teilte mit|a déclaré|a indiqué|afirmó|informó|declaró)`;
/** Constructions that introduce a source before its name; each may start a sentence (first letter either case). */
const INTRO_PHRASES = [
  'according to',
  'as reported by',
  'data from',
  'data by',
  'figures from',
  'statistics from',
  'a study by',
  'a study from',
  'studies by',
  'a report by',
  'a report from',
  'a report of',
  'research by',
  'an analysis by',
  'a survey by',
  'a review by',
  'a poll by',
  'an investigation by',
  'findings from',
  'findings of',
  'published in',
  'published by',
  'reported by',
  'cited by',
  'по данным',
  'по словам',
  'согласно',
  'со ссылкой на',
  'за даними',
  'за словами',
  'згідно з',
  'laut',
  'nach Angaben der',
  'nach Angaben des',
  'nach Angaben von',
  'согласно данным',
  'selon',
  'selon les données',
  'selon les chiffres',
  "d'après",
  'd’après',
  'publié par',
  'publiée par',
  'publiés par',
  'publiées par',
  'según',
  'según datos',
  'según los datos',
  'de acuerdo con',
  'publicado por',
  'publicados por',
  'publicada por',
  'publicadas por',
  'segundo',
  'de acordo com',
  'conforme',
  'secondo',
  'stando a',
  'według',
  'zgodnie z',
  'jak podaje',
  'jak podało',
  'jak podał',
];
/** Up to three lower-case words (adjectives, in Russian and Ukrainian before the noun) and the institution's kind. */
const SLAVIC_LOWER_KIND_NAME = String.raw`(?:[\p{Ll}-]+\s+){0,3}(?:${SLAVIC_LOWER_KIND})`;
const INTRO = INTRO_PHRASES.map((p) => `[${(p[0] as string).toUpperCase()}${p[0] as string}]${p.slice(1).replace(/ /gu, '\\s+')}`);
export const BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:${INTRO.join('|')})\s+(?:the\s+|l['’]|la\s+|le\s+|les\s+|el\s+|los\s+|las\s+|der\s+|des\s+|die\s+|dem\s+|den\s+|du\s+|de\s+la\s+|de\s+l['’]|de\s+|o\s+|os\s+|il\s+|lo\s+|gli\s+)?(${NAME})`,
  'gu',
);
/** "according to the statistics office": a lower-case institution named by its kind, after a sourcing phrase. */
export const BEFORE_LOWER = new RegExp(
  String.raw`(?<![\p{L}])(?:${INTRO.join('|')})\s+the\s+(${ENGLISH_LOWER_KIND_NAME})(?![\p{L}])`,
  'gu',
);
/**
 * "the defence ministry said", "the mayor's office says", "The central bank has reported": a lower-case
 * institution named by its kind before a reporting verb (AFTER needs a capitalised name).
 */
export const AFTER_LOWER = new RegExp(
  String.raw`(?<![\p{L}])[Tt]he\s+(${ENGLISH_LOWER_KIND_NAME}),?\s+(?:has\s+|have\s+|had\s+)?${SAY}(?![\p{L}])`,
  'gu',
);
/**
 * "по данным статистического ведомства", "selon le ministère de la santé", "según el instituto nacional": a
 * lower-case institution named by its kind after a sourcing phrase in Russian, Ukrainian, French or Spanish
 * (Slavic without an article, French and Spanish with one; the name is group 1 or 2, without the article).
 * English has BEFORE_LOWER ("the ... office").
 */
export const BEFORE_LOWER_OTHER = new RegExp(
  String.raw`(?<![\p{L}])(?:${INTRO.join('|')})\s+(?:(${SLAVIC_LOWER_KIND_NAME})|(?:(?:le|la|les|el|los|las|du|des|del|de\s+la|o|os|do|da|dos|il|lo|gli|dal|dalla|della|dello)\s+|(?:de\s+)?l['’])(${ROMANCE_LOWER_KIND}))(?![\p{L}])`,
  'gu',
);
export const AFTER = new RegExp(
  String.raw`(${NAME}),?\s+(?:has\s+|have\s+|had\s+)?${SAY}(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`,
  'gu',
);
/** Sentence-initial words, pronouns (also German, French, Spanish, Russian, Ukrainian: "Das berichtete …") and vague subjects that are not names of sources. */
const VAGUE =
  /^(?:the\s+)?(?:it|this|that|these|those|he|she|we|they|i|you|studies|experts|scientists|research|researchers|data|officials|sources|critics|many|some|others|everyone|people|analysts|reports|doctors|media|the media|he also|she also|но|and|but|also|das|dies|dieses|er|sie|es|man|wir|ich|il|elle|ils|elles|on|nous|cela|ceci|él|ella|ellos|ellas|esto|eso|он|она|они|оно|это|мы|я|він|вона|вони|це|как|так|также|вчера|сегодня|затем|позже|як|також|вчора|сьогодні|потім|пізніше)$/iu;
/** A "Source: ..." line, as myth/fact pages put under each fact. */
const SOURCE_LINE =
  /(?:^|\n)[ \t]*(?:Sources?|Источники?|Джерела?|Джерело|Quellen?|Fuentes?|来源|出处)[ \t]*[:：][ \t]*([^\n]{2,200})/gu;
/**
 * German puts the verb second and the subject after it: "Das teilte das Paul-Ehrlich-Institut mit", "Das
 * bestätigte die WHO". Every German noun is capitalised, so the name counts only when it reads as an
 * institution (isInstitution, an acronym): "sagte der Sprecher" is not a source.
 */
const GERMAN_VERB_SECOND = new RegExp(
  String.raw`(?<![\p{L}])(?:teilte|teilten|erklärte|erklärten|berichtete|berichteten|meldete|meldeten|bestätigte|bestätigten|schätzte|schätzten|veröffentlichte|veröffentlichten)\s+(?:der|die|das|dem)\s+(${NAME})`,
  'gu',
);
/** Russian and Ukrainian reporting verbs in every gender and number ("заявило министерство", "повідомила адміністрація"). */
const SLAVIC_SAY = String.raw`(?:заявил[аио]?|сообщил[аио]?|заявив|повідомив|повідомил[аио]|сообщает|сообщают|заявляет|повідомляє|повідомляють|заявляє)`;
/**
 * "Национальный банк заявил", "Міністерство оборони повідомило": in Russian and Ukrainian an institution's name
 * is one capitalised word and lower-case ones (adjectives before, genitives after the noun); counted only when
 * it names an institution by its kind (isInstitution), so "Вчера министр заявил" is not a source.
 */
const AFTER_SLAVIC = new RegExp(
  String.raw`(?<![\p{L}])(\p{Lu}[\p{Ll}'’-]+(?:\s+[\p{Ll}'’-]+){1,3}),?\s+${SLAVIC_SAY}(?![\p{L}])`,
  'gu',
);
/** The verb first, as Russian and Ukrainian often put it: "как сообщило министерство обороны", "повідомила обласна адміністрація". */
const SLAVIC_VERB_FIRST = new RegExp(
  String.raw`(?<![\p{L}])${SLAVIC_SAY}\s+(${SLAVIC_LOWER_KIND_NAME}(?:\s+[\p{Ll}'’-]+)?)(?![\p{L}])`,
  'gu',
);
const CYRILLIC = /[\u0400-\u04FF]/u;
/** What AFTER_LOWER must not follow: "of" makes the institution part of a longer subject. */
const OF_BEFORE = /(?:^|[^\p{L}])of\s+$/u;
const CJK = /(?:根据|据)([\p{Script=Han}A-Za-z]{2,20}?)(?:的)?(?:数据|报道|报告|统计|研究|消息|称)/gu;

/**
 * Where BEFORE and BEFORE_LOWER can start: at an opening phrase, i.e. a first letter of one (either case)
 * followed by that phrase's second character (any whitespace where the phrase has a space), not right
 * after an ASCII letter (the patterns' lookbehind). A superset of their match starts, found by one pass.
 */
/** The opening phrases' first letters (either case; all in the BMP) → the lower-case one; 0: none. */
const INTRO_FIRST = new Uint16Array(0x10000);
const INTRO_PAIRS = new Set<number>();
for (const p of INTRO_PHRASES) {
  const first = p.charCodeAt(0);
  INTRO_FIRST[first] = first;
  INTRO_FIRST[p[0]!.toUpperCase().charCodeAt(0)] = first;
  INTRO_PAIRS.add(first * 0x10000 + p.charCodeAt(1));
}

/** Exported for the equivalence test (sticky-matches.test.ts), as are `afterStarts` and the patterns. */
export function introStarts(text: string): number[] {
  const out: number[] = [];
  for (let p = 0; p + 1 < text.length; p++) {
    const first = INTRO_FIRST[text.charCodeAt(p)] as number;
    if (first === 0) continue;
    const before = p > 0 ? text.charCodeAt(p - 1) | 0x20 : 0;
    if (before >= 97 && before <= 122) continue;
    const second = text.charCodeAt(p + 1);
    if (INTRO_PAIRS.has(first * 0x10000 + (isSpaceCode(second) ? 32 : second))) out.push(p);
  }
  return out;
}

/** First letters of the reporting verbs (each alternative of SAY opens with a literal letter). */
const SAY_FIRST = new Set(
  SAY.slice('(?:'.length, -1)
    .split('|')
    .map((v) => v.charCodeAt(0)),
);
const SAY_AT = new RegExp(SAY, 'uy');
/**
 * Most whitespace runs an AFTER match has before its verb: after "the" (1), between the eight words of a
 * name with joiners (14), before "has" (1) and before the verb (1). Names, joiners and "has" hold none.
 */
const MAX_GAPS = 17;

/**
 * Where AFTER can start: every match ends in a reporting verb that follows whitespace, within MAX_GAPS
 * whitespace runs before it, on a "t", "T", digit or upper-case letter. A superset of its match starts.
 */
export function afterStarts(text: string): number[] {
  const out: number[] = [];
  let next = 0;
  for (let q = 1; q < text.length; q++) {
    if (!isSpaceCode(text.charCodeAt(q - 1)) || !SAY_FIRST.has(text.charCodeAt(q))) continue;
    SAY_AT.lastIndex = q;
    if (!SAY_AT.test(text)) continue;
    let i = q;
    let gaps = 0;
    while (i > 0) {
      if (isSpaceCode(text.charCodeAt(i - 1))) {
        if (++gaps > MAX_GAPS) break;
        while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
      } else while (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) i--;
    }
    for (let p = Math.max(i, next); p < q; p++) {
      const c = text.charCodeAt(p);
      if (c === 116 || (c >= 48 && c <= 57) || mayBeUpper(c)) out.push(p);
    }
    next = Math.max(next, q);
  }
  return out;
}

/** The patterns, sticky, for `stickyMatches` (none can match the empty string: each needs a name). */
const BEFORE_AT = new RegExp(tightenBoundaries(BEFORE.source, BEFORE.flags), 'uy');
const BEFORE_LOWER_AT = new RegExp(tightenBoundaries(BEFORE_LOWER.source, BEFORE_LOWER.flags), 'uy');
const BEFORE_LOWER_OTHER_AT = new RegExp(tightenBoundaries(BEFORE_LOWER_OTHER.source, BEFORE_LOWER_OTHER.flags), 'uy');
const AFTER_AT = new RegExp(tightenBoundaries(AFTER.source, AFTER.flags), 'uy');
const AFTER_LOWER_AT = new RegExp(tightenBoundaries(AFTER_LOWER.source, AFTER_LOWER.flags), 'uy');

export const namedSource: Detector = {
  meta: {
    id: 'evidence/named-source',
    version: '1.0.0',
    family: 'evidence',
    description:
      'Named sources and institutions a statement rests on ("according to X", "X reported", "a study by X", "по данным X", "laut X", "selon X", "según X").',
    taxonomy: [],
    messages: { source: 'Named source ({{kind}}).' },
    requires: [],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: [
        'The CSTO is carrying out operations aimed at restoring order.',
        'Experts say the plan will fail.',
        // A person, not an institution, before the verb.
        'Вчера министр финансов заявил о новых мерах.',
        // The speaker is the member, not the board; and "the report of the bank" names no bank.
        'A member of the school board, said he would vote against it.',
        'The report of the council found gaps.',
      ],
      invalid: [
        {
          text: 'The rate fell, according to the ⟦World Health Organization⟧.',
          messageId: 'source',
          data: { kind: 'institution' },
        },
        {
          text: '⟦Reuters⟧ reported that the plant had closed.',
          messageId: 'source',
          data: { name: 'Reuters', kind: 'source' },
        },
        { text: 'Смертность снизилась, по данным ⟦Минздрава⟧.', messageId: 'source', language: 'ru' },
        { text: '⟦Национальный банк⟧ заявил, что курс не изменится.', messageId: 'source', language: 'ru', data: { kind: 'institution' } },
        { text: 'Як повідомила ⟦обласна військова адміністрація⟧, тривога триває.', messageId: 'source', language: 'uk' },
        {
          text: 'A study by ⟦Oxford University⟧ found no link.',
          messageId: 'source',
          data: { kind: 'institution' },
        },
        {
          text: 'Prices rose, according to the ⟦statistics office⟧.',
          messageId: 'source',
          data: { kind: 'institution' },
        },
        {
          text: 'The economy grew by 2 percent, according to the ⟦central bank⟧.',
          messageId: 'source',
          data: { kind: 'institution' },
        },
        {
          text: 'Twelve cases were confirmed, the ⟦health ministry⟧ said on Tuesday.',
          messageId: 'source',
          data: { name: 'health ministry', kind: 'institution' },
        },
        {
          text: "The ⟦mayor's office⟧ says the rumour began with a satirical post.",
          messageId: 'source',
          data: { kind: 'institution' },
        },
        {
          text: 'Fact: Cats kill more birds.\nSource: ⟦National Bird Survey 2021⟧.',
          messageId: 'source',
          data: { kind: 'source' },
        },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    const seen = new Set<string>();
    const add = (start: number, name: string, label: string): void => {
      const trimmed = name.replace(/[\s.,'’-]+$/u, '');
      if (!trimmed || VAGUE.test(trimmed) || seen.has(`${start}`)) return;
      const how =
        label === 'before'
          ? 'sourcing phrase before a name'
          : label === 'line'
            ? 'a "Source:" line'
            : 'name followed by a reporting verb';
      seen.add(`${start}`);
      out.push({
        span: { start, end: start + trimmed.length },
        messageId: 'source',
        data: {
          name: trimmed.replace(/^the\s+/iu, ''),
          kind:
            isInstitution(trimmed.replace(/^the\s+/iu, '')) || ACRONYM_SOURCE.test(trimmed)
              ? 'institution'
              : 'source',
        },
        confidence: label === 'after' ? 0.75 : 0.9,
        evidence: [{ kind: 'pattern', label: how }],
      });
    };
    const intros = introStarts(ctx.text);
    for (const m of stickyMatches(ctx.text, BEFORE_AT, intros)) {
      const name = m[1] as string;
      add((m.index ?? 0) + m[0].length - name.length, name, 'before');
    }
    for (const m of stickyMatches(ctx.text, BEFORE_LOWER_AT, intros)) {
      const name = m[1] as string;
      add((m.index ?? 0) + m[0].length - name.length, name, 'before');
    }
    for (const m of stickyMatches(ctx.text, BEFORE_LOWER_OTHER_AT, intros)) {
      const name = (m[1] ?? m[2]) as string;
      add((m.index ?? 0) + m[0].length - name.length, name, 'before');
    }
    const afters = afterStarts(ctx.text);
    for (const m of stickyMatches(ctx.text, AFTER_AT, afters)) {
      const name = m[1] as string;
      add(m.index ?? 0, name, 'after');
    }
    // Every match starts on "the" or "The", a "t" or a capital within reach of its verb: among afterStarts.
    for (const m of stickyMatches(ctx.text, AFTER_LOWER_AT, afters)) {
      // "a member of the school board, says he ...": the speaker is the member, not the board.
      if (OF_BEFORE.test(ctx.text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0))) continue;
      const name = m[1] as string;
      add((m.index ?? 0) + m[0].indexOf(name, 4), name, 'after');
    }
    if (CYRILLIC.test(ctx.text)) {
      for (const m of ctx.text.matchAll(AFTER_SLAVIC)) {
        // The shortest ending that names an institution: "Національний банк", not "Національний банк вчора".
        const words = (m[1] as string).split(/(?<=\S)(?=\s)/u);
        for (let n = 2; n <= words.length; n++) {
          const name = words.slice(0, n).join('');
          if (!isInstitution(name)) continue;
          if (n === words.length) add(m.index ?? 0, name, 'after');
          break;
        }
      }
      for (const m of ctx.text.matchAll(SLAVIC_VERB_FIRST)) {
        const name = m[1] as string;
        add((m.index ?? 0) + m[0].length - name.length, name, 'after');
      }
    }
    for (const m of ctx.text.matchAll(SOURCE_LINE)) {
      const name = (m[1] as string).replace(/[\s.;,]+$/u, '');
      add((m.index ?? 0) + m[0].length - (m[1] as string).length, name, 'line');
    }
    for (const m of ctx.text.matchAll(GERMAN_VERB_SECOND)) {
      const name = m[1] as string;
      if (isInstitution(name) || ACRONYM_SOURCE.test(name)) add((m.index ?? 0) + m[0].length - name.length, name, 'after');
    }
    for (const m of ctx.text.matchAll(CJK)) {
      const name = m[1] as string;
      add((m.index ?? 0) + m[0].indexOf(name), name, 'before');
    }
    return out;
  },
};
