/**
 * Shared patterns of the evidence detectors: what a name of a source or an institution looks like. Kept
 * small and explicit so that every evidence finding can be explained by the pattern that made it.
 */

/** A capitalised name of up to eight words, allowing lower-case joiners ("Centers for Disease Control and Prevention"). */
export const NAME = String.raw`(?:[Tt]he[ \t]+)?(?:\p{Lu}[\p{L}\p{M}'’.&-]*|\d+)(?:[ \t]+(?:(?:of|for|and|on|de|du|des|la|le|del|der|für|und|the|&)[ \t]+)?(?:\p{Lu}[\p{L}\p{M}'’.&-]*|\d+)){0,7}`;

const INSTITUTION_WORDS =
  /(?<![\p{L}\p{N}])(?:Organi[sz]ation|Institute|Institut|Ministry|Ministerium|Ministère|Ministerio|University|Universität|Université|Universidad|Agency|Agentur|Agence|Centre|Center|Zentrum|Commission|Kommission|Council|Rat|Bureau|Department|Office|Amt|Court|Gericht|Foundation|Stiftung|Association|Society|Academy|Akademie|Authority|Behörde|Service|Administration|Committee|Bank|Fund|Programme|Program|Parliament|Bundestag|Government|Regierung|Police|Polizei|Observatory|Laboratory|Hospital|Clinic|Board|Tribunal|Senate|Congress|Census|Statistics|Statistik)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|^(?:the\s+)?\p{Lu}{2,}s?$|[Мм]инистерств|[Мм]іністерств|[Уу]ниверситет|[Уу]ніверситет|[Ии]нститут|[Іі]нститут|[Кк]омитет|[Кк]омітет|[Сс]лужб|[Аа]гентств|[Сс]уд(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|部|委员会|研究院|大学|组织|中心/u;

/** Whether a source name reads as an institution (ministry, agency, university, an acronym) rather than a person or outlet. */
/** Lower-case institutions named by their kind ("the statistics office", "the health ministry"). */
export const ENGLISH_LOWER_KIND = String.raw`(?:office|ministry|agency|commission|institute|council|authority|regulator|department|service|bureau|court|university|police|government|registry|watchdog|inspectorate|observatory|bank|archives?|mission|committee|board|centre|center|laboratory|organi[sz]ation|foundation|parliament|tribunal|secretariat|ombudsman|coastguard|coast\s+guard)`;
/**
 * Up to three lower-case words before the kind ("central", "mayor's", "national health"), none of them a
 * function word: "the report of the bank" is not the name of a bank.
 */
export const ENGLISH_LOWER_KIND_NAME = String.raw`(?:(?!(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|which|who|this|its|their|his|her)\s)[\p{Ll}'’-]+\s+){0,3}${ENGLISH_LOWER_KIND}`;
const LOWER_INSTITUTION = new RegExp(String.raw`(?:^|\s)${ENGLISH_LOWER_KIND}$`, 'u');

/**
 * Institutions named by their kind in lower case in Russian and Ukrainian (no article; adjectives come first and
 * the noun is inflected: "статистического ведомства", "міністерства охорони здоров'я" reads up to the noun).
 * Stems take up to three letters of ending; short stems that open other words ("суд" in "судьба") list theirs.
 */
export const SLAVIC_LOWER_KIND = String.raw`(?:ведомств|министерств|агентств|служб|комисси|институт|университет|правительств|полици|управлени|комитет|инспекци|администраци|відомств|міністерств|агенці|комісі|інститут|університет|поліці|управлінн|комітет|інспекці|адміністраці|ministerstw|agencj|urzęd|uniwersytet|policj|instytut)\p{Ll}{0,3}|(?:суд|центр|бюро|уряд|банк|urząd|rząd|rządu|sąd|sądu)(?:а|у|ом|ов|ы|і|е|ів)?`;
/**
 * The same in French and Spanish, where an article always comes first ("selon le ministère de la santé", "según
 * el instituto nacional de estadística"): the kind, then an optional "national" and "de la santé" (with an adjective by its ending: "des affaires étrangères").
 */
export const ROMANCE_LOWER_KIND = String.raw`(?:ministère|office|agence|institut|commission|conseil|autorité|service|bureau|tribunal|cour|université|police|gouvernement|observatoire|ministerio|oficina|agencia|instituto|comisión|consejo|autoridad|servicio|universidad|policía|gobierno|observatorio|ministério|agência|universidade|polícia|governo|secretaria|ministero|istituto|agenzia|università|polizia|tribunale|ufficio|osservatorio)(?:\s+(?:national|nationale|fédéral|fédérale|nacional|federal|européen|européenne|europeo|europea|nazionale|federale))?(?:\s+(?:de\s+la|de\s+l['’]|du|des|della|dello|dell['’]|del|das|da|dos|do|de)\s*[\p{Ll}'’-]+(?:\s+\p{Ll}+(?:ères|ère|iques|ique|ales|ale|aux|elles|elle|el|iennes|ienne|ien|aises|aise|ais|icas|ica|icos|ico|ales|al))?)?`;
const LOWER_INSTITUTION_OTHER = new RegExp(String.raw`(?<![\p{L}])(?:${SLAVIC_LOWER_KIND}|${ROMANCE_LOWER_KIND})(?![\p{L}])`, 'u');

export function isInstitution(name: string): boolean {
  const trimmed = name.trim();
  return INSTITUTION_WORDS.test(trimmed) || LOWER_INSTITUTION.test(trimmed) || LOWER_INSTITUTION_OTHER.test(trimmed);
}

/** Well-known acronyms of institutions that often stand alone as sources. */
export const ACRONYM_SOURCE =
  /(?<![\p{L}\p{N}])(?:WHO|CDC|FDA|EMA|ECDC|NIH|NHS|UN|UNICEF|UNHCR|OSCE|OPCW|IAEA|NATO|EU|IMF|OECD|ICRC|Eurostat|Interpol|Europol)(?![\p{L}\p{N}])/u;
