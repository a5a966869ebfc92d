/**
 * `vite build` of the web app replaces its output folder only once the build is complete (web/atomic-build.ts):
 * Vite emptied web/dist first and then wrote into it, so a build that failed or was stopped left a
 * half-written web/dist that `narrascope serve` then served. Built here with the app's own Vite config over a
 * tiny page in a temporary folder, so that a failing build needs no broken file in the shared tree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleBuilds, replaceDir } from '../../web/atomic-build.js';
import { ROOT } from '../e2e/browser.js';

const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A page to build, with an old build in dist/ (dist/old.txt). */
function site(script: string): string {
  const root = mkdtempSync(join(tmpdir(), 'narrascope-atomic-build-'));
  dirs.push(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><script type="module" src="./main.js"></script></head><body></body></html>');
  writeFileSync(join(root, 'main.js'), script);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'old.txt'), 'the previous build');
  return root;
}

/** Builds `root` with the web app's Vite config; the exit status. */
function build(root: string): number {
  try {
    execFileSync(process.execPath, [vite, 'build', root, '--config', join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'silent'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    return 0;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

describe('the web build', () => {
  it('replaces dist/ with a complete build, and removes the folders stopped builds left', () => {
    const root = site('document.title = "built";');
    // A build stopped by a signal (Ctrl-C, a killed job) leaves its folder; no process has this id.
    mkdirSync(join(root, '.dist-build-999999999'));
    writeFileSync(join(root, '.dist-build-999999999', 'index.html'), 'half');
    expect(build(root)).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['dist', 'index.html', 'main.js']);
    expect(existsSync(join(root, 'dist', 'old.txt'))).toBe(false);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toContain('/assets/');
    expect(readdirSync(join(root, 'dist', 'assets')).some((f) => f.endsWith('.js'))).toBe(true);
  }, 60_000);

  it('leaves dist/ as it was when the build fails while writing', () => {
    const root = site('document.title = "built";');
    // A file public/assets is copied into the output first; the bundle's assets/ folder then cannot be made.
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public', 'assets'), 'in the way');
    expect(build(root)).not.toBe(0);
    // Before: dist/ was emptied and held only the copied public/assets file, which the server then served.
    expect(readdirSync(root).sort()).toEqual(['dist', 'index.html', 'main.js', 'public']);
    expect(readdirSync(join(root, 'dist'))).toEqual(['old.txt']);
  }, 60_000);

  it('swaps folders, and never moves the old one aside for a build that is not there', () => {
    const root = mkdtempSync(join(tmpdir(), 'narrascope-atomic-build-'));
    dirs.push(root);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'old.txt'), 'old');
    expect(() => replaceDir(join(root, 'missing'), join(root, 'dist'))).toThrow(/left as it was/u);
    expect(readdirSync(join(root, 'dist'))).toEqual(['old.txt']);
    mkdirSync(join(root, 'new'));
    writeFileSync(join(root, 'new', 'index.html'), 'new');
    replaceDir(join(root, 'new'), join(root, 'dist'));
    expect(readdirSync(root)).toEqual(['dist']);
    expect(readdirSync(join(root, 'dist'))).toEqual(['index.html']);
    // A running build's folder (this process's) is kept.
    mkdirSync(join(root, `.dist-build-${process.pid}`));
    expect(removeStaleBuilds(root)).toEqual([]);
  });
});
