import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, getToken, setToken, type Whoami } from './api.js';
import { setReadsNeedToken } from './download.js';
import { AnalysePage } from './pages/Analyse.js';
import { ClusterPage, ClustersPage } from './pages/Clusters.js';
import { CorpusPage } from './pages/Corpus.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { NarrativesPage } from './pages/Narratives.js';
import { href, useRoute } from './router.js';
import './styles.css';

const NAV = [
  ['analyse', 'Analyse'],
  ['corpus', 'Corpus'],
  ['narratives', 'Narratives'],
  ['clusters', 'Clusters'],
] as const;

/**
 * Sign in and out with an API token. Each state replaces the control that was used (the button by the
 * form, the form by the name), which took the keyboard focus with it to the page's start: the form's field
 * is focused when it opens, and the control that replaces the form when it closes.
 */
function TokenBox({ who, onChange }: { who: Whoami | null; onChange: () => void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const box = useRef<HTMLSpanElement>(null);
  // Set when the user opened or closed the form (not on the page's first render, nor when whoami answers).
  const moved = useRef(false);
  const toggle = (next: boolean): void => {
    moved.current = true;
    setOpen(next);
  };
  const signedIn = Boolean(who?.role);
  useEffect(() => {
    if (!moved.current) return;
    box.current?.querySelector<HTMLElement>(open ? 'input' : 'button')?.focus();
  }, [open, signedIn]);
  let content;
  if (who?.role && !open) {
    content = (
      <span class="who">
        {who.name} ({who.role}){' '}
        <button
          class="link"
          onClick={() => {
            moved.current = true;
            setToken('');
            onChange();
          }}
        >
          sign out
        </button>
      </span>
    );
  } else if (!open) {
    content = (
      <button class="link" onClick={() => toggle(true)}>
        Use an API token
      </button>
    );
  } else {
    content = (
      <form
        class="token-form"
        onSubmit={(e) => {
          e.preventDefault();
          setToken(value.trim());
          setValue('');
          toggle(false);
          onChange();
        }}
      >
        <label>
          API token <input type="password" autoComplete="off" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} placeholder="nsc_…" />
        </label>
        <button type="submit">Use</button>
        <button type="button" class="link" onClick={() => toggle(false)}>
          cancel
        </button>
      </form>
    );
  }
  return (
    <span class="token-box" ref={box}>
      {content}
    </span>
  );
}

/**
 * The app routes on the hash, so following `#main` would leave the page for the analyse page (an unknown
 * route); the skip link moves focus to the page's <main> instead, as its text says.
 */
function skipToContent(e: Event): void {
  e.preventDefault();
  const main = document.getElementById('main');
  if (!main) return;
  main.tabIndex = -1;
  main.focus();
}

function App() {
  const route = useRoute();
  const [who, setWho] = useState<Whoami | null>(null);
  const [authError, setAuthError] = useState('');
  const refresh = (): void => {
    api<Whoami>('/api/whoami')
      .then((w) => {
        setReadsNeedToken(!w.anonymousRead);
        setWho(w);
        setAuthError('');
      })
      .catch((e: Error) => {
        setAuthError(e.message);
        if (getToken()) setToken('');
      });
  };
  useEffect(refresh, []);
  // Whether the server has a corpus store: without one, "store in the corpus" could only end in 503 no-store.
  const [hasStore, setHasStore] = useState(true);
  useEffect(() => {
    api<{ store: boolean }>('/api/health')
      .then((h) => setHasStore(h.store))
      .catch(() => undefined);
  }, []);
  const canAct = who?.role === 'analyst' || who?.role === 'admin';
  // Pages that show corpus data load it again when the caller changes: after signing in on a private
  // server they showed the 401 until reloaded. The analyse page keeps its state (a pasted text).
  const identity = who?.role ? `${who.name}|${who.role}` : 'anonymous';
  let page;
  if (route.page === 'corpus') page = <CorpusPage key={identity} route={route} />;
  else if (route.page === 'doc' && route.arg) page = <DocumentPage key={identity} id={route.arg} canAct={canAct} />;
  else if (route.page === 'narratives') page = <NarrativesPage key={identity} route={route} />;
  else if (route.page === 'clusters') page = <ClustersPage key={identity} />;
  else if (route.page === 'cluster' && route.arg) page = <ClusterPage key={identity} id={route.arg} />;
  else page = <AnalysePage canStore={canAct && hasStore} />;
  return (
    <>
      <a class="skip" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href('analyse')}>
          Narrascope
        </a>
        <nav aria-label="Main">
          {NAV.map(([p, label]) => (
            <a key={p} href={href(p)} aria-current={route.page === p || (p === 'clusters' && route.page === 'cluster') || (p === 'corpus' && route.page === 'doc') ? 'page' : undefined}>
              {label}
            </a>
          ))}
          <a href="/api/reference">API</a>
        </nav>
        <div class="auth">
          {authError && <span class="error-inline">{authError}</span>}
          <TokenBox who={who} onChange={refresh} />
        </div>
      </header>
      {page}
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
