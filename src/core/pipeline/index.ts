export * from './language.js';
export * from './timeout.js';
export * from './analyze.js';
