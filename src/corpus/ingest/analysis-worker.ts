/**
 * Worker-thread side of the analysis pool: builds an analyzer from the (serialisable) options it is
 * started with (and one per preset or threshold a job brings), then analyses the documents it is sent, one at a time and in order, and posts back the
 * result and the document's MinHash signature.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analysePayload, PayloadAnalysers, toWire, type AnalysisJob, type SerializableAnalyzerOptions, type WireReply } from './analyse.js';

const port = parentPort;
if (port) {
  const analysers = new PayloadAnalysers(workerData as SerializableAnalyzerOptions);
  // The pool sends the next job before this one is done (pool.ts, JOBS_PER_WORKER): chain them, so that
  // they run one after the other and their replies come back in the order they were sent.
  // `run` never rejects, so one failed job cannot stop the chain.
  const run = async (job: AnalysisJob): Promise<void> => {
    let wire: WireReply;
    try {
      wire = toWire(await analysePayload(analysers.for(job), job), job.forStore === true);
    } catch (e) {
      wire = { id: job.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(wire);
  };
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (job: AnalysisJob) => {
    previous = previous.then(() => run(job));
  });
}
