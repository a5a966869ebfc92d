/**
 * Parallel analysis: a pool of up to `size` worker threads (one per core by default; started as jobs need
 * them), or the same code in-process when the pool size is 1. Each worker holds up to JOBS_PER_WORKER jobs (it analyses them one at a time, in
 * order); a worker that dies fails the job it was analysing (the document is recorded as failed), its
 * waiting jobs go back to the front of the queue, and the worker is replaced.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzerOptions } from '../../analyzer.js';
import { analysePayload, fromWire, PayloadAnalysers, type AnalysisJob, type AnalysisReply, type SerializableAnalyzerOptions, type WireReply } from './analyse.js';

export interface AnalysisPool {
  readonly size: number;
  analyse(job: Omit<AnalysisJob, 'id'>): Promise<AnalysisReply>;
  close(): Promise<void>;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export function createPool(size: number, options: AnalyzerOptions = {}): AnalysisPool {
  if (size <= 1 || options.registry || typeof options.identifyLanguage === 'function') return inProcess(options);
  return new WorkerPool(size, options as SerializableAnalyzerOptions, startWorker);
}

/** A pool of `size` workers made by `start` (tests pass a stand-in worker; the product uses createPool). */
export function createWorkerPool(size: number, options: SerializableAnalyzerOptions, start: (workerData: SerializableAnalyzerOptions) => Worker): AnalysisPool {
  return new WorkerPool(size, options, start);
}

function inProcess(options: AnalyzerOptions): AnalysisPool {
  let analysers: PayloadAnalysers | null = null;
  let next = 0;
  return {
    size: 1,
    analyse(job) {
      analysers ??= new PayloadAnalysers(options);
      return analysePayload(analysers.for(job), { ...job, id: next++ });
    },
    async close() {
      analysers = null;
    },
  };
}

/**
 * How to start the worker script: compiled .js as is; from TypeScript sources (tests, `tsx`), through a
 * small bootstrap that imports the .ts worker with tsx's API (loader flags are not honoured in workers).
 */
function startWorker(workerData: SerializableAnalyzerOptions): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./analysis-worker.js', here), { workerData });
  const require = createRequire(here);
  const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const target = new URL('./analysis-worker.ts', here).href;
  const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(target)}, ${JSON.stringify(here)}));`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Jobs a worker holds at once: the one it is analysing and three more. A worker that finishes its jobs
 * waits idle until the main thread takes its results and sends it new work, and the main thread is often
 * inside a synchronous database write at that moment — tens of milliseconds since ingest writes documents
 * in groups (batch-writer.ts), several times the ≈ 17 ms a worker needs per news article. Measured on 2
 * cores (742 PTC articles, 2 workers, 6 alternated runs each): 2 jobs 51–64 docs/s (mean 59.7), 4 jobs
 * 56–65 (mean 62.0), 8 jobs 60–61 (3 runs). More jobs per worker cost only the memory of their texts.
 */
const JOBS_PER_WORKER = 4;

interface SlotJob {
  readonly job: AnalysisJob;
  readonly resolve: (r: AnalysisReply) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to the worker, oldest (the one being analysed) first. */
  jobs: SlotJob[];
}

class WorkerPool implements AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: SlotJob[] = [];
  private next = 0;
  private closed = false;
  /** Workers that died; past a few per slot the pool stops respawning and fails every job. */
  private crashes = 0;
  private broken: string | null = null;

  constructor(
    readonly size: number,
    private readonly options: SerializableAnalyzerOptions,
    private readonly start: (workerData: SerializableAnalyzerOptions) => Worker,
  ) {}

  private spawn(): Slot {
    const worker = this.start(this.options);
    const slot: Slot = { worker, jobs: [] };
    worker.on('message', (wire: WireReply) => {
      // The worker answers in the order it was sent its jobs.
      const i = slot.jobs.findIndex((j) => j.job.id === wire.id);
      const [done] = slot.jobs.splice(i < 0 ? 0 : i, 1);
      // Refill first, so the worker's next-but-one job is on its way before the result is handled.
      this.pump();
      let reply: AnalysisReply;
      try {
        reply = fromWire(wire);
      } catch (e) {
        reply = { id: wire.id, error: `unreadable analysis result: ${(e as Error).message}` };
      }
      done?.resolve(reply);
    });
    const fail = (message: string): void => {
      const [current, ...waiting] = slot.jobs;
      slot.jobs = [];
      current?.resolve({ id: current.job.id, error: message });
      // Jobs the worker had not started are not at fault: they go back to the front of the queue.
      this.queue.unshift(...waiting);
      if (++this.crashes > this.size * 3) this.broken ??= message;
      if (this.broken) {
        for (const q of this.queue.splice(0)) q.resolve({ id: q.job.id, error: `analysis pool stopped: ${this.broken}` });
        return;
      }
      if (!this.closed) {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots[i] = this.spawn();
        this.pump();
      }
    };
    worker.on('error', (e) => fail(`analysis worker crashed: ${e.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) fail(`analysis worker exited with code ${code}`);
    });
    return slot;
  }

  analyse(job: Omit<AnalysisJob, 'id'>): Promise<AnalysisReply> {
    return new Promise((resolve) => {
      if (this.broken) {
        resolve({ id: this.next++, error: `analysis pool stopped: ${this.broken}` });
        return;
      }
      this.queue.push({ job: { ...job, id: this.next++ }, resolve });
      this.pump();
    });
  }

  /** Tops every worker up to JOBS_PER_WORKER jobs, emptiest first, so that idle workers get work first. */
  private pump(): void {
    // Workers start as work needs them: another one only when a job waits and every worker has one. Each
    // loads its own models (~250 MB), so ingesting one document with --workers 8 starts one thread, not
    // eight; a corpus read from disk still starts all of them within its first documents.
    while (this.queue.length > 0 && this.slots.length < this.size && this.slots.every((s) => s.jobs.length > 0)) this.slots.push(this.spawn());
    for (let held = 0; held < JOBS_PER_WORKER; held++) {
      for (const slot of this.slots) {
        if (slot.jobs.length > held || this.queue.length === 0) continue;
        const next = this.queue.shift() as SlotJob;
        slot.jobs.push(next);
        slot.worker.postMessage(next.job);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
