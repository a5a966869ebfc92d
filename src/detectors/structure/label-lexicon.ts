/**
 * The label words of rebuttal-format documents ("Lie:", "Myth", "Reality check", "Правда", "谣言"), as data.
 * Each entry has a canonical English key (so that "Миф / Факт" and "Myth / Fact" give the same layout name),
 * the role the field plays in a ledger item, and, for claim labels that carry a judgement ("Lie", "Fake"),
 * the verdict they imply. Words are matched case-insensitively; an optional article is part of the word.
 */

export type LabelRole = 'claim' | 'rebuttal' | 'verdict' | 'motive' | 'attribution' | 'question' | 'answer';

/** Normalised verdicts a claim label implies; mirrors `VerdictLabel` of the result types. */
export type ImpliedVerdict = 'false' | 'misleading' | 'unproven' | 'partly-false' | 'missing-context';

export interface LabelEntry {
  readonly key: string;
  readonly role: LabelRole;
  readonly verdict?: ImpliedVerdict;
  /**
   * Strong labels identify a fact-check page even when the page holds a single item ("Fake:", "DISINFO:",
   * "Summary / Disproof", "Claim / Verdict"); weak ones ("Q", "Claim") need a paired label to count.
   */
  readonly strong?: boolean;
  readonly words: Readonly<Record<string, readonly string[]>>;
}

