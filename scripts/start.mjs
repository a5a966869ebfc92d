// `npm start`: builds dist/ and web/dist/ when they are missing or older than the sources, then runs
// `narrascope serve` (which ingests examples/ into an empty store). Extra arguments go to serve:
// `npm start -- --port 9000`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const stale = builtAt(join(root, 'dist', 'cli', 'bin.js')) < newest(join(root, 'src')) || builtAt(join(root, 'web', 'dist', 'index.html')) < newest(join(root, 'web', 'src'));
if (stale) {
  process.stderr.write('Building dist/ and web/dist/ ...\n');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
}
const child = spawn(process.execPath, [join(root, 'bin', 'narrascope.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
