/**
 * Search latency at 100,000 documents, on SQLite (`corpus-search`) and on PostgreSQL
 * (`corpus-search-postgres`, the same corpus and queries): a store bulk-loaded with the synthetic corpus (≈275
 * Zipf-distributed words per document) plus metadata — 200 outlets, two years of dates, 5 languages,
 * techniques, narratives and a ledger on 5% of documents — then a mix of queries (common / medium / rare
 * words, two-word AND, phrases, OR) alone and with filters, each with all facet counts. p50/p95/max.
 */
import { sql } from 'kysely';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXACT_TOTAL_LIMIT, FACET_EXACT_LIMIT, RANK_WINDOW, search, type SearchQuery } from '../../src/corpus/search.js';
import { countDocuments, openStore, type Store } from '../../src/store/index.js';
import { weekOf } from '../../src/store/repositories/rows.js';
import type { Section, SectionContext } from '../harness.js';
import { SyntheticCorpus } from './synthetic.js';

const TECHNIQUES = ['Loaded_Language', 'Name_Calling-Labeling', 'Doubt', 'Repetition', 'Exaggeration-Minimisation', 'Appeal_to_Fear-Prejudice', 'Flag_Waving', 'Slogans', 'Whataboutism', 'Red_Herring'];
const NARRATIVES = Array.from({ length: 20 }, (_, i) => `SYN: Narrative ${i % 5}: sub ${i}`);
const LANGS = ['en', 'ru', 'uk', 'de', 'fr'];

async function load(store: Store, corpus: SyntheticCorpus, log: (s: string) => void): Promise<number> {
  const t = performance.now();
  await store.write(async (trx) => {
    for (let o = 0; o < 200; o++) await trx.insertInto('outlets').values({ name: `Outlet ${o}` }).execute();
  });
  const n = corpus.docs.length;
  for (let start = 0; start < n; start += 1000) {
    await store.write(async (trx) => {
      const rows = [];
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const day = new Date(Date.UTC(2022, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
        const text = corpus.text(i);
        rows.push({ hash: `h${i}`, title: null, text, language: LANGS[i % 5] as string, outlet_id: 1 + (i % 200), author: null, url: null, published_at: day, published_week: weekOf(day), source_kind: 'bench', source_json: '{}', length: text.length, minhash: null, current_analysis_id: null, ingested_at: day });
      }
      const ids = await trx.insertInto('documents').values(rows).returning('id').execute();
      const techniques = [];
      const narratives = [];
      const ledger = [];
      for (const { id } of ids) {
        const d = Number(id);
        for (let j = 0; j < d % 4; j++) techniques.push({ document_id: d, technique: TECHNIQUES[(d * 7 + j * 3) % 10] as string, count: 1 + (d % 3) });
        narratives.push({ document_id: d, analysis_id: 0, taxonomy: 'syn', label: NARRATIVES[d % 20] as string, level: 'fine', score: 0.5 });
        if (d % 20 === 0) ledger.push({ document_id: d, analysis_id: 0, item_key: 'r1', item_index: '1', format: 'myth-fact', claim: 'c', claim_start: 0, claim_end: 1, attributed_to: null, motive: null, rebuttal: 'r', verdict: null, verdict_original: null, evidence_count: 0, evidence_summary: '', partial: 0, flags_json: '[]' });
      }
      const uniq = new Map(techniques.map((x) => [`${x.document_id}/${x.technique}`, x]));
      if (uniq.size) await trx.insertInto('document_techniques').values([...uniq.values()]).execute();
      for (let j = 0; j < narratives.length; j += 400) await trx.insertInto('narratives').values(narratives.slice(j, j + 400)).execute();
      if (ledger.length) await trx.insertInto('ledger_items').values(ledger).execute();
    });
    if (start % 20000 === 0) log(`  loaded ${start} documents`);
  }
  // PostgreSQL: VACUUM as autovacuum would after a bulk load (index-only scans need the visibility map).
  await sql.raw(store.caps.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(store.db);
  return performance.now() - t;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
}

interface Measured {
  readonly rows: readonly string[];
  readonly loadAverage: number;
  readonly commonMatches: number;
  readonly commonExact: boolean;
}

/**
 * CPU time (ms) used so far by this machine's PostgreSQL server processes, from /proc/PID/schedstat
 * (nanoseconds); null when there is none to read (a remote server). Sampled around each query, it gives
 * the server's share of a search, which wall-clock time hides on a machine busy with other work.
 */
function postgresCpuMs(): number | null {
  let ns = 0;
  let seen = false;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/u.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) continue;
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
      seen = true;
    } catch {
      // the process ended, or is not ours to read
    }
  }
  return seen ? ns / 1e6 : null;
}

