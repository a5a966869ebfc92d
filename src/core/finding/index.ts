export * from './types.js';
export * from './message.js';
export * from './post-process.js';
