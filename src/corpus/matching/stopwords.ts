/**
 * Function words left out of the matching index. Negations ("not", "no", "never") are kept on purpose:
 * "X is not safe" and "X is safe" are different claims, and a fact-check often turns on them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto over under about above below ' +
    'as is am are was were be been being do does did doing have has had having i me my we us our you your he ' +
    'him his she her it its they them their this that these those there here who whom whose which what when ' +
    'where why how all any both each few more most other some such only own same so than too very can will just ' +
    'should would could may might must shall also s t re ve ll d m via amp rt up out off again further once ' +
    'get got gets one'
  ).split(/\s+/u),
);