/** Runs the query mix (three rounds of every text query under every filter, then the filters alone). */
async function measure(store: Store, corpus: SyntheticCorpus, quick: boolean, serverCpu: () => number | null = () => null): Promise<Measured> {
  // Words by frequency rank, taken from the corpus's own vocabulary.
  const vocab = (corpus as unknown as { words: string[] }).words;
  const common = [5, 10, 20, 40].map((r) => vocab[r] as string);
  const medium = [200, 400, 800, 1200].map((r) => vocab[r] as string);
  const rare = [5000, 8000, 12000, 16000].map((r) => vocab[r] as string);
  const texts = [...common, ...medium, ...rare, `${common[0]} ${medium[0]}`, `${medium[1]} ${medium[2]}`, `"${vocab[3]} ${vocab[7]}"`, `${rare[0]} OR ${rare[1]}`, `${medium[3]} -${common[1]}`];
  const filters: (Omit<SearchQuery, 'text'> & { name: string })[] = [
    { name: 'none' },
    { name: 'outlet', outlets: ['Outlet 7', 'Outlet 42'] },
    { name: 'date range', from: '2022-03-01', to: '2022-05-31' },
    { name: 'technique', techniques: ['Doubt'] },
    { name: 'narrative', narratives: ['SYN: Narrative 3'] },
    { name: 'has-ledger', hasLedger: true },
    { name: 'language + date', languages: ['uk'], from: '2023-01-01' },
  ];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const bothCpu: number[] = [];
  /** The first query of each text (round 1, no filter): PostgreSQL has not cached its window edge yet. */
  const firstOfText: number[] = [];
  let warm = false;
  const byClass = new Map<string, number[]>();
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    for (const f of filters) {
      for (const text of texts) {
        const t = performance.now();
        const c = process.cpuUsage();
        const server = serverCpu();
        await search(store, { ...f, text });
        const ms = performance.now() - t;
        const cpu = process.cpuUsage(c);
        const serverAfter = serverCpu();
        if (!warm) {
          warm = true; // the first query warms the page cache
          continue;
        }
        times.push(ms);
        if (round === 0 && f === filters[0]) firstOfText.push(ms);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
        if (server !== null && serverAfter !== null) bothCpu.push(serverAfter - server + (cpu.user + cpu.system) / 1000);
        const cls = common.some((c) => text === c) ? 'common word' : rare.some((r) => text === r) ? 'rare word' : medium.some((m) => text === m) ? 'medium word' : 'multi-term';
        byClass.set(cls, [...(byClass.get(cls) ?? []), ms]);
      }
    }
  }
  const noText: number[] = [];
  for (const f of filters.slice(1)) {
    const t = performance.now();
    await search(store, f);
    noText.push(performance.now() - t);
  }
  const all = await search(store, { text: common[0] as string });
  // How far the estimated totals (PostgreSQL, above EXACT_TOTAL_LIMIT matches) are from the exact ones: every
  // text query alone and with the technique filter, counted again with exactTotal.
  const errors: number[] = [];
  for (const f of [filters[0], filters[3]]) {
    for (const text of texts) {
      const r = await search(store, { ...f, text, facets: false, limit: 0 });
      if (r.totalExact) continue;
      const exact = await search(store, { ...f, text, facets: false, limit: 0, exactTotal: true });
      errors.push(Math.abs(r.total - exact.total) / exact.total);
    }
  }
  const loadAverage = loadavg()[0] ?? 0;
  const rows = [
    '| queries | n | p50 (ms) | p95 (ms) | max (ms) |',
    '|---|---|---|---|---|',
    `| all text queries (with and without filters, all facets) | ${times.length} | ${percentile(times, 0.5).toFixed(1)} | **${percentile(times, 0.95).toFixed(1)}** | ${Math.max(...times).toFixed(1)} |`,
    `| the same queries, CPU time of the searching thread | ${cpuTimes.length} | ${percentile(cpuTimes, 0.5).toFixed(1)} | **${percentile(cpuTimes, 0.95).toFixed(1)}** | ${Math.max(...cpuTimes).toFixed(1)} |`,
    ...(bothCpu.length ? [`| the same queries, CPU time of the PostgreSQL server processes and the searching thread | ${bothCpu.length} | ${percentile(bothCpu, 0.5).toFixed(1)} | **${percentile(bothCpu, 0.95).toFixed(1)}** | ${Math.max(...bothCpu).toFixed(1)} |`] : []),
    ...(bothCpu.length ? [`| the first query of each text (no filter; its ranking window not cached yet) | ${firstOfText.length} | ${percentile(firstOfText, 0.5).toFixed(1)} | ${percentile(firstOfText, 0.95).toFixed(1)} | ${Math.max(...firstOfText).toFixed(1)} |`] : []),
    ...[...byClass].map(([c, xs]) => `| ${c} | ${xs.length} | ${percentile(xs, 0.5).toFixed(1)} | ${percentile(xs, 0.95).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`),
    `| filters only, no text (facets over the filtered set) | ${noText.length} | ${percentile(noText, 0.5).toFixed(1)} | ${percentile(noText, 0.95).toFixed(1)} | ${Math.max(...noText).toFixed(1)} |`,
  ];
  if (errors.length) rows.push('', `Estimated totals (more than ${EXACT_TOTAL_LIMIT.toLocaleString('en')} matches) against the exact count, ${errors.length} queries (each text alone and with the technique filter): median error ${(percentile(errors, 0.5) * 100).toFixed(1)}%, largest ${(Math.max(...errors) * 100).toFixed(1)}%.`);
  return { rows, loadAverage, commonMatches: all.total, commonExact: all.totalExact };
}

