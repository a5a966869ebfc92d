import type { DataValue } from './types.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/gu;

/**
 * Each template split once into its literal pieces and placeholder names, alternating (`split` with the
 * capturing pattern: literal, name, literal, ..., literal). A document renders hundreds of messages from a
 * few dozen templates; a `replace` with a callback per message was a noticeable share of the pipeline.
 */
const parts = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let p = parts.get(template);
  if (!p) {
    p = template.split(PLACEHOLDER);
    // Templates come from detector metadata (a bounded set); the cap only guards against generated ones.
    if (parts.size < 10_000) parts.set(template, p);
  }
  return p;
}

/**
 * Renders a message template: `{{name}}` is replaced by `data.name`. A placeholder without data is an
 * error in the detector, reported by the kernel rather than printed as a hole in the message.
 */
export function renderMessage(template: string, data: Readonly<Record<string, DataValue>>): string {
  const p = partsOf(template);
  if (p.length === 1) return template;
  let out = p[0] as string;
  for (let i = 1; i < p.length; i += 2) {
    const name = p[i] as string;
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no value in the signal's data`);
    out += String(data[name]) + (p[i + 1] as string);
  }
  return out;
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}
