import { memoise } from '../text/memo.js';
import type { TokenKind } from './types.js';

const URL = /^(?:https?:\/\/|www\.)\S+$/iu;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/iu;
const NUMBER = /^[+-]?(?:\d[\d,.\u00a0']*\d|\d)(?:%|st|nd|rd|th|k|m|bn)?$/iu;
const PUNCT = /^[\p{P}]+$/u;
const SYMBOL = /^[\p{S}]+$/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Token surfaces repeat a lot (within a document and across a corpus), so kinds and normal forms are
 * memoised; both are pure functions of the surface. Each memo is emptied when it grows past MAX_MEMO.
 */
const MAX_MEMO = 100_000;
const kindOf = memoise(classify, MAX_MEMO);
const normalOf = memoise(normalise, MAX_MEMO);

/** Classifies a token by its surface, the same way for every language. */
export function tokenKind(text: string): TokenKind {
  // Most tokens are plain ASCII words: no pattern above but WORD can match letters alone, and checking
  // the characters costs less than a look-up in the memo (a large Map: a cache miss or two).
  return asciiLetters(text) ? 'word' : kindOf(text);
}

function classify(text: string): TokenKind {
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
  // Already normal (ASCII without capitals or backquotes, the common case): the surface itself.
  return asciiNormal(text) ? text : normalOf(text);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/gu, "'").replace(/[“”„«»]/gu, '"');
}

/** Non-empty and only A–Z / a–z. */
function asciiLetters(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) | 0x20; // folds A–Z onto a–z
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Only ASCII, without A–Z or "`": `normalise` would return the same characters. */
function asciiNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90) || c === 96) return false;
  }
  return true;
}
