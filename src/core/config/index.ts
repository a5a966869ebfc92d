export * from './options.js';
export * from './config.js';
export { CONFIG_KEYS, MAX_TIMEOUT_MS, configShapeProblems } from './check-config.js';
