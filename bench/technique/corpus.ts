/**
 * The PTC training split in the SemEval-2023 layout (`articles-2023/` with `labels-spans-2023.tsv` and
 * `labels-paragraphs-2023.tsv`), read from ../shared/data and converted to our UTF-16 offsets through the
 * PTC reader of the benchmark adapters (the one place that converts code points).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentText } from '../../src/core/segment/segment.js';
import type { Segments } from '../../src/core/segment/types.js';
import { nonEmptyLines, parseParagraphRows, parseSpanRows, readArticles, toUtf16Span, type PtcArticle } from '../../src/cli/predict/ptc-articles.js';
import { buildFeatureDoc, type FeatureDoc } from '../../src/models/technique/features.js';

export interface GoldSpan {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

export interface GoldParagraph {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly labels: readonly string[];
}

export interface CorpusDoc {
  readonly article: PtcArticle;
  readonly segments: Segments;
  readonly fd: FeatureDoc;
  readonly gold: readonly GoldSpan[];
  readonly paragraphs: readonly GoldParagraph[];
}

export function loadCorpus(dataDir: string, limit = Infinity): CorpusDoc[] {
  const base = join(dataDir, 'ptc-train');
  const articles = readArticles(join(base, 'articles-2023')).slice(0, limit);
  const spanRows = parseSpanRows(readFileSync(join(base, 'labels-spans-2023.tsv'), 'utf8'), 'labels-spans-2023.tsv');
  const parRows = parseParagraphRows(readFileSync(join(base, 'labels-paragraphs-2023.tsv'), 'utf8'));
  const spansById = new Map<string, GoldSpan[]>();
  const parsById = new Map<string, Map<number, readonly string[]>>();
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const r of spanRows) {
    const a = byId.get(r.id);
    if (!a) continue;
    const list = spansById.get(r.id) ?? [];
    list.push({ label: r.label, ...toUtf16Span(a, r) });
    spansById.set(r.id, list);
  }
  for (const r of parRows) {
    const m = parsById.get(r.id) ?? new Map<number, readonly string[]>();
    m.set(r.line, r.labels);
    parsById.set(r.id, m);
  }
  return articles.map((article) => {
    const segments = segmentText(article.text, 'en');
    const gold = (spansById.get(article.id) ?? []).sort((x, y) => x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : 1));
    const labelsOf = parsById.get(article.id) ?? new Map<number, readonly string[]>();
    const paragraphs = nonEmptyLines(article.text).map((l) => ({ ...l, labels: labelsOf.get(l.line) ?? [] }));
    return { article, segments, fd: buildFeatureDoc(article.text, segments), gold, paragraphs };
  });
}
