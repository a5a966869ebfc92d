/**
 * What differs between the two databases, as data. Business code asks a capability ("how do I search text",
 * "how do I begin a write transaction") instead of testing which database it is talking to.
 */
export interface Capabilities {
  readonly dialect: 'sqlite' | 'postgres';
  /** Full-text search engine: SQLite FTS5 table `documents_fts`, or a PostgreSQL tsvector column `documents.tsv`. */
  readonly fullText: 'fts5' | 'tsvector';
  /** Column type of an auto-increment integer primary key. */
  readonly serialType: 'integer' | 'serial';
  /** Statement that opens a write transaction that takes the write lock at once (no upgrade deadlocks). */
  readonly beginWrite: string;
  /** Whether `INSERT ... RETURNING` is available (both are, SQLite ≥ 3.35). */
  readonly returning: boolean;
  /** Real (floating) column type. */
  readonly realType: 'real' | 'double precision';
  /** Column type of a byte string. */
  readonly binaryType: 'blob' | 'bytea';
  /**
   * How a long id list goes into a query as one parameter: a JSON array read by `json_each` (SQLite), or a
   * native array compared with `= ANY` (PostgreSQL). One parameter keeps the SQL text the same for every
   * list, instead of a thousand placeholders to send, parse and plan each time.
   */
  readonly idListParameter: 'json' | 'array';
  /**
   * Whether a row inserted with an explicit id leaves the id generator behind (a PostgreSQL `serial`
   * sequence; SQLite takes max(id) + 1), so that code issuing its own ids must move the sequence past them.
   */
  readonly explicitIdsNeedSequenceBump: boolean;
}

export const sqliteCapabilities: Capabilities = {
  dialect: 'sqlite',
  fullText: 'fts5',
  serialType: 'integer',
  beginWrite: 'BEGIN IMMEDIATE',
  returning: true,
  realType: 'real',
  binaryType: 'blob',
  idListParameter: 'json',
  explicitIdsNeedSequenceBump: false,
};

export const postgresCapabilities: Capabilities = {
  dialect: 'postgres',
  fullText: 'tsvector',
  serialType: 'serial',
  beginWrite: 'BEGIN',
  returning: true,
  realType: 'double precision',
  binaryType: 'bytea',
  idListParameter: 'array',
  explicitIdsNeedSequenceBump: true,
};
