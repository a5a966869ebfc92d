/** Hash routing (#/analyse, #/doc/<id> ...): links can be shared and the server needs no route per page. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  readonly page: string;
  readonly arg: string | null;
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/u, '').split('?');
  const [page = 'analyse', arg = null] = path.split('/').filter(Boolean);
  return { page: page || 'analyse', arg: arg ? decodeSegment(arg) : null, params: new URLSearchParams(query) };
}

/** A percent-decoded path segment; a malformed one (`%zz`, in a shared link) is kept as typed, not thrown. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(page: string, arg?: string | null, params?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  const qs = q.toString();
  return `#/${page}${arg ? `/${encodeURIComponent(arg)}` : ''}${qs ? `?${qs}` : ''}`;
}