export const searchBenchSection: Section = {
  id: 'corpus-search',
  title: 'Corpus search latency (SQLite FTS5, filters, facets)',
  async run(ctx: SectionContext): Promise<string> {
    const n = ctx.quick ? 5_000 : 100_000;
    // The loaded store is kept in the system temp folder and reused by later runs (loading is the slow part).
    const cached = join(tmpdir(), `narrascope-bench-search-${n}-v1.db`);
    const tmp = mkdtempSync(join(tmpdir(), 'narrascope-bench-search-'));
    try {
      const corpus = new SyntheticCorpus({ documents: n, seed: 99 });
      let store = existsSync(cached) ? await openStore(cached) : null;
      let loadMs = 0;
      if (!store || (await countDocuments(store.db)) !== n) {
        await store?.close();
        rmSync(cached, { force: true });
        store = await openStore(join(tmp, 'search.db'));
        loadMs = await load(store, corpus, ctx.log);
        await store.close();
        renameSync(join(tmp, 'search.db'), cached);
        store = await openStore(cached);
        ctx.log(`loaded ${n} documents in ${(loadMs / 1000).toFixed(1)} s`);
      }
      const m = await measure(store, corpus, ctx.quick);
      await store.close();
      const loadAverage = m.loadAverage;
      const rows = m.rows;
      const all = { total: m.commonMatches };
      return `${rows.join('\n')}\n\n${n.toLocaleString('en')} documents (≈275 words each), ${loadMs ? `bulk-loaded in ${(loadMs / 1000).toFixed(1)} s` : 'loaded earlier (cached store)'}; 1-minute load average ${loadAverage.toFixed(1)} on ${availableParallelism()} cores when measured (wall-clock times include waiting for the CPU; the CPU-time row does not). Plan (src/corpus/search-sqlite.ts): each condition is read as a sorted id set from its own index and the sets are intersected in memory; BM25 ranks the ${RANK_WINDOW.toLocaleString('en')} most recent matches of the words (all of them when fewer), older matches follow newest first (\`order: relevance-recent\`); facets over more than ${FACET_EXACT_LIMIT.toLocaleString('en')} matches are counted on the ${FACET_EXACT_LIMIT.toLocaleString('en')} most recent. The most common query word matches ${all.total.toLocaleString('en')} documents; cost grows with the number of matches, not with the size of the corpus. A one-phrase query is scored by src/corpus/phrase-rank.ts (FTS5's BM25 without its second pass over the phrase); matching a phrase of two very common words still means checking word positions in every document holding both.`;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

/**
 * The same corpus and queries on PostgreSQL (the `--db postgres://...` store: a generated tsvector column with
 * a GIN index, filters and facets joined in the database). The loaded schema is kept between runs.
 * `NARRASCOPE_BENCH_PG` overrides the URL; without a reachable server the section says so and is skipped.
 */
export const searchPostgresBenchSection: Section = {
  id: 'corpus-search-postgres',
  title: 'Corpus search latency (PostgreSQL text search, filters, facets)',
  async run(ctx: SectionContext): Promise<string> {
    const n = ctx.quick ? 5_000 : 100_000;
    const schema = `narrascope_bench_search_${n}`;
    const url = process.env.NARRASCOPE_BENCH_PG ?? `postgres://root@127.0.0.1:5432/test?schema=${schema}`;
    const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/u, '//$1:***@');
    let store: Store;
    try {
      store = await openStore(url);
    } catch (e) {
      return `_Skipped: no PostgreSQL at ${shown} (${(e as Error).message})._`;
    }
    try {
      const corpus = new SyntheticCorpus({ documents: n, seed: 99 });
      let loadMs = 0;
      const stored = await countDocuments(store.db);
      if (stored !== n) {
        if (stored > 0) {
          // A partial load from an interrupted run: start the schema again — only a schema named in the URL,
          // never the database's default one (a NARRASCOPE_BENCH_PG without ?schema= may point at real data).
          const named = new URL(url).searchParams.get('schema');
          if (!named) return `_Skipped: ${shown} holds ${stored.toLocaleString('en')} documents, not the ${n.toLocaleString('en')} of this benchmark, and names no schema (?schema=...) that could be dropped and loaded again._`;
          await sql`DROP SCHEMA ${sql.id(named)} CASCADE`.execute(store.db);
          await store.close();
          store = await openStore(url);
        }
        loadMs = await load(store, corpus, ctx.log);
        ctx.log(`loaded ${n} documents into PostgreSQL in ${(loadMs / 1000).toFixed(1)} s`);
      }
      const m = await measure(store, corpus, ctx.quick, postgresCpuMs);
      return `${m.rows.join('\n')}\n\n${n.toLocaleString('en')} documents, the corpus and queries of the SQLite section above, ${loadMs ? `bulk-loaded in ${(loadMs / 1000).toFixed(1)} s` : 'loaded earlier (kept schema)'}; PostgreSQL on this machine (${shown}); 1-minute load average ${m.loadAverage.toFixed(1)} on ${availableParallelism()} cores when measured. The CPU rows: the Node process alone, then with every PostgreSQL server process of this machine (read from /proc, so a concurrent user of the same server would count too); wall-clock time also includes waiting for a CPU. Plan (src/corpus/search-postgres.ts): a probe of the 256 newest documents measures how common the words are; common words are found by walking the documents newest first (one LATERAL tsvector test each, filters first, \`ts_rank\` on a detoasted copy, window edge and scores in one pass), rarer ones through the GIN index (index and sequential scans switched off for the statement, filters on the document row written so that no index serves them); a phrase's candidates from the GIN index of hashed adjacent word pairs (migration 0007), joined to the filters before the word positions are checked; the window of the words alone (edge, matches, scores) is kept per words and newest document id, so the same words with other filters or pages only check the window's documents against the filters; \`ts_rank\` over the ${RANK_WINDOW.toLocaleString('en')} most recent matches of the words (older ones after them, newest first); facets over the ${FACET_EXACT_LIMIT.toLocaleString('en')} most recent matches; totals exact up to ${EXACT_TOTAL_LIMIT.toLocaleString('en')} matches, above that PostgreSQL's planner estimate (\`totalExact: false\`). The most common query word matches ${m.commonMatches.toLocaleString('en')} documents${m.commonExact ? '' : ' (estimated)'}.`;
    } finally {
      await store.close();
    }
  },
};
