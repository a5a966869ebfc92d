export * from './markers.js';
export * from './run-detector.js';
export * from './detector-tester.js';
