import { renderMessage } from '../finding/message.js';
import type { Finding, Severity, Signal } from '../finding/types.js';
import { isValidSpan, spanText } from '../text/span.js';

export interface SignalSource {
  readonly id: string;
  readonly version: string;
  readonly family: string;
  readonly messages: Readonly<Record<string, string>>;
  readonly taxonomy: readonly string[];
  readonly severity: Severity;
}

export class InvalidSignalError extends Error {
  constructor(source: string, why: string) {
    super(`${source} produced an invalid finding: ${why}`);
    this.name = 'InvalidSignalError';
  }
}

/**
 * Turns a signal into a Finding, checking it where it is made (as ESLint does with reports): the span lies
 * inside the text, the message id is declared, every placeholder has data, confidence is in [0, 1].
 */
export function signalToFinding(source: SignalSource, signal: Signal, text: string): Finding {
  const fail = (why: string): never => {
    throw new InvalidSignalError(source.id, why);
  };
  if (!isValidSpan(signal.span, text.length)) fail(`span [${signal.span.start}, ${signal.span.end}) is outside the text (length ${text.length})`);
  const template = source.messages[signal.messageId];
  if (template === undefined) fail(`unknown messageId "${signal.messageId}"`);
  if (!(signal.confidence >= 0 && signal.confidence <= 1)) fail(`confidence ${signal.confidence} is not in [0, 1]`);
  const data = signal.data ?? {};
  let message = '';
  try {
    message = renderMessage(template as string, data);
  } catch (e) {
    fail((e as Error).message);
  }
  for (const r of signal.related ?? []) {
    if (!isValidSpan(r.span, text.length)) fail(`related span "${r.role}" is outside the text`);
  }
  return {
    id: '',
    detector: source.id,
    detectorVersion: source.version,
    family: source.family,
    messageId: signal.messageId,
    message,
    span: spanText(text, signal.span),
    confidence: Math.round(signal.confidence * 1000) / 1000,
    severity: signal.severity ?? source.severity,
    data,
    evidence: signal.evidence ?? [],
    related: (signal.related ?? []).map((r) => ({ role: r.role, ...spanText(text, r.span) })),
    // A copy: the result is the caller's to change, and the detector's metadata (shared by every finding) is not.
    taxonomy: [...(signal.taxonomy ?? source.taxonomy)],
    ...(signal.note !== undefined ? { note: signal.note } : {}),
  };
}
