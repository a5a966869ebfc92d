/**
 * Full-text queries over documents through the store's capability: SQLite FTS5 (`documents_fts`) or a
 * PostgreSQL tsvector column (`documents.tsv`). User query syntax, the same on both: words (all must
 * occur), "quoted phrases", `OR` between terms, `-word` to exclude.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Capabilities } from '../store/capabilities.js';
import { casefold } from '../store/casefold.js';

export interface Term {
  readonly text: string;
  readonly phrase: boolean;
  readonly not: boolean;
  readonly or: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(q: string): Term[] {
  const terms: Term[] = [];
  let or = false;
  for (const m of q.matchAll(/(-?)"([^"]*)"|(\S+)/gu)) {
    if (m[3] === 'OR') {
      or = terms.length > 0;
      continue;
    }
    const not = m[1] === '-' || (m[3]?.startsWith('-') ?? false);
    const raw = m[2] ?? m[3]?.replace(/^-/u, '') ?? '';
    const words = casefold(raw).match(WORD) ?? [];
    if (!words.length) continue;
    const phrase = m[2] !== undefined || words.length > 1;
    terms.push({ text: words.join(' '), phrase, not, or });
    or = false;
  }
  return terms;
}

/** FTS5 MATCH expression; null when the query has no searchable word. */
export function fts5Expression(terms: readonly Term[]): string | null {
  const positive = terms.filter((t) => !t.not);
  if (!positive.length) return null;
  let out = '';
  for (const t of positive) out += `${out ? (t.or ? ' OR ' : ' AND ') : ''}"${t.text}"`;
  // All exclusions in one flat OR: nesting one `(...) NOT` per word overflowed FTS5's parser stack at
  // about a hundred `-word`s (an internal error); A NOT x NOT y matches what A NOT (x OR y) matches.
  const not = terms.filter((x) => x.not).map((t) => `"${t.text}"`);
  if (not.length) out = `(${out}) NOT ${not.length === 1 ? not[0] : `(${not.join(' OR ')})`}`;
  return out;
}

/** PostgreSQL tsquery text for to_tsquery('simple', ...). */
export function tsqueryExpression(terms: readonly Term[]): string | null {
  const positive = terms.filter((t) => !t.not);
  if (!positive.length) return null;
  const one = (t: Term): string => (t.phrase ? `(${t.text.split(' ').join(' <-> ')})` : t.text);
  let out = '';
  for (const t of positive) out += `${out ? (t.or ? ' | ' : ' & ') : ''}${one(t)}`;
  const not = terms.filter((x) => x.not).map(one);
  if (not.length) out = `(${out}) & !${not.length === 1 ? not[0] : `(${not.join(' | ')})`}`;
  return out;
}

/** `documents.id IN (matching ids)` for a user query, or null when the query has no word. */
export function matchCondition(caps: Capabilities, query: string): RawBuilder<boolean> | null {
  const terms = parseQuery(query);
  if (caps.fullText === 'fts5') {
    const e = fts5Expression(terms);
    return e ? sql<boolean>`documents.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${e})` : null;
  }
  const e = tsqueryExpression(terms);
  if (!e) return null;
  const pairs = phrasePairsCondition(terms);
  return pairs ? sql<boolean>`(${pairs} AND documents.tsv @@ to_tsquery('simple', ${e}))` : sql<boolean>`documents.tsv @@ to_tsquery('simple', ${e})`;
}

/**
 * PostgreSQL: a necessary condition for the query's phrases, from the hashed adjacent word pairs of each
 * document (migration 0007): the pairs of every phrase, which documents matching the query must all hold.
 * The phrases' pairs are computed by the same function from the same tokenisation (`to_tsvector('simple')`)
 * as the documents'. Null when the query has no phrase, or has OR (a phrase in one alternative is not
 * required), or when only a negated phrase has pairs.
 */
export function phrasePairsCondition(terms: readonly Term[]): RawBuilder<boolean> | null {
  if (terms.some((t) => t.or && !t.not)) return null;
  // A quoted single word has no pair (and `@> '{}'` would make GIN read its whole index).
  const phrases = terms.filter((t) => t.phrase && !t.not && t.text.includes(' ')).map((t) => t.text);
  if (!phrases.length) return null;
  const pairs = sql.join(
    phrases.map((p) => sql`narrascope_phrase_pairs(to_tsvector('simple', ${p}))`),
    sql` || `,
  );
  return sql<boolean>`documents.phrase_pairs @> (${pairs})`;
}

/** Relevance, larger is better (FTS5 bm25 is negated). Only valid next to matchCondition's join. */
export function rankExpression(caps: Capabilities, query: string): RawBuilder<number> | null {
  const terms = parseQuery(query);
  if (caps.fullText === 'fts5') {
    const e = fts5Expression(terms);
    return e ? sql<number>`(SELECT -bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH ${e} AND documents_fts.rowid = documents.id)` : null;
  }
  const e = tsqueryExpression(terms);
  return e ? sql<number>`ts_rank(documents.tsv, to_tsquery('simple', ${e}))` : null;
}

/**
 * Ids of documents containing any of these words as a prefix (stems from text-match.ts), best first:
 * the cheap pre-filter before sentence-level matching.
 */
export function anyWordsCandidates(caps: Capabilities, words: readonly string[], limit: number): RawBuilder<{ id: number }> | null {
  const clean = [...new Set(words.flatMap((w) => casefold(w).match(WORD) ?? []))].slice(0, 32);
  if (!clean.length) return null;
  if (caps.fullText === 'fts5') {
    const e = clean.map((w) => `"${w}"*`).join(' OR ');
    return sql<{ id: number }>`SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ${e} ORDER BY rank LIMIT ${limit}`;
  }
  const e = clean.map((w) => `${w}:*`).join(' | ');
  return sql<{ id: number }>`SELECT id FROM documents WHERE tsv @@ to_tsquery('simple', ${e}) ORDER BY ts_rank(tsv, to_tsquery('simple', ${e})) DESC LIMIT ${limit}`;
}
