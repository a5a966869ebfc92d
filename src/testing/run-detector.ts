import { resolveOptions } from '../core/config/options.js';
import { createSharedCache } from '../core/detect/shared-cache.js';
import type { Detector } from '../core/detect/types.js';
import { signalToFinding } from '../core/detect/validate-signal.js';
import { postProcess } from '../core/finding/post-process.js';
import type { Finding } from '../core/finding/types.js';
import { segmentText } from '../core/segment/segment.js';
import { createDocument } from '../core/text/document.js';

export interface RunDetectorOptions {
  readonly language?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Detectors that must run first (for detectors that read earlier findings). */
  readonly before?: readonly Detector[];
}

/** Runs one detector on a text exactly as the pipeline would and returns its validated findings. */
export async function runDetector(detector: Detector, rawText: string, opts: RunDetectorOptions = {}): Promise<Finding[]> {
  const document = createDocument({ text: rawText, language: opts.language ?? 'en' });
  const language = opts.language ?? 'en';
  const segments = segmentText(document.text, language);
  const shared = createSharedCache();
  const earlier: Finding[] = [];
  for (const d of [...(opts.before ?? []), detector]) {
    const options = resolveOptions(d.meta.id, d.meta.options, d === detector ? opts.options : {});
    const signals = await d.detect({ document, text: document.text, language, segments, options, shared, earlierFindings: earlier });
    const findings = signals.map((s) => signalToFinding(d.meta, s, document.text));
    if (d === detector) return postProcess(findings);
    earlier.push(...findings);
  }
  return [];
}
