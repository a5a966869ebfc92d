/**
 * Paragraph-model feature ids without building a feature string per token: the same ids, in the same order,
 * as `featureIds(model, paragraphFeatures(fd, a, b))` (so the scores agree bit for bit), but lemma and
 * lemma-bigram features are found through maps keyed by the tokenizer's own strings. See `fast-tagger.ts`.
 */
import type { Token } from '../../core/segment/types.js';
import { bucket, isContent, type FeatureDoc } from './features.js';
import { emitOnce as emit } from './emit-once.js';
import type { LinearModel } from './linear.js';

interface CompiledParagraph {
  readonly lemma: ReadonlyMap<string, number>;
  /** bi=x|y: x → y → id, for names with a single "|"; the others are looked up by name. */
  readonly bi: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** De-duplication: stamp[id] === generation when id was already emitted in this call. */
  readonly stamp: Int32Array;
  generation: number;
}

const compiled = new WeakMap<LinearModel, CompiledParagraph>();

function compile(model: LinearModel): CompiledParagraph {
  const hit = compiled.get(model);
  if (hit) return hit;
  const lemma = new Map<string, number>();
  const bi = new Map<string, Map<string, number>>();
  model.features.forEach((name, id) => {
    if (name.startsWith('l=')) lemma.set(name.slice(2), id);
    else if (name.startsWith('bi=')) {
      const val = name.slice(3);
      const at = val.indexOf('|');
      if (at < 0 || val.indexOf('|', at + 1) >= 0) return;
      const x = val.slice(0, at);
      let inner = bi.get(x);
      if (!inner) bi.set(x, (inner = new Map()));
      inner.set(val.slice(at + 1), id);
    }
  });
  const c: CompiledParagraph = { lemma, bi, stamp: new Int32Array(model.features.length), generation: 0 };
  compiled.set(model, c);
  return c;
}

/** `featureIds(model, paragraphFeatures(fd, a, b))`, computed without the per-token strings. */
export function paragraphFeatureIds(model: LinearModel, fd: FeatureDoc, a: number, b: number): number[] {
  const c = compile(model);
  if (++c.generation >= 0x7fffffff) {
    c.stamp.fill(0);
    c.generation = 1;
  }
  const ids: number[] = [];
  const index = model.index;
  const toks = fd.tokens;
  const n = b - a;
  emit(c, ids, index.get('bias'));
  emit(c, ids, index.get(`plen=${bucket(n, [5, 10, 20, 40, 80])}`));
  const cueCount = new Map<string, number>();
  let maxRep = 1;
  let quoted = 0;
  for (let k = a; k < b; k++) {
    const t = toks[k] as Token;
    if (t.kind === 'word') {
      emit(c, ids, c.lemma.get(t.lemma));
      if (k + 1 < b) {
        const next = (toks[k + 1] as Token).lemma;
        if (t.lemma.includes('|') || next.includes('|')) emit(c, ids, index.get(`bi=${t.lemma}|${next}`));
        else emit(c, ids, c.bi.get(t.lemma)?.get(next));
      }
    }
    if (t.text === '!') emit(c, ids, index.get('!'));
    if (t.text === '?') emit(c, ids, index.get('?'));
    if (fd.shapes[k] === 'XX') emit(c, ids, index.get('allcaps'));
    if (fd.inQuote[k]) quoted++;
    if (isContent(t)) maxRep = Math.max(maxRep, fd.lemmaCount.get(t.lemma) ?? 1);
    for (const cue of fd.cues[k] as readonly string[]) cueCount.set(cue, (cueCount.get(cue) ?? 0) + 1);
  }
  for (const [cue, m] of cueCount) {
    emit(c, ids, index.get(`cue=${cue}`));
    if (m >= 2) emit(c, ids, index.get(`cue2=${cue}`));
  }
  emit(c, ids, index.get(`maxrep=${bucket(maxRep, [1, 2, 3, 5, 8])}`));
  if (quoted > 0) emit(c, ids, index.get(quoted * 2 > n ? 'mostly-quoted' : 'has-quote'));
  const first = toks[a];
  if (first && (fd.segments.sentences[first.sentence]?.block ?? 1) === 0) emit(c, ids, index.get('first-block'));
  return ids;
}
