export * from './types.js';
export * from './segment.js';
export { looksLikeTitle } from './blocks.js';
export { normalForm, tokenKind } from './token-kind.js';
