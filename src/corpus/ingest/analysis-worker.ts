/**
 * Worker-thread side of the analysis pool: builds one analyzer from the (serialisable) options it is
 * started with, then analyses the documents it is sent, one at a time, and posts back the result and the
 * document's MinHash signature.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analysePayload, createPayloadAnalyser, toWire, type AnalysisJob, type SerializableAnalyzerOptions, type WireReply } from './analyse.js';

const port = parentPort;
if (port) {
  const analyser = createPayloadAnalyser(workerData as SerializableAnalyzerOptions);
  port.on('message', (job: AnalysisJob) => {
    analysePayload(analyser, job).then(
      (reply) => port.postMessage(toWire(reply)),
      (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies WireReply),
    );
  });
}
