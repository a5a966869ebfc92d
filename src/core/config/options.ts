/**
 * Detector and aggregator options are described as data so that the CLI, the docs and the validator
 * read one definition. Deliberately small: numbers, booleans, strings, string lists, with bounds.
 */
export type OptionValue = number | boolean | string | readonly string[];

export interface OptionSpec {
  readonly type: 'number' | 'boolean' | 'string' | 'string[]';
  readonly default: OptionValue;
  readonly description: string;
  readonly min?: number;
  readonly max?: number;
  readonly enum?: readonly string[];
}

export type OptionsSchema = Readonly<Record<string, OptionSpec>>;
export type OptionValues = Readonly<Record<string, OptionValue>>;

export class OptionsError extends Error {
  constructor(
    readonly owner: string,
    message: string,
  ) {
    super(`${owner}: ${message}`);
    this.name = 'OptionsError';
  }
}

/** Fills defaults and checks types, bounds and unknown names; throws OptionsError with a precise reason. */
export function resolveOptions(
  owner: string,
  schema: OptionsSchema | undefined,
  given: Readonly<Record<string, unknown>> = {},
): OptionValues {
  const spec = schema ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in spec)) {
      const known = Object.keys(spec);
      throw new OptionsError(
        owner,
        `unknown option "${name}"; known options: ${known.length ? known.join(', ') : '(none)'}`,
      );
    }
  }
  const out: Record<string, OptionValue> = {};
  for (const [name, s] of Object.entries(spec)) {
    const value = name in given ? given[name] : s.default;
    out[name] = checkValue(owner, name, s, value);
  }
  return out;
}

function checkValue(owner: string, name: string, s: OptionSpec, value: unknown): OptionValue {
  const fail = (why: string): never => {
    throw new OptionsError(owner, `option "${name}" ${why} (got ${JSON.stringify(value)})`);
  };
  switch (s.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('must be a finite number');
      if (s.min !== undefined && value < s.min) return fail(`must be at least ${s.min}`);
      if (s.max !== undefined && value > s.max) return fail(`must be at most ${s.max}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return fail('must be true or false');
      return value;
    case 'string':
      if (typeof value !== 'string') return fail('must be a string');
      if (s.enum && !s.enum.includes(value)) return fail(`must be one of ${s.enum.join(', ')}`);
      return value;
    case 'string[]':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return fail('must be a list of strings');
      // A copy: the caller's array, changed after the analyzer was made, changed its analyses (and not its hash).
      return Object.freeze([...(value as string[])]);
  }
}
