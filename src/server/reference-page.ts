/**
 * The API reference page: static HTML generated from the OpenAPI document on the server, with every value
 * escaped. No script at all, so it works under the strict CSP; its stylesheet is served beside it.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

interface Op {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  'x-narrascope-access'?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export const REFERENCE_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1b1b1f}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-bottom:.2rem}
code,pre{font:13px/1.4 ui-monospace,monospace;background:#f3f3f6;border-radius:4px}pre{padding:.6rem;overflow:auto}
.m{display:inline-block;min-width:4.2rem;font-weight:700}.get{color:#0b6e3a}.post{color:#0a4fa6}.delete{color:#a11}.put,.patch{color:#8a5a00}
.acc{font-size:.8rem;color:#555;border:1px solid #bbb;border-radius:3px;padding:0 .3rem;margin-left:.5rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}`;

export function renderReference(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Op>>;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}${p.required ? ', required' : ''}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td><td>${escapeHtml(p.description ?? '')}</td></tr>`)
        .join('');
      const body = op.requestBody
        ? Object.entries(op.requestBody.content)
            .map(([t, c]) => `<p>Body (<code>${escapeHtml(t)}</code>):</p><pre>${escapeHtml(JSON.stringify(c.schema, null, 2))}</pre>`)
            .join('')
        : '';
      const responses = Object.entries(op.responses ?? {})
        .map(([s, r]) => `<tr><td>${escapeHtml(s)}</td><td>${escapeHtml(r.description ?? '')}</td></tr>`)
        .join('');
      const html = `<section id="${escapeHtml(op.operationId ?? '')}"><h3><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span><code>${escapeHtml(path)}</code><span class="acc">${escapeHtml(op['x-narrascope-access'] ?? '')}</span></h3>
<p>${escapeHtml(op.summary ?? '')}${op.description ? ` — ${escapeHtml(op.description)}` : ''}</p>
${params ? `<table><tr><th>parameter</th><th>in</th><th>schema</th><th></th></tr>${params}</table>` : ''}${body}
<table><tr><th>status</th><th>meaning</th></tr>${responses}</table></section>`;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('\n')}`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info.title)} ${escapeHtml(info.version)}</title><link rel="stylesheet" href="/api/reference.css"></head><body>
<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1><p>${escapeHtml(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Access levels: <code>public</code>, <code>read</code> (viewer, or anonymous when the server allows it), <code>analyst</code>, <code>admin</code>; send tokens as <code>Authorization: Bearer nsc_…</code>.</p>
<nav>${[...byTag.keys()].map((t) => `<a href="#tag-${escapeHtml(t)}">${escapeHtml(t)}</a>`).join(' · ')}</nav>
${sections}</body></html>`;
}
