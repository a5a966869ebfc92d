import type { SharedCache } from './types.js';

export function createSharedCache(): SharedCache {
  const values = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (values.has(key)) return values.get(key) as T;
      const value = compute();
      values.set(key, value);
      return value;
    },
  };
}
