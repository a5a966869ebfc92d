/**
 * Parallel analysis: a pool of worker threads (one per core by default), or the same code in-process when
 * the pool size is 1. Jobs are dispatched to idle workers; a worker that dies fails its job (the document
 * is recorded as failed) and is replaced.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzerOptions } from '../../analyzer.js';
import { analysePayload, createPayloadAnalyser, fromWire, type AnalysisJob, type AnalysisReply, type PayloadAnalyser, type SerializableAnalyzerOptions, type WireReply } from './analyse.js';

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
  return new WorkerPool(size, options as SerializableAnalyzerOptions);
}

function inProcess(options: AnalyzerOptions): AnalysisPool {
  let analyser: PayloadAnalyser | null = null;
  let next = 0;
  return {
    size: 1,
    analyse(job) {
      analyser ??= createPayloadAnalyser(options);
      return analysePayload(analyser, { ...job, id: next++ });
    },
    async close() {
      analyser = null;
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

interface Slot {
  worker: Worker;
  job: { id: number; resolve: (r: AnalysisReply) => void } | null;
}

class WorkerPool implements AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: AnalysisJob; resolve: (r: AnalysisReply) => void }[] = [];
  private next = 0;
  private closed = false;
  /** Workers that died; past a few per slot the pool stops respawning and fails every job. */
  private crashes = 0;
  private broken: string | null = null;

  constructor(
    readonly size: number,
    private readonly options: SerializableAnalyzerOptions,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = startWorker(this.options);
    const slot: Slot = { worker, job: null };
    worker.on('message', (wire: WireReply) => {
      const job = slot.job;
      slot.job = null;
      let reply: AnalysisReply;
      try {
        reply = fromWire(wire);
      } catch (e) {
        reply = { id: wire.id, error: `unreadable analysis result: ${(e as Error).message}` };
      }
      job?.resolve(reply);
      this.pump();
    });
    const fail = (message: string): void => {
      const job = slot.job;
      slot.job = null;
      job?.resolve({ id: job.id, error: message });
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

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const { job, resolve } = this.queue.shift() as (typeof this.queue)[number];
      slot.job = { id: job.id, resolve };
      slot.worker.postMessage(job);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
