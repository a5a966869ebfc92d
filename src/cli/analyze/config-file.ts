import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CONFIG_KEYS,
  configShapeProblems,
  isPlainObject,
  unknownKeyProblems,
} from '../../core/config/check-config.js';
import type { NarrascopeConfig } from '../../core/config/config.js';
import { UserError } from '../errors.js';

/**
 * Loads a JSON config file (a NarrascopeConfig) and checks its shape: unknown keys, wrong types and values
 * out of range are refused with the key named, all of them at once. Detector ids, presets and option
 * values are checked later, against the registry, by resolveConfig.
 */
export async function loadConfigFile(path: string, cwd: string): Promise<NarrascopeConfig> {
  const full = resolve(cwd, path);
  let raw: string;
  try {
    raw = await readFile(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `config file ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      'Pass the path of a JSON file with --config.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\ufeff/u, ''));
  } catch (e) {
    throw new UserError(
      `config file ${path} is not valid JSON: ${(e as Error).message}`,
      'The config file is JSON; see docs/cli.md ("Config file") for an example.',
    );
  }
  const problems = checkConfig(value);
  if (problems.length > 0) {
    throw new UserError(
      `config file ${path} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'See docs/cli.md ("Config file") for the keys and their types.',
    );
  }
  return value as NarrascopeConfig;
}

/**
 * One line per problem; empty when the value has the NarrascopeConfig shape. The checks and their wording
 * are the library's own (createAnalyzer gives the same lines): a second copy here had drifted, and let a
 * timeoutMs above what Node's timers keep through to a later error with an unrelated hint.
 */
export function checkConfig(value: unknown): string[] {
  if (!isPlainObject(value)) return configShapeProblems(value);
  return [...unknownKeyProblems(value, CONFIG_KEYS), ...configShapeProblems(value)];
}
