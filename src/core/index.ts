/** The pure kernel: no file system, database, network or environment access (DESIGN.md §2). */
export * from './text/index.js';
export * from './segment/index.js';
export * from './finding/index.js';
export * from './detect/index.js';
export * from './aggregate/index.js';
export * from './config/index.js';
export * from './result/index.js';
export * from './pipeline/index.js';
