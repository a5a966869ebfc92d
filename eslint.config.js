import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The kernel stays pure (DESIGN.md §2): no file system, network, database or environment.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:fs*', 'node:net', 'node:http*', 'node:child_process', 'fs', 'http', 'https', '../../cli/*', '../../store/*', '../../server/*', '../../ingest/*', '../../corpus/*', '../../detectors/*', '../../aggregators/*'] }],
      'no-restricted-globals': ['error', 'process', 'fetch'],
    },
  },
  {
    files: ['src/detectors/**/*.ts', 'src/aggregators/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/cli/*', '**/store/*', '**/server/*', '**/ingest/*', '**/corpus/*', 'node:fs*', 'fs'] }],
    },
  },
  {
    // Detectors and aggregators import only core and models, not each other (tests may use both).
    files: ['src/detectors/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/detectors/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/cli/*', '**/store/*', '**/server/*', '**/ingest/*', '**/corpus/*', '**/aggregators/*', 'node:fs*', 'fs'] }],
    },
  },
  {
    files: ['src/aggregators/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/aggregators/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/cli/*', '**/store/*', '**/server/*', '**/ingest/*', '**/corpus/*', '**/detectors/*', 'node:fs*', 'fs'] }],
    },
  },
);
