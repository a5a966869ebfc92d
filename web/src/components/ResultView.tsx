import { useMemo, useRef, useState } from 'preact/hooks';
import type { AnalysisResult, Finding, LedgerItem } from '../api.js';
import { buildLegend, layout, legendKey } from '../highlight.js';
import { HighlightedText } from './HighlightedText.js';
import { FindingPanel } from './FindingPanel.js';
import { LedgerTable } from './LedgerTable.js';

export interface Actions {
  /** Present when the document is stored and the user may act on it. */
  dismiss?: (f: Finding, reason: string) => Promise<void>;
  confirm?: (item: LedgerItem, verdict: string) => Promise<void>;
}

interface Props {
  readonly result: AnalysisResult;
  /** Ids of dismissed findings (from the server). */
  readonly dismissed?: readonly string[];
  readonly confirmed?: ReadonlyMap<string, string>;
  readonly actions?: Actions;
}

const TABS = ['ledger', 'claims', 'narratives', 'entities'] as const;
type Tab = (typeof TABS)[number];

export function ResultView({ result, dismissed = [], confirmed, actions }: Props) {
  const text = result.document.text ?? '';
  const findings = result.findings;
  const legend = useMemo(() => buildLegend(findings), [findings]);
  const legendMap = useMemo(() => new Map(legend.map((l) => [l.key, l])), [legend]);
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const [showDismissed, setShowDismissed] = useState(false);
  // A finding focused or clicked stays selected; the mouse only previews while none is. (When hovering
  // replaced it, moving the mouse from a span to the panel's reason field crossed other spans, and the
  // form then dismissed whichever finding the pointer passed last.)
  const [selected, setSelected] = useState<number | null>(null);
  const [preview, setPreview] = useState<number | null>(null);
  const active = selected ?? preview;
  // Tab moves from span to span, and each one it reaches becomes the selection, so the panel's reason field
  // (after the text) could only ever be reached for the last span: Enter on a span takes the keyboard there.
  const panelRef = useRef<HTMLDivElement>(null);
  const open = (i: number): void => {
    setSelected(i);
    setTimeout(() => {
      const panel = panelRef.current;
      // The reason field when the finding can be dismissed, else the panel's first control (its close button).
      (panel?.querySelector<HTMLElement>('.dismiss input') ?? panel?.querySelector<HTMLElement>('button.close'))?.focus();
    }, 0);
  };
  const [tab, setTab] = useState<Tab>(result.rebuttals.length ? 'ledger' : 'claims');
  const dismissedSet = useMemo(() => {
    const ids = new Set(dismissed);
    return new Set(findings.map((f, i) => (ids.has(f.id) ? i : -1)).filter((i) => i >= 0));
  }, [findings, dismissed]);
  const paragraphs = useMemo(
    () => layout(text, findings, (i) => !off.has(legendKey(findings[i] as Finding)) && (showDismissed || !dismissedSet.has(i))),
    [text, findings, off, showDismissed, dismissedSet],
  );
  // A tab list is one stop in the Tab order; the arrow keys, Home and End move between its tabs (WAI-ARIA tabs).
  const onTabKey = (e: KeyboardEvent): void => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    const t = TABS[next] as Tab;
    setTab(t);
    document.getElementById(`tab-${t}`)?.focus();
  };
  const toggle = (key: string): void => {
    const next = new Set(off);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setOff(next);
  };

  return (
    <div class="result">
      <p class="summary">
        <strong>
          <bdi>{result.document.title ?? 'Untitled document'}</bdi>
        </strong>{' '}
        · language {result.document.language} · {text.length.toLocaleString()} characters · {findings.length} findings · {result.rebuttalSummary.text || `${result.rebuttals.length} ledger items`} · {Math.round(result.stats.totalMs)} ms
      </p>
      {result.warnings.length > 0 && (
        <ul class="warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div class="reader">
        <div class="text-col">
          <HighlightedText text={text} paragraphs={paragraphs} findings={findings} legend={legendMap} active={active} onActivate={setSelected} onPreview={setPreview} onOpen={open} />
        </div>
        <aside class="side-col">
          <fieldset class="legend">
            <legend>Legend ({legend.length})</legend>
            {legend.length === 0 && <p class="muted">No findings.</p>}
            {legend.map((l) => (
              <label key={l.key} class="legend-item">
                <input type="checkbox" checked={!off.has(l.key)} onChange={() => toggle(l.key)} />
                <span class={`swatch c${l.color}`} aria-hidden="true" />
                {l.key} <span class="muted">({l.count})</span>
              </label>
            ))}
            {dismissedSet.size > 0 && (
              <label class="legend-item">
                <input type="checkbox" checked={showDismissed} onChange={() => setShowDismissed(!showDismissed)} /> show {dismissedSet.size} dismissed
              </label>
            )}
          </fieldset>
          <div ref={panelRef}>
            <FindingPanel
              finding={active === null ? null : (findings[active] ?? null)}
              dismissed={active !== null && dismissedSet.has(active)}
              dismiss={selected === null ? undefined : actions?.dismiss}
              onClose={() => {
                setSelected(null);
                setPreview(null);
              }}
            />
          </div>
        </aside>
      </div>
      <div class="tabs" role="tablist" aria-label="Analysis layers" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button key={t} role="tab" id={`tab-${t}`} aria-selected={tab === t} aria-controls={`panel-${t}`} tabIndex={tab === t ? 0 : -1} class={tab === t ? 'tab on' : 'tab'} onClick={() => setTab(t)}>
            {t} ({t === 'ledger' ? result.rebuttals.length : t === 'claims' ? result.claims.length : t === 'narratives' ? result.narratives.length : result.entities.length})
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'ledger' && <LedgerTable items={result.rebuttals} confirmed={confirmed} confirm={actions?.confirm} />}
        {tab === 'claims' && <ClaimsTable result={result} />}
        {tab === 'narratives' && <NarrativesList result={result} />}
        {tab === 'entities' && <EntitiesTable result={result} />}
      </section>
    </div>
  );
}

