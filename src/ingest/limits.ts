/** Default size limit of one input: large enough for any article or book chapter, small enough to fail fast. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

/** Parses "10MB", "512k", "2 MiB", "1000" (bytes) into a byte count; null when malformed. */
export function parseByteSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/iu.exec(value);
  if (!m) return null;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    (m[2] as string).toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  const n = Math.floor(Number(m[1]) * unit);
  return n > 0 ? n : null;
}
