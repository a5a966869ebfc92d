import { basename, extname } from 'node:path';

/** A fallback title from a file name ("myths-and-facts.txt" → "myths-and-facts"); none for URLs or stdin. */
export function titleFromPath(uri: string | undefined): { title?: string } {
  if (!uri || /^[a-z][a-z0-9+.-]*:\/\//iu.test(uri)) return {};
  const name = basename(uri, extname(uri));
  return name ? { title: name } : {};
}
