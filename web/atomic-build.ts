/**
 * A Vite plugin that makes `vite build` of the web app all or nothing. Vite empties web/dist and then writes
 * the new build into it file by file, so a build that failed or was stopped (Ctrl-C, a killed CI job) left
 * a half-written web/dist, and `narrascope serve`, which reads web/dist at start, served it: a page without
 * its script, or a script without its styles. Now the build is written into a folder beside web/dist
 * (`.dist-build-<pid>`) that replaces web/dist by renaming only once every file is written; a failed
 * build removes its folder and leaves web/dist as it was, and the folder of a stopped one is removed by
 * the next build. A build given another `--outDir` (the browser tests' own, test/e2e/browser.ts) is made
 * the same way, beside that folder.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const BUILDING = '.dist-build-';
const REPLACED = '.dist-old-';

/** Whether a process with this id is running (a build folder of one that is not was left by a stopped build). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the build folders beside `outDir` that stopped builds left (their process is gone). */
export function removeStaleBuilds(parent: string): string[] {
  const removed: string[] = [];
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const m = new RegExp(`^(?:${BUILDING}|${REPLACED})(\\d+)$`, 'u').exec(name);
    if (m && Number(m[1]) !== process.pid && !running(Number(m[1]))) {
      rmSync(join(parent, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Puts the finished build `built` in place of `outDir`: the old one is moved aside, the new one renamed in,
 * the old one removed. Another build that put its own in place meanwhile (the browser tests build too) is
 * moved aside in turn.
 */
export function replaceDir(built: string, outDir: string): void {
  if (!existsSync(built)) throw new Error(`the build wrote nothing into ${built}; ${outDir} is left as it was`);
  const old = join(dirname(outDir), `${REPLACED}${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  for (let attempt = 0; ; attempt++) {
    if (existsSync(outDir)) renameSync(outDir, old);
    try {
      renameSync(built, outDir);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw e;
      rmSync(old, { recursive: true, force: true });
    }
  }
  rmSync(old, { recursive: true, force: true });
}

export function atomicBuild(): Plugin {
  let outDir = '';
  let building = '';
  // Set once the bundle is on disk: a failed build also ends in closeBundle, and Vite does not always say
  // why (a syntax error in a module reaches it without the error).
  let written = false;
  return {
    name: 'narrascope-atomic-build',
    apply: 'build',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      outDir = resolve(root, config.build?.outDir ?? 'dist');
      building = join(dirname(outDir), `${BUILDING}${process.pid}`);
      return { build: { outDir: building, emptyOutDir: true } };
    },
    configResolved(resolved) {
      // Given another --outDir on the command line, build there as asked, in place.
      if (resolve(resolved.build.outDir) !== building) building = '';
    },
    buildStart() {
      written = false;
      if (building) removeStaleBuilds(dirname(outDir));
    },
    writeBundle() {
      written = true;
    },
    closeBundle(error?: Error) {
      if (!building) return;
      if (error || !written) rmSync(building, { recursive: true, force: true });
      else replaceDir(building, outDir);
    },
  };
}
