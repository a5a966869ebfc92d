/**
 * Lone UTF-16 surrogates in a JSON body (`"\ud800"`, which JSON allows and no UTF-8 can encode) become
 * U+FFFD, one unit for one, before the body is validated or used. They were analysed and stored as they
 * came, and each store then made its own text of them: SQLite kept three U+FFFD for one (the stored text
 * two units longer than the analysed one, so every span after it pointed at the wrong words), PostgreSQL one
 * U+FFFD (the text no longer equal to the findings' quotes, so dismissing such a finding was refused as a
 * span mismatch), and a token's name came back other than the answer to its creation had said. The CLI's
 * readers already do the same (src/ingest/title.ts `wellFormed`).
 */
import { wellFormed } from '../ingest/title.js';

/** `body` with every string in it (values and keys, at any depth) made well-formed, changed in place. */
export function wellFormedBody(body: unknown): unknown {
  if (typeof body === 'string') return wellFormed(body);
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return body;
  // An explicit stack: a 2 MiB body can nest far deeper than the call stack reaches.
  const stack: object[] = [body];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (typeof v === 'string') node[i] = wellFormed(v);
        else if (typeof v === 'object' && v !== null) stack.push(v);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      const k = wellFormed(key);
      if (k !== key) {
        delete record[key];
        record[k] = v;
      }
      if (typeof v === 'string') record[k] = wellFormed(v);
      else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return body;
}
