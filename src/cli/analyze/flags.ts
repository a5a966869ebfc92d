import type { NarrascopeConfig } from '../../core/config/config.js';
import { parseByteSize } from '../../ingest/limits.js';
import type { ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';

/** Reads the analysis flags shared by commands that analyse documents. */
export function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (Array.isArray(v)) return v.length > 0 ? String(v[v.length - 1]) : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function list(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  const raw = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return raw
    .flatMap((x) => String(x).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function numberFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = str(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UserError(`--${name} must be a number from ${min} to ${max}, got "${v}"`);
  return n;
}

export function byteFlag(args: ParsedArgs, name: string): number | undefined {
  const v = str(args, name);
  if (v === undefined) return undefined;
  const n = parseByteSize(v);
  if (n === null) throw new UserError(`--${name} must be a size such as 500000, 512KB or 20MB, got "${v}"`);
  return n;
}

/** `--rule id=off`, `--rule id=on`, `--rule 'id={"threshold":0.7}'`. */
export function parseRules(specs: readonly string[]): NonNullable<NarrascopeConfig['rules']> {
  const rules: Record<string, 'off' | 'on' | Record<string, unknown>> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const id = (eq < 0 ? spec : spec.slice(0, eq)).trim();
    const setting = eq < 0 ? 'on' : spec.slice(eq + 1).trim();
    if (!id)
      throw new UserError(
        `--rule "${spec}" names no detector`,
        'Write --rule ID=off, --rule ID=on or --rule \'ID={"option":value}\'.',
      );
    if (setting === 'off' || setting === 'on') rules[id] = setting;
    else {
      let options: unknown;
      try {
        options = JSON.parse(setting);
      } catch {
        options = undefined;
      }
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        throw new UserError(
          `--rule ${id}: "${setting}" is not off, on or a JSON object of options`,
          'Write --rule ID=off, --rule ID=on or --rule \'ID={"option":value}\'.',
        );
      }
      rules[id] = options as Record<string, unknown>;
    }
  }
  return rules;
}

const LANGUAGE = /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/u;

export function languageFlag(args: ParsedArgs): string | undefined {
  const v = str(args, 'language');
  if (v === undefined) return undefined;
  if (!LANGUAGE.test(v))
    throw new UserError(`--language must be a language code such as en, ru, uk or pt-BR, got "${v}"`);
  return v.toLowerCase();
}
