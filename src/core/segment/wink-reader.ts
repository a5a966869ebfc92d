import model from 'wink-eng-lite-web-model';
import Cache, { type WinkCache } from 'wink-nlp/src/cache.js';
import compileTRex from 'wink-nlp/src/compile-trex.js';
import constants from 'wink-nlp/src/constants.js';
import DocDataWrapper from 'wink-nlp/src/dd-wrapper.js';
import fsm, { type WinkAutomaton } from 'wink-nlp/src/automaton.js';
import its from 'wink-nlp/src/its.js';
import search from 'wink-nlp/src/search.js';
import tokenizer from 'wink-nlp/src/tokenizer.js';
import mappers from 'wink-nlp/src/tokens-mappers.js';

/**
 * wink-nlp's reading of a text with the sentence, negation and POS pipes, as `winkNLP(model, ['sbd',
 * 'negation', 'pos']).readDoc` does it, step for step with wink's own modules (wink-nlp 2.4.0, pinned), but
 * handing back wink's raw document data instead of wrapping it in its Doc API. The segmenter reads each token's
 * four numbers directly: a Doc costs ~50 closures per read, and each `out` a pass that boxes every value into
 * a fresh array, which together took about a quarter of wink's time on news paragraphs. reader.test.ts checks
 * that tokens, sentences, POS, negation and lemmas are wink's own.
 */

/** What wink's model package gives for the pipes read here (its types declare only the public API). */
interface PipeModel {
  readonly machines: unknown[];
  readonly transformers: unknown[];
  readonly setter: (...args: unknown[]) => void;
  readonly updater?: (...args: unknown[]) => void;
}
interface ModelParts {
  core(): { trex: unknown; tcat: { hash: unknown }; preserve: unknown };
  sbd(): PipeModel;
  negation(): PipeModel;
  pos(): PipeModel;
  readonly featureFn: unknown;
  readonly addons: unknown;
}

/**
 * Wink's raw document data. `tokens` holds four numbers per token: the value's lexeme id; preceding spaces
 * (low 16 bits; a contraction part's normal above 65535); POS (bits 20–25) and lemma; negation (bit 31).
 * `sentences` holds `[first token, last token, ...]` per sentence.
 */
export interface WinkDocData {
  readonly tokens: number[];
  readonly sentences: number[][];
  readonly numOfTokens: number;
}

export interface WinkReader {
  read(text: string): WinkDocData;
  /** The value of a lexeme id. */
  value(id: number): string;
  /** The POS tag for the POS number of a token (its third number's POS bits). */
  posTag(posNumber: number): string;
  /** Wink's lemma of token `index` (`its.lemma`); undefined for some tokens. */
  lemma(rdd: WinkDocData, index: number): string | undefined;
  /** The spaces wink saw before token `index` (`its.precedingSpaces`). */
  precedingSpaces(rdd: WinkDocData, index: number): string;
}

export const TOKEN_SIZE = constants.tkSize;
export const POS_MASK = constants.posMask;
export const POS_SHIFT = constants.bits4lemma;
export const NEGATION_FLAG = constants.negationFlag;
/** A token's second number above this is a contraction part (its normal is stored there). */
export const CONTRACTION_ABOVE = 65535;

/** Builds the reader, as wink's `load` does for these pipes: ~100 ms, once per process. */
export function createWinkReader(): WinkReader {
  const theModel = model as unknown as ModelParts;
  const core = theModel.core();
  // wink makes its lexicon cache, its document wrapper and its constants with Object.create(null) and then
  // adds their members, which V8 keeps as dictionaries: each call of a cache method (several per token, from
  // the tokenizer, the automata's transformers and the setters) was a hash look-up of the method's name. Their
  // functions use no `this`, so plain copies, read through inline caches, serve in their place.
  const cache: WinkCache = { ...Cache(core, theModel.featureFn) };
  const winkConstants = { ...constants };
  const tokenize = tokenizer(compileTRex(core.trex), core.tcat.hash, core.preserve);
  const sbd = theModel.sbd();
  const sbdAutomata = sbd.machines.map((machine) => imported(fsm(cache), machine));
  const negation = theModel.negation();
  const negationAutomaton = imported(fsm(cache), negation.machines[0]);
  const pos = theModel.pos();
  // Like wink: the POS automata ignore only the OOV literal, not the line break.
  const posAutomata = pos.machines.map((machine) => imported(fsm(cache, cache.value(0)), machine));
  const currPipe = Object.assign(Object.create(null) as object, { sbd: true, negation: true, pos: true });
  const tags: string[] = [];

  const read = (text: string): WinkDocData => {
    // wink makes this object with Object.create(null), which V8 keeps as a dictionary; its setters read
    // `rdd.tokens` for every token (the POS setter three times), so a plain object with every property from
    // the start, which V8 reads through inline caches, is used instead. Nothing of wink's lists its keys.
    const rdd = {
      cache,
      wordVectors: null,
      tokens: [] as number[],
      sentences: [] as number[][],
      markings: [] as unknown[],
      currPipe,
      nonBreakingSpaces: Object.create(null) as object,
      numOfTokens: 0,
      document: [] as number[],
      numOfSentences: 0,
      entities: [] as unknown[],
      customEntities: [] as unknown[],
    };
    const wrapped = { ...DocDataWrapper(rdd) };
    tokenize(wrapped, text);
    rdd.numOfTokens = rdd.tokens.length / TOKEN_SIZE;
    rdd.document = [0, rdd.numOfTokens - 1, 0, 0];
    const forAutomata = mappers.mapRawTokens2UIdOfNormal(rdd);
    let px: unknown = null;
    sbdAutomata.forEach((automaton, i) => {
      automaton.setPatternSwap(px);
      px = automaton.recognize(forAutomata, sbd.transformers[i], rdd.tokens);
    });
    sbd.setter(px, rdd);
    rdd.numOfSentences = rdd.sentences.length;
    rdd.entities = [];
    negation.setter(negationAutomaton.recognize(forAutomata), rdd, winkConstants, search);
    const posTags = mappers.mapRawTokens2UIdOfDefaultPOS(rdd);
    for (const automaton of posAutomata) {
      // wink passes the first transformer to every POS automaton; so does this.
      px = automaton.recognize(posTags, pos.transformers[0], rdd.tokens);
      pos.updater?.(px, cache, posTags, forAutomata);
    }
    pos.setter(rdd, posTags, TOKEN_SIZE, constants.bits4lemma);
    rdd.customEntities = [];
    wrapped.clean();
    return rdd;
  };

  return {
    read,
    value: (id) => cache.value(id),
    posTag: (n) => (tags[n] ??= cache.valueOf('pos', n)),
    lemma: (rdd, index) => its.lemma(index, rdd, theModel.addons),
    precedingSpaces: (rdd, index) => its.precedingSpaces(index, rdd),
  };
}

function imported(automaton: WinkAutomaton, machine: unknown): WinkAutomaton {
  automaton.importJSON(machine);
  return automaton;
}
