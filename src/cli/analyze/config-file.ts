import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NarrascopeConfig } from '../../core/config/config.js';
import { UserError } from '../errors.js';

const KEYS = ['preset', 'detectors', 'rules', 'aggregators', 'minConfidence', 'timeoutMs'] as const;

/**
 * Loads a JSON config file (a NarrascopeConfig) and checks its shape: unknown keys and wrong types are
 * refused with the key path named. Detector ids, presets and option values are checked later, against the
 * registry, by resolveConfig.
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

/** Returns one line per problem; empty when the value has the NarrascopeConfig shape. */
export function checkConfig(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['the file must contain a JSON object'];
  for (const key of Object.keys(value)) {
    if (key.startsWith('$')) continue; // $schema, $comment ...
    if (!(KEYS as readonly string[]).includes(key))
      problems.push(`unknown key "${key}" (known keys: ${KEYS.join(', ')})`);
  }
  if (value.preset !== undefined && typeof value.preset !== 'string')
    problems.push('"preset" must be a string');
  if (
    value.detectors !== undefined &&
    !(Array.isArray(value.detectors) && value.detectors.every((d) => typeof d === 'string'))
  ) {
    problems.push('"detectors" must be a list of detector ids or "family/*" patterns');
  }
  for (const [key, allowOn] of [
    ['rules', true],
    ['aggregators', false],
  ] as const) {
    const section = value[key];
    if (section === undefined) continue;
    if (!isObject(section)) {
      problems.push(
        `"${key}" must be an object mapping ids to ${allowOn ? '"off", "on" or' : '"off" or'} an options object`,
      );
      continue;
    }
    for (const [id, setting] of Object.entries(section)) {
      const ok = setting === 'off' || (allowOn && setting === 'on') || isObject(setting);
      if (!ok)
        problems.push(
          `"${key}.${id}" must be ${allowOn ? '"off", "on" or' : '"off" or'} an options object, got ${JSON.stringify(setting)}`,
        );
    }
  }
  if (
    value.minConfidence !== undefined &&
    !(typeof value.minConfidence === 'number' && value.minConfidence >= 0 && value.minConfidence <= 1)
  ) {
    problems.push('"minConfidence" must be a number from 0 to 1');
  }
  if (
    value.timeoutMs !== undefined &&
    !(typeof value.timeoutMs === 'number' && Number.isFinite(value.timeoutMs) && value.timeoutMs > 0)
  ) {
    problems.push('"timeoutMs" must be a positive number of milliseconds');
  }
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
