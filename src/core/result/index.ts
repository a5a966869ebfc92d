export * from './types.js';
export { withoutFindings } from './without-findings.js';
