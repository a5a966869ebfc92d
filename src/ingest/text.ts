/**
 * Plain text: the decoded text as it is. The kernel's normalisation (CRLF, BOM, controls) keeps its own
 * source map, so offsets lead back to the file.
 */
import type { Reader } from './types.js';
import { titleFromPath } from './title.js';

export const textReader: Reader = {
  name: 'text',
  description: 'plain text (UTF-8 or UTF-16 with a BOM)',
  extensions: ['.txt', '.text', ''],
  mediaTypes: ['text/plain'],
  *read(input) {
    yield {
      text: input.text,
      source: { kind: 'text', ...(input.uri ? { uri: input.uri } : {}), mediaType: 'text/plain' },
      ...titleFromPath(input.uri),
      ...(input.language ? { language: input.language } : {}),
      warnings: [...input.warnings],
    };
  },
};
