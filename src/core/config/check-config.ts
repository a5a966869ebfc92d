/**
 * Shape checks for a NarrascopeConfig given by a caller that TypeScript does not guard: plain JavaScript,
 * a parsed JSON file, a spread of user input. Without them a wrong type crashed deep inside resolveConfig
 * with an internal TypeError (`pattern.endsWith is not a function`), or was taken as it came: a string
 * `minConfidence` compared as text, a `timeoutMs` above 2^31 - 1 ms fired every timer at once.
 */

/** The keys of NarrascopeConfig. */
export const CONFIG_KEYS = [
  'preset',
  'detectors',
  'rules',
  'aggregators',
  'minConfidence',
  'timeoutMs',
] as const;

/** The longest delay Node's timers keep; a longer one fires at once (with only a process warning). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, bounded rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * One line per problem with the types of the NarrascopeConfig keys; empty when they are right. Keys that
 * are absent or `undefined` are fine. Other keys are not looked at: the Analyzer's options carry more,
 * and it checks for unknown keys itself (`unknownKeyProblems`).
 */
export function configShapeProblems(config: unknown): string[] {
  if (!isPlainObject(config)) return [`the configuration must be an object, got ${describeValue(config)}`];
  const problems: string[] = [];
  const { preset, detectors, minConfidence, timeoutMs } = config;
  if (preset !== undefined && typeof preset !== 'string')
    problems.push(`preset must be a string, got ${describeValue(preset)}`);
  if (
    detectors !== undefined &&
    !(Array.isArray(detectors) && detectors.every((d) => typeof d === 'string'))
  ) {
    problems.push(
      `detectors must be a list of detector ids or "family/*" patterns, got ${describeValue(detectors)}`,
    );
  }
  for (const [key, allowOn] of [
    ['rules', true],
    ['aggregators', false],
  ] as const) {
    const section = config[key];
    if (section === undefined) continue;
    const allowed = allowOn ? '"off", "on" or an options object' : '"off" or an options object';
    if (!isPlainObject(section)) {
      problems.push(`${key} must be an object mapping ids to ${allowed}, got ${describeValue(section)}`);
      continue;
    }
    for (const [id, setting] of Object.entries(section)) {
      if (!(setting === 'off' || (allowOn && setting === 'on') || isPlainObject(setting))) {
        problems.push(`${key}["${id}"] must be ${allowed}, got ${describeValue(setting)}`);
      }
    }
  }
  // The wording of these two is older than this file (tests and scripts match on it).
  if (
    minConfidence !== undefined &&
    !(typeof minConfidence === 'number' && minConfidence >= 0 && minConfidence <= 1)
  ) {
    problems.push(`minConfidence must be in [0, 1], got ${describeValue(minConfidence)}`);
  }
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)
  ) {
    problems.push(
      `timeoutMs must be a number of milliseconds above 0 and at most ${MAX_TIMEOUT_MS}, got ${describeValue(timeoutMs)}`,
    );
  }
  return problems;
}

/** One line per key of `value` that is not in `known` (keys starting with `$`, as `$schema`, are let through). */
export function unknownKeyProblems(value: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(value)
    .filter((key) => !key.startsWith('$') && !known.includes(key))
    .map((key) => `unknown option "${key}"; known options: ${known.join(', ')}`);
}
