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
const LOWER_INSTITUTION =
  /(?:^|\s)(?:office|ministry|agency|commission|institute|council|authority|regulator|department|service|bureau|court|university|police|government|registry|watchdog|inspectorate|observatory)$/u;

export function isInstitution(name: string): boolean {
  return INSTITUTION_WORDS.test(name.trim()) || LOWER_INSTITUTION.test(name.trim());
}

/** Well-known acronyms of institutions that often stand alone as sources. */
export const ACRONYM_SOURCE =
  /(?<![\p{L}\p{N}])(?:WHO|CDC|FDA|EMA|ECDC|NIH|NHS|UN|UNICEF|UNHCR|OSCE|OPCW|IAEA|NATO|EU|IMF|OECD|ICRC|Eurostat|Interpol|Europol)(?![\p{L}\p{N}])/u;
