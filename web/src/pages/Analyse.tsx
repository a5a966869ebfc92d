import { useState } from 'preact/hooks';
import { api, ApiFailure, type AnalyseResponse } from '../api.js';
import { ResultView } from '../components/ResultView.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { href } from '../router.js';
import { ENCODINGS, uploadContentType } from '../upload.js';

type Mode = 'paste' | 'url' | 'upload';

/** Saves the analysis as a file; the JSON goes into a Blob, never into the page. */
function download(res: AnalyseResponse): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(res.result, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `narrascope-${res.result.document.hash.slice(0, 12)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AnalysePage({ canStore }: { canStore: boolean }) {
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [language, setLanguage] = useState('');
  const [store, setStore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [res, setRes] = useState<AnalyseResponse | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    // The previous text's result must not stay on screen as if it were this one's (nor under its error).
    setRes(null);
    try {
      // Detected when left empty; short texts are where detection errs ("NATO lies!" reads as French).
      const lang = language.trim();
      const extra = { ...(store ? { store: true } : {}), ...(lang ? { language: lang } : {}) };
      let r: AnalyseResponse;
      if (mode === 'paste') r = await api<AnalyseResponse>('/api/analyse', { body: { text, ...(title ? { title } : {}), ...extra } });
      else if (mode === 'url') r = await api<AnalyseResponse>('/api/analyse/url', { body: { url, ...extra } });
      else {
        if (!file) throw new ApiFailure(0, 'no-file', 'choose a file first');
        const q = new URLSearchParams({ filename: file.name, ...(store ? { store: 'true' } : {}), ...(lang ? { language: lang } : {}) });
        r = await api<AnalyseResponse>(`/api/analyse/upload?${q}`, { raw: file, contentType: uploadContentType(file.type, encoding) });
      }
      setRes(r);
    } catch (err) {
      setError(err instanceof ApiFailure ? err : new ApiFailure(0, 'error', (err as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: Event): void => {
    e.preventDefault();
    // One analysis at a time (the button is aria-disabled, which does not stop a click).
    if (busy) return;
    void run();
  };

  return (
    <main id="main">
      <h1>Analyse a text</h1>
      <form class="analyse-form" onSubmit={submit}>
        <div role="radiogroup" aria-label="Input" class="modes">
          {(['paste', 'url', 'upload'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {m === 'paste' ? 'Paste text' : m === 'url' ? 'Web page URL' : 'Upload a file'}
            </label>
          ))}
        </div>
        {mode === 'paste' && (
          <>
            <label>
              Title (optional)
              <input name="title" value={title} maxLength={500} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
            </label>
            <label>
              Text
              <textarea name="text" rows={10} required value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} placeholder="Paste an article, a Myth/Fact page, a fact-check ..." />
            </label>
          </>
        )}
        {mode === 'url' && (
          <label>
            URL
            <input name="url" type="url" required value={url} placeholder="https://…" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
          </label>
        )}
        {mode === 'upload' && (
          <>
            <label>
              File (text, HTML, Markdown)
              <input name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,text/*" required onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
            </label>
            <label>
              Encoding
              <select name="encoding" value={encoding} onChange={(e) => setEncoding((e.target as HTMLSelectElement).value)}>
                {ENCODINGS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          Language (optional: detected when empty)
          <input name="language" value={language} size={8} maxLength={35} pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*" title="a language code such as en, ru, uk or pt-BR" placeholder="en, ru, pt-BR …" onInput={(e) => setLanguage((e.target as HTMLInputElement).value)} />
        </label>
        <div class="row">
          {canStore && (
            <label class="inline">
              <input type="checkbox" checked={store} onChange={() => setStore(!store)} /> store in the corpus
            </label>
          )}
          {/* aria-disabled, not disabled: a disabled button loses the keyboard focus, and after each analysis
              the keyboard started again at the top of the page. */}
          <button type="submit" aria-disabled={busy}>
            {busy ? 'Analysing…' : 'Analyse'}
          </button>
        </div>
      </form>
      {/* Said to screen readers when an analysis starts and ends (the result appears below, out of their way). */}
      <div role="status">{busy ? <p class="muted">Analysing…</p> : res && <p class="muted">Analysed: {res.result.findings.length} findings, {res.result.rebuttals.length} ledger items.</p>}</div>
      {/* Never sent again by itself (it may store the document): the analyst asks, with this button or the form's. */}
      {error && <ErrorBox error={error} onRetry={() => void run()} />}
      {res?.stored && (
        <p role="status">
          Stored as <a href={href('doc', res.stored.id)}>{res.stored.id.slice(0, 12)}</a>
          {res.stored.created ? '' : ' (it was already in the corpus)'}.
        </p>
      )}
      {res && (
        <p>
          <button type="button" class="link" onClick={() => download(res)}>
            Download the result (JSON)
          </button>
        </p>
      )}
      {res && <ResultView result={res.result} />}
    </main>
  );
}
