import { defineConfig } from 'vite';
import { atomicBuild } from './atomic-build.js';

// Preact through Vite's built-in JSX transform: no framework plugin needed. The output has no inline
// script (the server's CSP forbids them), so the module-preload polyfill is off. The build replaces dist/
// only once it is complete (atomic-build.ts).
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [atomicBuild()],
  build: { outDir: 'dist', emptyOutDir: true, modulePreload: { polyfill: false }, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:8400' } },
});
