import { describe, expect, it } from 'vitest';
import { phraseId, SpanSequencesBuilder, tagKey } from './span-sequences.js';

describe('span sequence tables', () => {
  // Feature ids as a name index would give them: a repeated name keeps its last id.
  const names = ['phrase=so called', 'phrase=so', 'phrase=so called experts', 'phrase=a b c d', 'phrase=so called', 'pseq=NOUN', 'pseq=ADJ_NOUN', 'pseq=DET_ADJ_NOUN', 'pseq=A_B_C_D'];
  const byName = new Map(names.map((n, id) => [n, id]));
  const vocab = new Map<string, number>();
  const intern = (w: string): number => {
    if (!vocab.has(w)) vocab.set(w, vocab.size);
    return vocab.get(w) as number;
  };
  const builder = new SpanSequencesBuilder();
  names.forEach((n, id) => {
    if (n.startsWith('phrase=')) builder.addPhrase(n.slice(7), id, intern);
    else builder.addTagSequence(n.slice(5), id);
  });
  const s = builder.build(vocab.size);
  const idOf = (w: string): number => vocab.get(w) ?? -1;

  it('finds each phrase of up to four words, and no other', () => {
    for (const words of [['so'], ['so', 'called'], ['so', 'called', 'experts'], ['a', 'b', 'c', 'd'], ['called'], ['so', 'experts'], ['a', 'b', 'c'], ['so', 'unknown'], ['unknown']]) {
      const x = words.map(idOf);
      const want = byName.get(`phrase=${words.join(' ')}`) ?? -1;
      expect(phraseId(s, x[0] ?? -1, x[1] ?? -1, x[2] ?? -1, x[3] ?? -1, words.length)).toBe(want);
    }
  });

  it('keys tag sequences of up to three tags', () => {
    const key = (...t: string[]): number => tagKey(s.tags?.get(t[0] as string) ?? 0, t[1] ? (s.tags?.get(t[1]) ?? 0) : 0, t[2] ? (s.tags?.get(t[2]) ?? 0) : 0);
    expect(s.pseq.get(key('NOUN'))).toBe(byName.get('pseq=NOUN'));
    expect(s.pseq.get(key('ADJ', 'NOUN'))).toBe(byName.get('pseq=ADJ_NOUN'));
    expect(s.pseq.get(key('DET', 'ADJ', 'NOUN'))).toBe(byName.get('pseq=DET_ADJ_NOUN'));
    expect(s.pseq.get(key('ADJ'))).toBeUndefined();
    // Longer sequences never match a span of up to 3 tokens and are left out.
    expect(s.tags?.has('D')).toBe(false);
  });
});
