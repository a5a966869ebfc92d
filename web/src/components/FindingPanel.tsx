import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../api.js';
import { legendKey } from '../highlight.js';

interface Props {
  readonly finding: Finding | null;
  readonly dismissed: boolean;
  readonly dismiss: ((f: Finding, reason: string) => Promise<void>) | undefined;
  readonly onClose: () => void;
}

/** Explanation of the focused finding: message, evidence, confidence, and the dismiss action. */
export function FindingPanel({ finding, dismissed, dismiss, onClose }: Props) {
  if (!finding) {
    return (
      <div class="finding-panel" aria-live="polite">
        <p class="muted">Hover, focus (Tab) or click a highlighted span to see why it was marked.</p>
      </div>
    );
  }
  return (
    <div class="finding-panel" aria-live="polite">
      <h3>
        {legendKey(finding)}
        <button class="link close" onClick={onClose} aria-label="Close explanation">
          ×
        </button>
      </h3>
      <p>{finding.message}</p>
      <blockquote>
        “<bdi>{finding.span.text}</bdi>”
      </blockquote>
      {finding.note && <p class="note">{finding.note}</p>}
      <dl class="facts">
        <dt>detector</dt>
        <dd>
          <code>{finding.detector}</code> v{finding.detectorVersion}
        </dd>
        <dt>confidence</dt>
        <dd>{finding.confidence.toFixed(2)}</dd>
        <dt>taxonomy</dt>
        <dd>{finding.taxonomy.join(', ') || '—'}</dd>
      </dl>
      {finding.evidence.length > 0 && (
        <>
          <h4>Evidence</h4>
          <ul class="evidence">
            {finding.evidence.map((ev, i) => (
              <li key={i}>
                <span class="muted">{ev.kind}</span> {ev.label}
                {ev.weight !== undefined ? ` (${ev.weight.toFixed(2)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {dismissed && <p class="muted">An analyst has dismissed this finding.</p>}
      {/* Keyed by the finding: a reason typed for one finding, or "Dismissed." said of it, never carries over
          to the next, and nothing typed for this one is wiped (see DismissForm). */}
      {dismiss && <DismissForm key={finding.id} finding={finding} dismissed={dismissed} dismiss={dismiss} />}
    </div>
  );
}

/**
 * The dismiss form of one finding, with its own state. The panel stays mounted (it is the aria-live region
 * that announces each explanation), and it used to clear the reason in an effect when the finding changed;
 * Preact runs effects after the next paint (up to 100 ms later), so a reason typed at once — the
 * keyboard's Enter on a span focuses this field straight away, and the browser tests type as fast — was
 * wiped after it was typed, the required field was then empty and the browser refused the submit without
 * a word (the flaky "show 1 dismissed" wait of the browser tests). Keyed by the finding, the form starts
 * empty when, and only when, the finding changes.
 */
function DismissForm({ finding, dismissed, dismiss }: { finding: Finding; dismissed: boolean; dismiss: (f: Finding, reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // The form that had the keyboard goes once the finding is dismissed: the focus moves to what is said of it,
  // not to the start of the page.
  const said = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (status && asked.current) said.current?.focus();
  }, [status, dismissed]);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    asked.current = true;
    setBusy(true);
    try {
      await dismiss(finding, reason);
      setStatus('Dismissed.');
      setReason('');
    } catch (err) {
      setStatus(`Could not dismiss: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {!dismissed && (
        <form class="dismiss" onSubmit={submit}>
          <label>
            Dismiss as wrong — reason
            <input value={reason} required minLength={3} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          {/* aria-disabled, not disabled: a disabled button loses the keyboard focus (to the page start); submit ignores clicks while busy. */}
          <button type="submit" aria-disabled={busy}>
            Dismiss
          </button>
        </form>
      )}
      {status && (
        <p role="status" tabIndex={-1} ref={said}>
          {status}
        </p>
      )}
    </>
  );
}
