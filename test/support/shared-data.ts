import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Location of the team's shared data (`../shared/data` beside the checkout, or NARRASCOPE_SHARED_DATA).
 * A user's fresh clone has none: tests that need it skip with a one-line notice (see `sharedDataOrSkip`).
 */
export function sharedDataDir(): string | null {
  const fromEnv = process.env.NARRASCOPE_SHARED_DATA;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const candidate = join(root, '..', 'shared', 'data');
  return existsSync(candidate) ? candidate : null;
}

export function sharedPath(...parts: string[]): string | null {
  const dir = sharedDataDir();
  if (!dir) return null;
  const p = join(dir, ...parts);
  return existsSync(p) ? p : null;
}

const noticed = new Set<string>();
/** Returns the path, or null after printing a one-line notice once per dataset. Use with `describe.skipIf`. */
export function sharedDataOrSkip(...parts: string[]): string | null {
  const p = sharedPath(...parts);
  const key = parts.join('/');
  if (!p && !noticed.has(key)) {
    noticed.add(key);
    console.warn(`[skip] ../shared/data/${key} not found: tests that need it are skipped (they run in CI).`);
  }
  return p;
}

/** The reference op-ed, or null when ../shared is absent. */
export function seedDocumentPath(): string | null {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const p = join(root, '..', 'shared', 'seeds', '000_0c6a8fd1903f0654.txt');
  return existsSync(p) ? p : null;
}
