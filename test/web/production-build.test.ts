/**
 * The web app that the browser tests build and `npm start` then serves is the production bundle: built
 * under vitest (NODE_ENV=test) Vite used to emit the development JSX runtime, with debug data and this
 * machine's absolute source paths in the served script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWebBuild, ROOT, WEB_DIST } from '../e2e/browser.js';

describe('web/dist', () => {
  it('is a production build without source paths', () => {
    ensureWebBuild();
    const scripts = readdirSync(join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      const js = readFileSync(join(WEB_DIST, 'assets', f), 'utf8');
      // Booleans, so that a failure names the file instead of printing a whole bundle.
      expect(js.includes(join(ROOT, 'web', 'src')), `${f} holds source paths`).toBe(false);
      expect(/lineNumber:\s*\d/u.test(js), `${f} holds JSX debug data`).toBe(false);
    }
  }, 120_000);
});
