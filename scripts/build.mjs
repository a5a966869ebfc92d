// Builds dist/ from src/: compiles TypeScript, then copies data files (model artefacts) that tsc does not emit.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let tscBin;
try {
  tscBin = require.resolve('typescript/bin/tsc');
} catch {
  // Installed with --omit=dev from a published package: dist/ ships prebuilt.
  process.exit(0);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tscBin, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const assetPattern = /\.(json|bin|txt|tsv)$/u;
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (assetPattern.test(name)) {
      const target = join(root, 'dist', relative(join(root, 'src'), path));
      if (!existsSync(target)) cpSync(path, target);
    }
  }
}
copyAssets(join(root, 'src'));

// The web app (web/ → web/dist), served by `narrascope serve`; skipped when Vite is not installed.
let viteBin;
try {
  // vite's package exports do not expose bin/: resolve its package.json and walk from there.
  viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
} catch {
  viteBin = null;
}
if (viteBin)
  execFileSync(process.execPath, [viteBin, 'build', join(root, 'web'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: root,
    // Always the production bundle: under an inherited NODE_ENV=test or development Vite would build the
    // development JSX runtime, with this machine's source paths in it.
    env: { ...process.env, NODE_ENV: 'production' },
  });
