// Types for the parts of wink-nlp 2.4 that wink-reader.ts uses: modules of the package's own src/ (wink-nlp
// has no exports map, and ships types for its public API only). Only what the reader calls is declared.

declare module 'wink-nlp/src/cache.js' {
  /** The lexicon: wink's ids of token values, their properties, and the words it learns. */
  export interface WinkCache {
    value(id: number): string;
    valueOf(property: string, index: number): string;
  }
  const Cache: (model: unknown, featureFn: unknown) => WinkCache;
  export default Cache;
}

declare module 'wink-nlp/src/dd-wrapper.js' {
  export interface WinkDocDataWrapper {
    clean(): void;
  }
  const DocDataWrapper: (rdd: object) => WinkDocDataWrapper;
  export default DocDataWrapper;
}

declare module 'wink-nlp/src/tokenizer.js' {
  const tokenizer: (trex: unknown, categories: unknown, preserve: unknown) => (wrapped: object, text: string) => void;
  export default tokenizer;
}

declare module 'wink-nlp/src/compile-trex.js' {
  const compileTRex: (trex: unknown) => unknown;
  export default compileTRex;
}

declare module 'wink-nlp/src/tokens-mappers.js' {
  const mappers: {
    mapRawTokens2UIdOfNormal(rdd: object): number[];
    mapRawTokens2UIdOfDefaultPOS(rdd: object): number[];
  };
  export default mappers;
}

declare module 'wink-nlp/src/automaton.js' {
  export interface WinkAutomaton {
    importJSON(json: unknown): void;
    setPatternSwap(px: unknown): void;
    recognize(tokens: number[], transformer?: unknown, param?: unknown): unknown;
  }
  const fsm: (cache: unknown, token2Ignore?: string) => WinkAutomaton;
  export default fsm;
}

declare module 'wink-nlp/src/constants.js' {
  const constants: {
    readonly tkSize: number;
    readonly bits4lemma: number;
    readonly posMask: number;
    readonly negationFlag: number;
  };
  export default constants;
}

declare module 'wink-nlp/src/search.js' {
  const search: unknown;
  export default search;
}

declare module 'wink-nlp/src/its.js' {
  const its: {
    lemma(index: number, rdd: object, addons: unknown): string | undefined;
    precedingSpaces(index: number, rdd: object): string;
  };
  export default its;
}
