#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('narrascope: dist/ is missing. Run `npm ci` (or `npm run build`) in the project folder first.\n');
  process.exit(1);
}
await import(compiled.href);
