import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiFailure, getToken, setToken, type Whoami } from './api.js';
import { ErrorBox } from './components/ErrorBox.js';
import { setReadsNeedToken } from './download.js';
import { AnalysePage } from './pages/Analyse.js';
import { ClusterPage, ClustersPage } from './pages/Clusters.js';
import { CorpusPage } from './pages/Corpus.js';
import { DocumentPage } from './pages/DocumentPage.js';
import { NarrativesPage } from './pages/Narratives.js';
import { clusterId, documentId } from './route-params.js';
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
  focusMain();
}

function focusMain(): void {
  const main = document.getElementById('main');
  if (!main) return;
  main.tabIndex = -1;
  main.focus({ preventScroll: true });
}

/** The tab's title for each page, so that history, tabs and screen readers name the page. */
const TITLES: Readonly<Record<string, string>> = { corpus: 'Corpus', doc: 'Document', narratives: 'Narratives', clusters: 'Clusters', cluster: 'Cluster' };

/**
 * After a move to another page, the keyboard starts on the new page's content and the view at its top. A
 * followed link (a document in the results) was removed with the old page, so the focus fell back to the
 * start of the document, and the new page opened as far down as the old one was scrolled (a hash route is
 * no anchor the browser scrolls to). Not on the first page shown, nor when only the query changes (a facet
 * picked, the next page of results): the control used is still there.
 */
function usePageMoves(page: string, arg: string | null): void {
  const shown = useRef('');
  const where = `${page}/${arg ?? ''}`;
  useEffect(() => {
    document.title = `${TITLES[page] ?? 'Analyse'} · Narrascope`;
    const first = shown.current === '';
    shown.current = where;
    if (first) return;
    scrollTo(0, 0);
    focusMain();
  }, [where]);
}

/**
 * A document or cluster address whose id the API could never accept (`#/doc/xyz`, `#/cluster/abc`): said
 * here, instead of the API's schema error (400, "params/id must match pattern ..."), and nothing is asked.
 */
/** Typed text inside a sentence, its direction isolated (FSI … PDI, a <bdi> in a string): an RLO in it would reverse the rest. */
function isolate(text: string): string {
  return `\u2068${text.length > 60 ? `${text.slice(0, 59)}…` : text}\u2069`;
}

function BadAddress({ what, why }: { what: string; why: string }) {
  return (
    <main id="main">
      <ErrorBox error={new ApiFailure(0, 'bad-address', `There is no ${what}: ${why}.`, 'Check the link, or find it in the Corpus or Clusters page.')} />
    </main>
  );
}

function App() {
  const route = useRoute();
  usePageMoves(route.page, route.arg);
  const [who, setWho] = useState<Whoami | null>(null);
  const [authError, setAuthError] = useState('');
  const [session, setSession] = useState(0);
  // The token is kept through a failure that may pass, and can be checked again.
  const [authPassing, setAuthPassing] = useState(false);
  const refresh = (): void => {
    api<Whoami>('/api/whoami')
      .then((w) => {
        setReadsNeedToken(!w.anonymousRead);
        setWho(w);
        setAuthError('');
      })
      .catch((e: Error) => {
        // Only a refused token is dropped. Any failure used to drop it, so a server restarting, busy or
        // rate-limiting for a moment signed the analyst out, who had to paste the token again.
        const refused = e instanceof ApiFailure && e.status === 401;
        if (refused && getToken()) {
          setToken('');
          setSession((n) => n + 1);
        }
        setAuthError(refused || !getToken() ? e.message : `could not check the API token: ${e.message}`);
        setAuthPassing(!refused && Boolean(getToken()));
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
  // The token in use, by number: bumped when it is set, cleared or refused, never when whoami first answers
  // for the token the tab already held (keyed by the answer, every page opened by a signed-in analyst was
  // loaded twice, and what was typed or focused in it meanwhile was lost).
  const identity = session;
  let page;
  if (route.page === 'corpus') page = <CorpusPage key={identity} route={route} />;
  else if (route.page === 'doc' && route.arg) {
    const id = documentId(route.arg);
    page = id ? <DocumentPage key={identity} id={id} canAct={canAct} /> : <BadAddress what={`document "${isolate(route.arg)}"`} why="a document's address ends in its id, 8 to 64 hex digits (0-9, a-f)" />;
  }
  else if (route.page === 'narratives') page = <NarrativesPage key={identity} route={route} />;
  else if (route.page === 'clusters') page = <ClustersPage key={identity} />;
  else if (route.page === 'cluster' && route.arg) {
    const id = clusterId(route.arg);
    page = id ? <ClusterPage key={identity} id={String(id)} /> : <BadAddress what={`cluster "${isolate(route.arg)}"`} why="a cluster's address ends in its number" />;
  }
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
          {authError && (
            <span class="error-inline">
              {authError}
              {authPassing && (
                <>
                  {' '}
                  <button class="link" onClick={refresh}>
                    check again
                  </button>
                </>
              )}
            </span>
          )}
          <TokenBox
            who={who}
            onChange={() => {
              setSession((n) => n + 1);
              refresh();
            }}
          />
        </div>
      </header>
      {page}
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