export const LABELS: readonly LabelEntry[] = [
  // --- claims that the document counters ---
  {
    key: 'lie',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['lie', 'the lie', 'big lie'],
      ru: ['ложь'],
      uk: ['брехня', 'неправда'],
      de: ['lüge', 'die lüge'],
      fr: ['mensonge', 'le mensonge'],
      es: ['mentira', 'la mentira'],
      zh: ['谎言'],
    },
  },
  {
    key: 'myth',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['myth', 'the myth', 'myths'],
      ru: ['миф', 'мифы'],
      uk: ['міф', 'міфи'],
      de: ['mythos', 'der mythos', 'mythen', 'irrtum'],
      fr: ['mythe', 'le mythe', 'idée reçue', 'idée fausse'],
      es: ['mito', 'el mito', 'mitos'],
      zh: ['误区', '迷思', '谣言', '传言'],
    },
  },
  {
    key: 'fake',
    role: 'claim',
    verdict: 'false',
    strong: true,
    words: {
      en: ['fake', 'fake news', 'fake claim', 'hoax'],
      ru: ['фейк', 'фэйк'],
      uk: ['фейк'],
      de: ['fake', 'falschmeldung'],
      fr: ['intox', 'infox', 'fake news'],
      es: ['bulo', 'fake', 'noticia falsa'],
      zh: ['假新闻', '假消息'],
    },
  },
  {
    key: 'disinfo',
    role: 'claim',
    verdict: 'false',
    strong: true,
    words: {
      en: ['disinfo', 'disinformation', 'misinformation'],
      ru: ['дезинформация'],
      uk: ['дезінформація'],
      de: ['desinformation'],
      fr: ['désinformation'],
      es: ['desinformación'],
      zh: ['虚假信息'],
    },
  },
  {
    key: 'manipulation',
    role: 'claim',
    verdict: 'misleading',
    strong: true,
    words: {
      en: ['manipulation'],
      ru: ['манипуляция'],
      uk: ['маніпуляція'],
      de: ['manipulation'],
      fr: ['manipulation'],
      es: ['manipulación'],
      zh: ['操纵'],
    },
  },
  {
    key: 'falsehood',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['falsehood', 'false claim', 'false statement'],
      ru: ['неправда', 'ложное утверждение'],
      de: ['falschbehauptung', 'falsche behauptung'],
      fr: ['fausse affirmation', 'contre-vérité'],
      es: ['falsedad', 'afirmación falsa'],
    },
  },
  {
    key: 'false-narrative',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['false narrative', 'disinformation narrative', 'narrative'],
      ru: ['ложный нарратив', 'нарратив'],
      uk: ['хибний наратив', 'наратив'],
      de: ['falsches narrativ', 'narrativ'],
      fr: ['faux récit', 'récit'],
      es: ['falsa narrativa', 'narrativa'],
    },
  },
  {
    key: 'misconception',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['misconception', 'common misconception'],
      ru: ['заблуждение'],
      uk: ['хибне уявлення'],
      de: ['fehlannahme'],
      fr: ['idée fausse'],
      es: ['concepto erróneo', 'creencia errónea'],
    },
  },
  {
    key: 'rumour',
    role: 'claim',
    verdict: 'unproven',
    words: {
      en: ['rumour', 'rumor'],
      ru: ['слух'],
      uk: ['чутка'],
      de: ['gerücht'],
      fr: ['rumeur'],
      es: ['rumor'],
    },
  },
  // Ratings written as the label of the claim they rate, as fact-check round-ups do ("FALSE: Photo shows ...").
  {
    key: 'rated-false',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['false', 'rated false'],
      ru: ['неверно'],
      uk: ['невірно'],
      de: ['falsch'],
      fr: ['faux'],
      es: ['falso'],
      zh: ['错误'],
    },
  },
  {
    key: 'rated-misleading',
    role: 'claim',
    verdict: 'misleading',
    words: {
      en: ['misleading'],
      ru: ['вводит в заблуждение'],
      uk: ['вводить в оману'],
      de: ['irreführend'],
      fr: ['trompeur', 'trompeuse'],
      es: ['engañoso', 'engañosa'],
      zh: ['误导'],
    },
  },
  {
    key: 'rated-partly-false',
    role: 'claim',
    verdict: 'partly-false',
    words: {
      en: ['partly false', 'mostly false', 'half true'],
      ru: ['частично неверно'],
      de: ['teilweise falsch'],
      fr: ['partiellement faux'],
      es: ['parcialmente falso'],
    },
  },
  {
    key: 'rated-missing-context',
    role: 'claim',
    verdict: 'missing-context',
    words: {
      en: ['missing context', 'needs context', 'lacks context'],
      de: ['fehlender kontext'],
      fr: ['contexte manquant', 'hors contexte'],
      es: ['sin contexto', 'falta contexto'],
    },
  },
  {
    key: 'rated-unproven',
    role: 'claim',
    verdict: 'unproven',
    words: {
      en: ['unproven', 'unsupported', 'unsubstantiated'],
      de: ['unbelegt'],
      fr: ['non prouvé'],
      es: ['no probado'],
    },
  },
  {
    key: 'allegation',
    role: 'claim',
    words: {
      en: ['allegation', 'the allegation'],
      ru: ['обвинение'],
      uk: ['звинувачення'],
      de: ['vorwurf'],
      fr: ['allégation', 'accusation'],
      es: ['alegación', 'acusación'],
    },
  },
  {
    key: 'claim',
    role: 'claim',
    words: {
      en: [
        'claim',
        'the claim',
        'what was claimed',
        'the claims',
        'statement',
        'what they say',
        'what they claim',
        'what is being claimed',
        'what is being said',
        "what's being said",
        'what’s being said',
        'they say',
        // A claim labelled by its holder ("Kremlin claim: ... The facts: ..."), as government pages write it.
        'their claim',
        'kremlin claim',
        'russian claim',
        'western claim',
        'ukrainian claim',
        'chinese claim',
        'official claim',
      ],
      ru: ['утверждение', 'заявление', 'что говорят', 'что утверждают'],
      uk: ['твердження', 'заява', 'що стверджують'],
      de: ['behauptung', 'die behauptung'],
      fr: ['affirmation', "l'affirmation", 'ce qui est affirmé'],
      es: ['afirmación', 'la afirmación', 'lo que se afirma'],
      zh: ['说法', '声称', '网传'],
    },
  },
  {
    key: 'conspiracy-theory',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['conspiracy theory', 'conspiracy myth'],
      ru: ['теория заговора'],
      uk: ['теорія змови'],
      de: ['verschwörungstheorie', 'verschwörungsmythos'],
      fr: ['théorie du complot'],
      es: ['teoría de la conspiración', 'teoría conspirativa'],
    },
  },
  {
    key: 'fiction',
    role: 'claim',
    verdict: 'false',
    words: {
      en: ['fiction'],
      ru: ['вымысел'],
      uk: ['вигадка'],
      de: ['fiktion'],
      fr: ['fiction'],
      es: ['ficción'],
    },
  },
  {
    key: 'summary',
    role: 'claim',
    strong: true,
    words: {
      en: ['summary', 'summary of the disinformation'],
      ru: ['резюме'],
      uk: ['резюме'],
      de: ['zusammenfassung'],
      fr: ['résumé'],
      es: ['resumen'],
    },
  },
  {
    key: 'question',
    role: 'question',
    words: {
      en: ['q', 'question'],
      ru: ['вопрос', 'в'],
      uk: ['питання', 'запитання'],
      de: ['frage', 'f'],
      fr: ['question'],
      es: ['pregunta', 'p'],
      zh: ['问', '问题'],
    },
  },
  // --- the document's own counter-claims ---
  {
    key: 'truth',
    role: 'rebuttal',
    words: {
      en: ['truth', 'the truth'],
      ru: ['правда', 'истина'],
      uk: ['правда', 'істина'],
      de: ['wahrheit', 'die wahrheit'],
      fr: ['vérité', 'la vérité'],
      es: ['verdad', 'la verdad'],
      zh: ['真相'],
    },
  },
  {
    key: 'fact',
    role: 'rebuttal',
    words: {
      en: [
        'fact',
        'facts',
        'the fact',
        'the facts',
        'fact check',
        'fact-check',
        'what we found',
        'the evidence',
        'what the evidence says',
        'what the science says',
        'what is true',
        "what's true",
        'what’s true',
        'we say',
      ],
      ru: ['факт', 'факты', 'что на самом деле'],
      uk: ['факт', 'факти', 'що насправді'],
      de: ['fakt', 'fakten', 'tatsache', 'faktencheck', 'richtig ist'],
      fr: ['fait', 'faits', 'les faits'],
      es: ['hecho', 'hechos', 'los hechos', 'dato'],
      zh: ['事实'],
    },
  },
  {
    key: 'reality',
    role: 'rebuttal',
    words: {
      en: ['reality', 'the reality', 'in reality'],
      ru: ['реальность', 'на самом деле', 'в действительности'],
      uk: ['реальність', 'насправді', 'дійсність'],
      de: ['realität', 'wirklichkeit', 'in wirklichkeit'],
      fr: ['réalité', 'la réalité', 'en réalité'],
      es: ['realidad', 'la realidad', 'en realidad'],
      zh: ['实际上', '现实'],
    },
  },
  {
    key: 'reality-check',
    role: 'rebuttal',
    words: {
      en: ['reality check', 'reality-check'],
      de: ['realitätscheck'],
      fr: ['vérification'],
      es: ['verificación'],
    },
  },
  {
    key: 'disproof',
    role: 'rebuttal',
    strong: true,
    words: {
      en: ['disproof', 'debunk', 'debunking', 'refutation', 'rebuttal', 'correction'],
      ru: ['опровержение'],
      uk: ['спростування'],
      de: ['widerlegung', 'richtigstellung'],
      fr: ['réfutation', 'désintox', 'rectification'],
      es: ['desmentido', 'refutación'],
      zh: ['辟谣', '澄清'],
    },
  },
  {
    key: 'answer',
    role: 'answer',
    words: {
      en: ['a', 'answer'],
      ru: ['ответ', 'о'],
      uk: ['відповідь'],
      de: ['antwort', 'a'],
      fr: ['réponse', 'r'],
      es: ['respuesta', 'r'],
      zh: ['答', '回答'],
    },
  },
  {
    // "Allegation / Response": the answer of the accused party, a rebuttal in its own voice.
    key: 'response',
    role: 'rebuttal',
    words: {
      en: ['response', 'our response', 'the response'],
    },
  },
  // --- verdicts and ratings ---
  {
    key: 'verdict',
    role: 'verdict',
    strong: true,
    words: {
      en: ['verdict', 'our verdict', 'rating', 'our rating', 'our ruling', 'ruling'],
      ru: ['вердикт', 'оценка'],
      uk: ['вердикт', 'оцінка'],
      de: ['urteil', 'bewertung'],
      fr: ['verdict', 'notre verdict'],
      es: ['veredicto', 'calificación'],
      zh: ['结论', '评级'],
    },
  },
  // --- the motive the document ascribes to those who hold the claim ---
  {
    key: 'motive',
    role: 'motive',
    words: {
      en: ['motive', 'purpose', 'aim', 'goal', 'intent', 'why they say it'],
      ru: ['мотив', 'цель'],
      uk: ['мотив', 'мета'],
      de: ['motiv', 'ziel', 'absicht'],
      fr: ['motif', 'mobile', 'objectif'],
      es: ['motivo', 'objetivo', 'propósito'],
      zh: ['动机', '目的'],
    },
  },
  // --- who the document says holds the claim ---
  {
    key: 'attribution',
    role: 'attribution',
    words: {
      en: [
        'claimed by',
        'attributed to',
        'spread by',
        'said by',
        'made by',
        'who said it',
        'source of the claim',
        'claim source',
        'who is spreading it',
        'who spreads it',
        'who is behind it',
        'who made the claim',
        'claimant',
        'outlet',
        'outlets',
      ],
      ru: ['источник утверждения', 'распространяют', 'кто распространяет'],
      uk: ['джерело твердження', 'поширюють', 'хто поширює'],
      de: ['behauptet von', 'verbreitet von', 'wer verbreitet es'],
      fr: ['propagé par', 'affirmé par', 'qui le diffuse'],
      es: ['difundido por', 'atribuido a', 'quién lo difunde'],
    },
  },
];

export interface LexiconHit {
  readonly entry: LabelEntry;
  readonly lang: string;
  readonly word: string;
}

/** Every word of the lexicon, longest first (so "reality check" wins over "reality"), with its entry. */
export const LEXICON_WORDS: readonly LexiconHit[] = LABELS.flatMap((entry) =>
  Object.entries(entry.words).flatMap(([lang, words]) => words.map((word) => ({ entry, lang, word }))),
).sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word));

const BY_WORD = new Map<string, LexiconHit>();
const keyOf = (word: string): string => word.toLowerCase().replace(/[\s-]+/gu, ' ');
for (const hit of LEXICON_WORDS) if (!BY_WORD.has(keyOf(hit.word))) BY_WORD.set(keyOf(hit.word), hit);

/** Looks a matched label up by its lower-cased form (runs of spaces and hyphens count as one space). */
export function lookupLabel(word: string): LexiconHit | undefined {
  return BY_WORD.get(keyOf(word));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
