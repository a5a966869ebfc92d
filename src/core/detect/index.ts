export * from './types.js';
export * from './registry.js';
export * from './shared-cache.js';
export * from './validate-signal.js';
