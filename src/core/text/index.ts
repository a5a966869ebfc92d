export * from './span.js';
export * from './code-points.js';
export * from './line-index.js';
export * from './source-map.js';
export * from './normalise.js';
export * from './document.js';