function ClaimsTable({ result }: { result: AnalysisResult }) {
  if (!result.claims.length) return <p class="muted">No check-worthy claims found.</p>;
  return (
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">claim</th>
          <th scope="col">type</th>
          <th scope="col">speaker</th>
          <th scope="col">source</th>
          <th scope="col">check-worthiness</th>
        </tr>
      </thead>
      <tbody>
        {result.claims.map((c) => (
          <tr key={c.id}>
            <td>{c.span.text}</td>
            <td>{c.type}</td>
            <td>{c.speaker?.text ?? '—'}</td>
            <td>{c.hasSource ? c.sources.map((s) => s.span.text).join('; ') || 'yes' : 'none given'}</td>
            <td>{c.checkWorthiness.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NarrativesList({ result }: { result: AnalysisResult }) {
  if (!result.narratives.length) return <p class="muted">No narrative labels.</p>;
  return (
    <ul class="narratives">
      {result.narratives.map((n) => (
        <li key={`${n.taxonomy}:${n.label}`}>
          <strong>{n.label}</strong> <span class="muted">({n.taxonomy}, {n.level}, score {n.score.toFixed(2)})</span>
          {n.support.length > 0 && (
            <ul>
              {n.support.slice(0, 3).map((s) => (
                <li key={s.span.start} class="quote">
                  “{s.span.text}”
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function EntitiesTable({ result }: { result: AnalysisResult }) {
  if (!result.entities.length) return <p class="muted">No entities with roles.</p>;
  return (
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">entity</th>
          <th scope="col">type</th>
          <th scope="col">main role</th>
          <th scope="col">fine roles</th>
          <th scope="col">mentions</th>
        </tr>
      </thead>
      <tbody>
        {result.entities.map((e) => (
          <tr key={e.id}>
            <td>{e.name}</td>
            <td>{e.type}</td>
            <td>{e.mainRole ?? '—'}</td>
            <td>{e.fineRoles.join(', ') || '—'}</td>
            <td>{e.mentions.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
