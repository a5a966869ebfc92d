import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdTsv, parseQrels, type TsvRecord } from '../../src/corpus/matching/trec.js';
import type { MatchableFactCheck } from '../../src/corpus/matching/matcher.js';

/** The CheckThat! 2020 English data in ../shared/data/claim-retrieval, read in place (never copied). */
export interface ClaimRetrievalSplit {
  readonly queries: readonly TsvRecord[];
  readonly qrels: Map<string, Set<string>>;
}

export interface ClaimRetrievalData {
  readonly factChecks: readonly MatchableFactCheck[];
  readonly train: ClaimRetrievalSplit;
  readonly dev: ClaimRetrievalSplit;
}

export function loadClaimRetrieval(dataDir: string | null): ClaimRetrievalData | null {
  if (!dataDir) return null;
  const dir = join(dataDir, 'claim-retrieval');
  const docs = join(dir, 'verified_claims.docs.tsv');
  if (!existsSync(docs)) return null;
  const factChecks = parseIdTsv(readFileSync(docs, 'utf8'), 'verified_claims.docs.tsv').records.map((r) => ({
    id: r.id,
    claim: r.fields[0] ?? '',
    title: r.fields[1] ?? '',
  }));
  const split = (name: string): ClaimRetrievalSplit => ({
    queries: parseIdTsv(
      readFileSync(join(dir, name, 'tweets.queries.tsv'), 'utf8'),
      `${name}/tweets.queries.tsv`,
    ).records,
    qrels: parseQrels(readFileSync(join(dir, name, 'tweet-vclaim-pairs.qrels'), 'utf8')),
  });
  return { factChecks, train: split('train'), dev: split('dev') };
}

/** A query's text: all columns after the id, joined (the tweet). */
export function queryText(r: TsvRecord): string {
  return r.fields.join(' ');
}
