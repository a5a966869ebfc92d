/**
 * Serves the built web app (web/dist) from memory: files are read once at start, so a request path is only
 * ever a key into a map and can never name a file outside the folder. Unknown non-API paths get index.html
 * (the app routes on the client). Without a build, `/` explains how to make one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { ServerContext } from '../context.js';
import { replyMethodNotAllowed } from '../method-not-allowed.js';
import { escapeHtml } from '../reference-page.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

export function loadAssets(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile() && TYPES[extname(name)]) assets.set('/' + relative(root, path).split(sep).join('/'), { body: readFileSync(path), type: TYPES[extname(name)] as string });
    }
  };
  walk(root);
  return assets;
}

export function registerWebApp(ctx: ServerContext, webRoot: string | null): void {
  const assets = webRoot && existsSync(join(webRoot, 'index.html')) ? loadAssets(webRoot) : null;
  const index = assets?.get('/index.html') ?? null;
  ctx.app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      if (replyMethodNotAllowed(ctx.table, request, reply)) return reply;
      return reply.status(404).send({ error: { code: 'not-found', message: `no route for ${request.method} ${path.slice(0, 200)}`, hint: 'See /api/openapi.json for the routes.' } });
    }
    const asset = assets?.get(path);
    if (asset) {
      // Vite puts a content hash in asset names, so they can be cached for long.
      const immutable = path.startsWith('/assets/');
      return reply.type(asset.type).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').send(asset.body);
    }
    if (extname(path) && path !== '/') {
      return reply.status(404).send({ error: { code: 'not-found', message: `no file ${escapeHtml(path.slice(0, 200))}` } });
    }
    if (index) return reply.type(index.type).header('cache-control', 'no-cache').send(index.body);
    return reply
      .type('text/html; charset=utf-8')
      .send('<!doctype html><meta charset="utf-8"><title>Narrascope</title><p>The web app is not built. Run <code>npm run build</code> (it builds <code>web/dist</code>), then restart. The API is at <a href="/api/reference">/api/reference</a>.</p>');
  });
}
