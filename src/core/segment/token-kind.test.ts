import { describe, expect, it } from 'vitest';
import { normalForm, tokenKind } from './token-kind.js';

describe('token kind and normal form', () => {
  it.each([
    ['word', 'word'],
    ['Word', 'word'],
    ['www', 'word'],
    ['www.example.org', 'url'],
    ['#tag', 'hashtag'],
    ['@user', 'mention'],
    ['3rd', 'number'],
    ['1,000', 'number'],
    ['!?', 'punctuation'],
    ['€', 'symbol'],
    ['слово', 'word'],
    ['', 'other'],
  ] as const)('%s is a %s', (text, kind) => {
    expect(tokenKind(text)).toBe(kind);
  });

  it.each([
    ['plain', 'plain'],
    ['Plain', 'plain'],
    ['don`t', "don't"],
    ['don’t', "don't"],
    ['«Слово»', '"слово"'],
    ['x-ray_2', 'x-ray_2'],
    ['', ''],
  ])('normal form of %s is %s', (text, normal) => {
    expect(normalForm(text)).toBe(normal);
  });
});
