import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { CONTRACTION_ABOVE, NEGATION_FLAG, POS_MASK, POS_SHIFT, TOKEN_SIZE, createWinkReader } from './wink-reader.js';

const TEXTS = [
  'The cat sat on the mat. It did not move; nobody saw it leave!',
  "They can't saw wood with a saw. I won't go, and she doesn't care. Ca. 1900 the ca came.",
  "Trump's plan and the EU's answer: \u201cnever,\u201d said Mr. O'Neil (aged 45) at 9:30 a.m. on 3rd May.",
  'Visit https://example.org/a?b=1 or mail info@example.org #hashtag @mention 12.5% £30 :-) 😀👍🏽',
  'Odd\u0085spacing and\u2028a line separator, a\u3000wide space\u000band a tab\u000cform feed.',
  'Non\u00a0breaking\u2009thin and\u202fnarrow spaces;   three spaces\tand a tab.\nA new line.\r\nAnd CRLF.',
  'U.S. officials said Dr. Smith et al. disagreed... Really?! Yes — no – maybe. "Quoted." \u2018Single.\u2019',
  'NO NEGATION HERE? Isn\u2019t it odd that none of them weren\u2019t there, never ever, not once.',
  '',
  '   ',
  'Word',
];

/** Everything the segmenter reads of wink's tokens and sentences, as wink's public API gives it. */
function viaWink(nlp: ReturnType<typeof winkNLP>, text: string): unknown {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  return {
    values: all.out(its.value),
    pos: all.out(its.pos),
    negation: all.out(its.negationFlag),
    contraction: all.out(its.contractionFlag),
    // Wink's types do not let its.lemma through out(); its code does.
    lemmas: all.out(its.lemma as unknown as typeof its.value),
    spaces: all.out(its.precedingSpaces),
    sentences: doc.sentences().out(its.span),
  };
}

function viaReader(reader: ReturnType<typeof createWinkReader>, text: string): unknown {
  const rdd = reader.read(text);
  const values: string[] = [], pos: string[] = [], negation: boolean[] = [], contraction: boolean[] = [];
  const lemmas: (string | undefined)[] = [], spaces: string[] = [];
  for (let i = 0; i < rdd.numOfTokens; i++) {
    const k = i * TOKEN_SIZE;
    values.push(reader.value(rdd.tokens[k]!));
    pos.push(reader.posTag((rdd.tokens[k + 2]! & POS_MASK) >>> POS_SHIFT));
    negation.push(rdd.tokens[k + 3]! >= NEGATION_FLAG);
    contraction.push(rdd.tokens[k + 1]! > CONTRACTION_ABOVE);
    lemmas.push(reader.lemma(rdd, i));
    spaces.push(reader.precedingSpaces(rdd, i));
  }
  return { values, pos, negation, contraction, lemmas, spaces, sentences: rdd.sentences.map((s) => s.slice(0, 2)) };
}

describe('wink reader', () => {
  it('reads tokens, POS, negation, lemmas, spaces and sentences exactly as wink-nlp readDoc does', () => {
    const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
    const reader = createWinkReader();
    // Twice over: the second pass reads with the words both lexicons learned in the first.
    for (let pass = 0; pass < 2; pass++) {
      for (const text of [...TEXTS, TEXTS.join('\n\n')]) expect(viaReader(reader, text)).toEqual(viaWink(nlp, text));
    }
  });
});
