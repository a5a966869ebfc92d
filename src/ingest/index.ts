/** Readers: bytes from files, directories, stdin and URLs → Documents. See types.ts for the reader contract. */
export * from './types.js';
export * from './decode.js';
export * from './limits.js';
export * from './readers.js';
export * from './read-input.js';
export { TextBuilder } from './text-builder.js';
export { htmlReader, htmlToText, type HtmlText } from './html.js';
export { markdownReader, markdownToText } from './markdown.js';
export { textReader } from './text.js';
export { fetchUrl, isUrl, ACCEPTED_MEDIA_TYPES, type FetchOptions, type Fetched } from './url-source.js';
