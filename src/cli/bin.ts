import { main } from './main.js';

// Entry used by bin/narrascope.js. Output is flushed before exiting so that piped output is never cut.
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env });
process.exitCode = code;
