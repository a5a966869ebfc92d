/**
 * A PostgreSQL store URL, `postgres://user[:password]@host[:port]/database[?schema=name]`, read and checked
 * before anything connects. What is wrong with the URL itself (it does not parse, the schema name is not
 * one Narrascope may use) is the user's to fix: the CLI reports it as a usage error (exit 2), where it
 * used to be a store error (exit 4), and a schema named `pg_…` or a keyword (`select`) reached the server
 * and came back as an internal error, while `information_schema` was migrated into.
 */
import { StoreError } from './errors.js';

export const POSTGRES_URL_FORM =
  'postgres://user[:password]@host[:port]/database[?schema=name][&connect_timeout=SECONDS][&statement_timeout=MS]';

/** A schema name as Narrascope creates one: lower-case ASCII letters, digits and underscores, 63 at most. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;

export interface PostgresUrl {
  /** The URL without its `schema` parameter: what the driver connects to. */
  readonly connectionString: string;
  /** The schema named by `?schema=`, or undefined for the connection's default (`public`). */
  readonly schema: string | undefined;
  /** `?connect_timeout=` (seconds, as libpq takes it) in ms; undefined when not given. */
  readonly connectTimeoutMs: number | undefined;
  /** `?statement_timeout=` (ms, as PostgreSQL's setting; 0 for none); undefined when not given. */
  readonly statementTimeoutMs: number | undefined;
}

/** The largest delay Node's timers keep (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/** The non-negative whole number of parameter `name` of `parsed`, times `scale`, or undefined when absent. */
function wholeNumberParameter(parsed: URL, name: string, unit: string, scale: number): number | undefined {
  const values = parsed.searchParams.getAll(name);
  parsed.searchParams.delete(name);
  if (!values.length) return undefined;
  const value = values[values.length - 1] ?? '';
  const n = /^\d{1,10}$/u.test(value) ? Number(value) * scale : NaN;
  if (values.length > 1 || !(n <= MAX_TIMER_MS))
    throw new StoreError(
      'bad-url',
      values.length > 1
        ? `the database URL gives ?${name}= ${values.length} times`
        : `?${name}=${JSON.stringify(value.slice(0, 40))} in the database URL is not a whole number of ${unit} (0 to ${Math.floor(MAX_TIMER_MS / scale)})`,
      `Give ?${name}= once, as a whole number of ${unit}.`,
    );
  return n;
}

/** The URL with its password replaced by `***`, as messages show it. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/u, '//$1:***@');
}

/** Why `schema` cannot be a store's schema, or undefined when it can. */
export function schemaNameProblem(schema: string): string | undefined {
  const shown = JSON.stringify(schema.length > 80 ? `${schema.slice(0, 80)}…` : schema);
  if (!SCHEMA_NAME.test(schema))
    return `the schema name ${shown} is not one Narrascope uses: lower-case letters, digits and underscores, not starting with a digit, 63 characters at most`;
  if (schema.startsWith('pg_') || schema === 'information_schema')
    return `the schema name ${shown} is PostgreSQL's own (names starting with pg_ and information_schema are system schemas)`;
  return undefined;
}

/** Reads a PostgreSQL store URL; a URL that does not parse or names an unusable schema is a StoreError 'bad-url'. */
export function parsePostgresUrl(url: string): PostgresUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError(
      'bad-url',
      `cannot parse the database URL "${redactUrl(url)}"`,
      `Use ${POSTGRES_URL_FORM}.`,
    );
  }
  const schemas = parsed.searchParams.getAll('schema');
  if (schemas.length > 1)
    throw new StoreError(
      'bad-url',
      `the database URL names ${schemas.length} schemas (?schema= is given ${schemas.length} times)`,
      'Give ?schema=name once.',
    );
  const schema = schemas[0];
  if (schema !== undefined) {
    const problem = schemaNameProblem(schema);
    if (problem)
      throw new StoreError(
        'bad-url',
        problem,
        'Use a name such as ?schema=narrascope or ?schema=team_a (it is created on first ingest).',
      );
  }
  parsed.searchParams.delete('schema');
  // Narrascope applies both itself (open.ts): pg would otherwise send statement_timeout at connection
  // start, which would limit the schema migrations too, and it ignores connect_timeout.
  const connectTimeoutMs = wholeNumberParameter(parsed, 'connect_timeout', 'seconds', 1000);
  const statementTimeoutMs = wholeNumberParameter(parsed, 'statement_timeout', 'milliseconds', 1);
  return { connectionString: parsed.toString(), schema, connectTimeoutMs, statementTimeoutMs };
}

/** A schema name as SQL text: always quoted, so a name that is also a keyword (`select`, `user`) works. */
export function quoteSchema(schema: string): string {
  return `"${schema}"`;
}
