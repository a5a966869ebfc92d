/**
 * Normalises the wording of verdicts and ratings ("Mostly false", "Pants on fire", "Фейк", "Faux",
 * "Engañoso", "Fuorviante", "Fałsz", "مضلل", "误导") to the result's `VerdictLabel`, and recognises answers
 * that open with a denial. Languages: those of the label lexicon (en, ru, uk, de, fr, es, zh, pt, it, pl, ar).
 */
import type { VerdictLabel } from '../../core/result/types.js';

const RULES: readonly [RegExp, VerdictLabel][] = [
  [
    /^(?:mostly|largely|partly|partially|half)[\s-]+(?:false|untrue|wrong)|^half[\s-]true|^частично (?:неправда|ложь)|^частково|^teilweise falsch|^partiellement faux|^en parte falso|^parcialmente falso|^parzialmente falso|^in parte falso|^częściowo (?:fałsz|nieprawda)|^(?:صحيح|خطأ) جزئيا|^部分错误/iu,
    'partly-false',
  ],
  [
    /^(?:missing|lacks?|needs?|without) (?:context|nuance)|^out of context|^вырвано из контекста|^без контексту|^fehlender kontext|^hors contexte|^sin contexto|^(?:fora de|sem) contexto|^(?:fuori|senza) contesto|^brak kontekstu|^خارج السياق|^缺乏背景/iu,
    'missing-context',
  ],
  [
    /^(?:misleading|manipulat|distort|exaggerat|spin|mislead)|^(?:вводит в заблуждение|манипуляци|искаж)|^(?:маніпуляці|вводить в оману|перекруч)|^(?:irreführend|verzerrt|manipul)|^(?:trompeur|trompeuse|manipul|exagér)|^(?:engañoso|engañosa|manipul|exagerad)|^(?:enganos|distorcid)|^(?:fuorviant|distort|esagerat)|^(?:wprowadza w błąd|zmanipulowan|manipulacj|przesadzon)|^(?:مضلل|تلاعب|مبالغ)|^(?:误导|夸大)/iu,
    'misleading',
  ],
  [
    /^(?:unproven|unsupported|unverified|unsubstantiated|no evidence|not proven|undetermined|research in progress)|^(?:не доказано|недоказ|не підтверджено)|^(?:unbelegt|unbewiesen)|^(?:non prouvé|invérifiable)|^(?:no probado|sin pruebas|inverificable)|^(?:não comprovado|sem provas|inconclusivo)|^(?:non provato|senza prove|non verificabile)|^(?:niepotwierdzon|nieudowodnion|brak dowodów)|^(?:غير مثبت|بلا دليل|لا دليل)|^(?:未经证实|无法证实)/iu,
    'unproven',
  ],
  [
    /^(?:mixed|mixture|mostly true|half true)|^(?:смешанн|змішан)|^(?:gemischt)|^(?:mitigé)|^(?:mixto|verdad a medias)|^(?:misto|meia verdade|mezza verità)|^(?:pół prawdy)/iu,
    'mixed',
  ],
  [
    /^(?:false|fake|untrue|not true|incorrect|wrong|pants on fire|fabricated|baseless|groundless|hoax|lie|myth|four pinocchios|disinformation|debunked)|^(?:ложь|неправда|фейк|не соответствует действительности|миф|дезинформация)|^(?:брехня|неправда|фейк|міф|дезінформація)|^(?:falsch|fake|unwahr|lüge|mythos)|^(?:faux|fausse|intox|infox|mensonge|mythe)|^(?:falso|falsa|bulo|mentira|mito)|^(?:boato|bufala|menzogna|bugia)|^(?:fałsz|nieprawda|kłamstwo|mit(?![\p{L}])|fałszywk)|^(?:زائف|كاذب|خطأ|شائعة|إشاعة|كذب|خرافة)|^(?:错误|谣言|虚假|假)/iu,
    'false',
  ],
  [
    /^(?:true|correct|accurate|mostly true|правда|верно|вірно|wahr|richtig|vrai|verdadero|cierto|verdadeiro|correto|vero(?![\p{L}])|corretto|prawda|prawdziwe|صحيح|真实|正确)/iu,
    'true',
  ],
];

/** The normalised label of a verdict's wording, and how many characters of it the rating phrase covers. */
export function normaliseVerdict(wording: string): { label: VerdictLabel; length: number } | null {
  const t = wording.trim().replace(/^[«"“„'‘*_]+/u, '');
  const lead = wording.length - wording.trimStart().length + (wording.trim().length - t.length);
  for (const [re, label] of RULES) {
    const m = re.exec(t);
    if (m) {
      // The rating phrase runs to the end of its word (and of a short phrase like "Mostly false").
      const rest = /^[\p{L}\p{M}'’-]*/u.exec(t.slice(m[0].length))?.[0] ?? '';
      return { label, length: lead + m[0].length + rest.length };
    }
  }
  return null;
}

const DENIAL =
  /^(?:no(?![\p{L}\p{N}])|nope(?![\p{L}\p{N}])|false(?![\p{L}\p{N}])|not true|not so|wrong(?![\p{L}\p{N}])|incorrect|this is (?:false|a myth|not true|incorrect)|that['’]s (?:false|a myth|not true|wrong)|there is no|there['’]s no|absolutely not|definitely not|myth(?![\p{L}\p{N}])|fake(?![\p{L}\p{N}])|нет(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|неправда|это не так|это миф|ложь|ні(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|це не так|це міф|nein(?![\p{L}\p{N}])|falsch|das stimmt nicht|stimmt nicht|non(?![\p{L}\p{N}])|faux(?![\p{L}\p{N}])|c['’]est faux|pas du tout|no(?![\p{L}\p{N}])|falso|es falso|não(?![\p{L}\p{N}])|é falso|não é verdade|è falso|non è vero|nie(?![\p{L}\p{N}])|fałsz|to nieprawda|nieprawda|لا(?![\p{L}\p{N}])|غير صحيح|هذا غير صحيح|خطأ|不是|不会|不能|没有|错)/iu;

/** Whether an answer opens by denying the question ("No.", "False.", "Нет", "Nein", "不是"). */
export function startsWithDenial(answer: string): boolean {
  return DENIAL.test(answer.trim().replace(/^[«"“„'‘*_]+/u, ''));
}
