/** Fixtures for corpus tests: synthetic documents we write ourselves, and a way to run the CLI in a child. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SUBJECTS = ['The ministry', 'A local council', 'The harbour authority', 'Farmers', 'The railway company', 'Teachers', 'The energy agency', 'A hospital board'];
const VERBS = ['announced', 'postponed', 'criticised', 'approved', 'questioned', 'welcomed', 'reviewed', 'rejected'];
const OBJECTS = ['a new budget for roads', 'the plan for a northern bridge', 'higher fuel prices', 'a water reform', 'the school calendar', 'a grain export deal', 'wind farm permits', 'a tram line'];

/** A deterministic news-like paragraph, different for every n. */
export function syntheticText(n: number, sentences = 6): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const k = n * 7 + i * 13;
    out.push(`${SUBJECTS[k % SUBJECTS.length]} ${VERBS[(k >> 3) % VERBS.length]} ${OBJECTS[(k >> 6) % OBJECTS.length]} on day ${n}-${i}, officials said in statement ${n * 31 + i}.`);
  }
  return out.join(' ');
}

export function syntheticJsonl(from: number, to: number): string {
  const lines: string[] = [];
  for (let n = from; n < to; n++) lines.push(JSON.stringify({ text: syntheticText(n), outlet: `Outlet ${n % 5}`, date: `2024-0${1 + (n % 9)}-1${n % 10}`, title: `Report ${n}` }));
  return `${lines.join('\n')}\n`;
}

/** Spawns `narrascope ARGS` from the TypeScript sources (through tsx) in `cwd`. */
export function spawnCli(args: readonly string[], cwd: string): ChildProcess {
  const require = createRequire(import.meta.url);
  const loader = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs')).href;
  return spawn(process.execPath, ['--import', loader, join(ROOT, 'src', 'cli', 'bin.ts'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NARRASCOPE_DB: '' } });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('exit', (code, signal) => res({ code, signal, stdout, stderr })));
}
