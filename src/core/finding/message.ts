import type { DataValue } from './types.js';

/**
 * Renders a message template: `{{name}}` is replaced by `data.name`. A placeholder without data is an
 * error in the detector, reported by the kernel rather than printed as a hole in the message.
 */
export function renderMessage(template: string, data: Readonly<Record<string, DataValue>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_all, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no value in the signal's data`);
    return String(data[name]);
  });
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1] as string);
}
