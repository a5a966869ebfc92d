import type { StixObject, StixValue } from './types.js';

/**
 * STIX 2.1 has no null and forbids empty lists ("MUST NOT be used as a substitute for omitting the
 * property"): an optional property without a value is left out. This drops such properties from an
 * object, also inside nested dictionaries (extensions), so that a claim without a speaker or a narrative
 * without paragraph evidence is written without those properties rather than with `null` or `[]`.
 */
export function withoutEmptyValues(object: StixObject): StixObject {
  return compactDictionary(object) as StixObject;
}

function compactDictionary(dict: Readonly<Record<string, StixValue | undefined>>): Record<string, StixValue> {
  const out: Record<string, StixValue> = {};
  for (const [key, value] of Object.entries(dict)) {
    const kept = compactValue(value);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

function compactValue(value: StixValue | undefined): StixValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(compactValue).filter((v): v is StixValue => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') return compactDictionary(value);
  return value;
}

/** Paths of the null values and empty lists of an object (what STIX does not allow). */
export function emptyValuePaths(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) {
    if (value.length === 0) return [path];
    return value.flatMap((v, i) => emptyValuePaths(v, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== undefined)
    return Object.entries(value).flatMap(([k, v]) => emptyValuePaths(v, path ? `${path}.${k}` : k));
  return [];
}
