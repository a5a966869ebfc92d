/**
 * Load test of the analyse endpoint (bench Section `load`): N concurrent clients on loopback, each sending
 * POST /api/analyse with a ~5 KB article back to back for a fixed time, against a server in a child
 * process. Reports requests, errors, throughput and latency percentiles. Bounded: 127.0.0.1 only, a fixed
 * duration, and the server is stopped afterwards whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, type Section } from '../harness.js';
import { ARTICLE, variant } from './article.js';

export interface LoadResult {
  readonly clients: number;
  readonly seconds: number;
  readonly requests: number;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function post(agent: Agent, port: number, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/analyse', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function startLoadServer(workers: number): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'load', 'server.ts')], { cwd: ROOT, env: { ...process.env, NARRASCOPE_LOAD_WORKERS: String(workers) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/u.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`load server exited with ${code} before listening`)));
    setTimeout(() => reject(new Error('load server did not start within 60 s')), 60_000).unref();
  });
  return { port, child };
}

export async function runLoad(port: number, clients: number, seconds: number, unique: boolean): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let n = 0;
  // Warm-up: the first analysis in each worker loads the language model.
  for (let i = 0; i < 4; i++) await post(agent, port, JSON.stringify({ text: variant(-1 - i) })).catch(() => undefined);
  const start = performance.now();
  const end = start + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const body = JSON.stringify({ text: unique ? variant(n++) : ARTICLE });
      const t = performance.now();
      try {
        const res = await post(agent, port, body);
        latencies.push(performance.now() - t);
        if (res.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${res.status} ${res.body.slice(0, 160)}`);
        }
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push((e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  return { clients, seconds: elapsed, requests: latencies.length, errors, errorSamples, perSecond: latencies.length / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

export const loadSection: Section = {
  id: 'load',
  title: 'HTTP API under load (analyse endpoint)',
  async run(ctx) {
    const clients = 50;
    const seconds = ctx.quick ? 5 : 60;
    const workers = Math.max(1, Math.min(availableParallelism(), 4));
    ctx.log(`${clients} clients, ${seconds} s, article ${Buffer.byteLength(ARTICLE)} bytes, ${workers} analysis worker(s), ${availableParallelism()} core(s)`);
    const { port, child } = await startLoadServer(workers);
    const runs: [string, LoadResult][] = [];
    const loadBefore = loadavg()[0] ?? 0;
    try {
      // Unique texts: every request is a new document, so the result cache never answers.
      runs.push(['a different article each request (no cache hits)', await runLoad(port, clients, seconds, true)]);
      // The same article every time, as in the wording: after the first, the cache answers.
      runs.push(['the same article each request (result cache)', await runLoad(port, clients, seconds, false)]);
    } finally {
      child.kill('SIGTERM');
    }
    const ms = (x: number): string => `${x.toFixed(0)} ms`;
    const rows = runs.map(([name, r]) => {
      const pass = r.errors === 0 && r.p99 < 1000;
      ctx.log(`${name}: ${r.requests} requests, ${r.errors} errors, ${r.perSecond.toFixed(1)}/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)}`);
      for (const e of r.errorSamples) ctx.log(`  error: ${e}`);
      return `| ${name} | ${r.seconds.toFixed(0)} s | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${pass ? 'met' : '**not met**'} |`;
    });
    return [
      `POST /api/analyse on 127.0.0.1: ${clients} concurrent clients with keep-alive, each sending a ${Buffer.byteLength(ARTICLE)}-byte article back to back. Server: \`bench/load/server.ts\` in its own process (the \`narrascope serve\` set-up: ${workers} analysis worker thread(s) and the result cache, rate limiting off); ${availableParallelism()} core(s), shared with the load generator; 1-minute load average ${loadBefore.toFixed(1)} before the run (other work on the machine slows the first row directly).`,
      '',
      '| texts | duration | requests | errors | requests/s | p50 | p95 | p99 | max | target (0 errors, p99 < 1 s) |',
      '|:---|---:|---:|---:|---:|---:|---:|---:|---:|:---|',
      ...rows,
      '',
      'With unique texts the endpoint is CPU-bound: by Little\'s law the latency of 50 closed-loop clients is 50 ÷ throughput, so p99 < 1 s needs more than ~50 analyses per second, i.e. under ~40 ms per 5 KB analysis per core on this machine.',
    ].join('\n');
  },
};
