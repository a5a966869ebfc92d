import { useEffect, useRef, useState } from 'preact/hooks';
import type { LedgerItem } from '../api.js';

interface Props {
  readonly items: readonly LedgerItem[];
  readonly confirmed?: ReadonlyMap<string, string> | undefined;
  readonly confirm?: ((item: LedgerItem, verdict: string) => Promise<void>) | undefined;
}

const VERDICTS = ['false', 'misleading', 'partly-false', 'missing-context', 'unproven', 'true', 'mixed', 'other'];

/** The rebuttal ledger: one row per countered claim, in the document's order. */
export function LedgerTable({ items, confirmed, confirm }: Props) {
  if (!items.length) return <p class="muted">No ledger: the document does not use a claim/rebuttal layout that was recognised.</p>;
  return (
    <table class="grid ledger">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">claim</th>
          <th scope="col">attributed to</th>
          <th scope="col">motive</th>
          <th scope="col">rebuttal</th>
          <th scope="col">verdict</th>
          <th scope="col">evidence</th>
          {confirm && <th scope="col">analyst</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((it) => (
          <tr key={it.id}>
            <td>{it.index ?? '—'}</td>
            <td>{it.claim?.text ?? <span class="muted">—</span>}</td>
            <td>{it.attributedTo?.text ?? <span class="muted">—</span>}</td>
            <td>{it.motive?.text ?? <span class="muted">—</span>}</td>
            <td>{it.rebuttal?.text ?? <span class="muted">—</span>}</td>
            <td>{it.verdict ? `${it.verdict.label} (“${it.verdict.original.text}”)` : '—'}</td>
            <td>{it.evidenceSummary}</td>
            {confirm && (
              <td>
                <Confirm item={it} done={confirmed?.get(it.id)} confirm={confirm} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Confirm({ item, done, confirm }: { item: LedgerItem; done: string | undefined; confirm: (item: LedgerItem, verdict: string) => Promise<void> }) {
  const [verdict, setVerdict] = useState<string>(item.verdict?.label ?? 'false');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // The form that had the keyboard is replaced by the confirmation: the focus moves to it, not to the start
  // of the page.
  const mark = useRef<HTMLSpanElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (done && asked.current) mark.current?.focus();
  }, [done]);
  if (done)
    return (
      <span class="ok" tabIndex={-1} ref={mark}>
        confirmed: {done}
      </span>
    );
  return (
    <form
      class="confirm"
      onSubmit={async (e) => {
        e.preventDefault();
        // One confirmation per click: a second click while the first is on its way would send it twice.
        if (busy) return;
        asked.current = true;
        setBusy(true);
        try {
          await confirm(item, verdict);
        } catch (err) {
          setStatus((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <select aria-label={`Verdict for item ${item.index ?? item.id}`} value={verdict} onChange={(e) => setVerdict((e.target as HTMLSelectElement).value)}>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      {/* aria-disabled, not disabled: a disabled button loses the keyboard focus (to the page start); submit ignores clicks while busy. */}
      <button type="submit" aria-disabled={busy}>
        Confirm
      </button>
      {status && <span role="status">{status}</span>}
    </form>
  );
}
