// `npm start`: builds dist/ and web/dist/ when they are missing or older than the sources, then runs
// `narrascope serve` (which ingests examples/ into an empty store). Extra arguments go to serve:
// `npm start -- --port 9000`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** The value of `--name V` or `--name=V` among serve's arguments (the last one given wins, as in serve). */
function optionValue(args, name) {
  let value;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) value = args[i + 1];
    else if (args[i].startsWith(`--${name}=`)) value = args[i].slice(name.length + 3);
  }
  return value;
}

/** Whether something already listens on port:host (false for any other failure: serve reports those). */
function portInUse(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (e) => resolve(e.code === 'EADDRINUSE'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/**
 * Written into dist/ once a build started here has finished (build.mjs empties dist/ first, so a build that
 * failed or was stopped leaves none). dist/cli/bin.js alone said a build was fresh: tsc writes it even when
 * the build then fails (a type error) or is stopped (Ctrl-C) before the model files are copied, and the next
 * start served that dist/ without them.
 */
const BUILD_MARK = join('dist', '.build-complete');

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** Whether dist/ or web/dist/ under `dir` is missing, unfinished or older than its sources. */
export function needsBuild(dir) {
  return (
    builtAt(join(dir, BUILD_MARK)) < newest(join(dir, 'src')) ||
    builtAt(join(dir, 'web', 'dist', 'index.html')) < newest(join(dir, 'web', 'src'))
  );
}

/**
 * The port and address serve will listen on, to see whether they are free first; null when there is
 * nothing to probe: serve picks a free port (0), the value is not a port (serve says so), or serve is only
 * asked for its help (`npm start -- --help` printed "port in use" while another server ran).
 */
export function probeTarget(args) {
  if (args.includes('--help') || args.includes('-h')) return null;
  const port = Number(optionValue(args, 'port') ?? 8400);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return null;
  return { port, host: optionValue(args, 'host') ?? '127.0.0.1' };
}

async function main() {
  // A port already in use is said before anything else happens. serve checks it only after building,
  // opening the store and ingesting the examples, and on a new store it has then made the first admin token
  // without showing it (it is shown once the server listens): the next start, on a free port, had no admin
  // token to show either. Exit 2, serve's code for the same failure (src/cli/exit-codes.ts: usage).
  const args = process.argv.slice(2);
  const target = probeTarget(args);
  if (target && (await portInUse(target.port, target.host))) {
    process.stderr.write(
      `npm start: port ${target.port} on ${target.host} is already in use (another narrascope serve, or another program)\n` +
        '  Pick another with `npm start -- --port 9000`, or stop the other server.\n',
    );
    process.exit(2);
  }

  if (needsBuild(root)) {
    process.stderr.write('Building dist/ and web/dist/ ...\n');
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
    } catch {
      // The compiler has said why above; its command line and a stack trace of this script say nothing more.
      process.stderr.write(
        'npm start: the build failed (the errors are above); fix them, then run `npm start` again.\n',
      );
      process.exit(1);
    }
    writeFileSync(join(root, BUILD_MARK), `${new Date().toISOString()}\n`);
  }
  const child = spawn(process.execPath, [join(root, 'bin', 'narrascope.js'), 'serve', ...args], {
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
}

// Run when started (`npm start`), not when a test imports probeTarget. Node names this module by its real
// path: a checkout reached through a symbolic link would otherwise never start.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main();
