import { installCrashHandler } from './crash-handler.js';
import { main } from './main.js';

installCrashHandler(process);

// A closed pipe (`narrascope predict ... | head`) is the reader's choice, not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// Entry used by bin/narrascope.js. The exit code is set rather than forced so piped output is flushed first.
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
