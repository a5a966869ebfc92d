import type { TokenKind } from './types.js';

const URL = /^(?:https?:\/\/|www\.)\S+$/iu;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/iu;
const NUMBER = /^[+-]?(?:\d[\d,.\u00a0']*\d|\d)(?:%|st|nd|rd|th|k|m|bn)?$/iu;
const PUNCT = /^[\p{P}]+$/u;
const SYMBOL = /^[\p{S}]+$/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const WORD = /[\p{L}\p{N}]/u;

/** Classifies a token by its surface, the same way for every language. */
export function tokenKind(text: string): TokenKind {
  if (URL.test(text)) return 'url';
  if (EMAIL.test(text)) return 'email';
  if (text.length > 1 && text[0] === '#' && WORD.test(text.slice(1))) return 'hashtag';
  if (text.length > 1 && text[0] === '@' && WORD.test(text.slice(1))) return 'mention';
  if (NUMBER.test(text)) return 'number';
  if (EMOJI.test(text)) return 'emoji';
  if (PUNCT.test(text)) return 'punctuation';
  if (SYMBOL.test(text)) return 'symbol';
  if (WORD.test(text)) return 'word';
  return 'other';
}

/** Lower case with typographic quotes and apostrophes made plain, so lexicons match either form. */
export function normalForm(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/gu, "'").replace(/[“”„«»]/gu, '"');
}
