/**
 * The `infowar` taxonomy on claim-length texts: EUvsDisinfo's one-line claim summaries (cases.csv), scored
 * against the theme tags its editors gave each case (the `keywords` column). The tags are weak labels: a
 * claim can tell a storyline without carrying the tag that names it, so precision here is a lower bound.
 * The mapping from tags to our labels below is ours and is used only here; labels without a clear tag are
 * left out. Run beside the article threshold, to show what the claim-length threshold changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { classifyByKeywords, DEFAULT_KEYWORD_SCORING, type KeywordScoring } from '../../src/aggregators/narrative/keyword-classifier.js';
import { segmentText } from '../../src/core/segment/segment.js';
import { infowarTaxonomy } from '../../src/taxonomy/builtin/index.js';
import { KeywordIndex } from '../../src/taxonomy/keyword-index.js';
import type { Section } from '../harness.js';

const TAGS: Readonly<Record<string, readonly string[]>> = {
  'Biological and health conspiracies': ['Biological weapons', 'vaccination'],
  'Nazism and fascism accusations': ['Nazi/Fascist', 'Adolf Hitler'],
  'Foreign hand behind protests': ['Colour revolutions'],
  'Election interference and manipulated votes': ['election meddling', 'Manipulated elections/referendum'],
  'Hidden plots of elites': ['Secret elites / global elites', 'George Soros'],
  'Puppet state': ['Puppets'],
  'Warmongering and war preparation': ['Warmongering', 'War preparation', 'Encircling Russia'],
  'Rewriting history': ['Historical revisionism'],
  'Sanctions backfire': ['Sanctions'],
  'Staged events and false flags': ['Provocation', 'White Helmets'],
  'Media as an instrument of propaganda': ['Media', 'Propaganda', 'Information war'],
  'The West in decline or divided': ['EU disintegration'],
};

interface Count {
  predicted: number;
  right: number;
  tagged: number;
}

function score(rows: readonly { title: string; keywords: string }[], scoring: KeywordScoring): { any: number; per: Map<string, Count> } {
  const index = new KeywordIndex(infowarTaxonomy);
  const per = new Map(Object.keys(TAGS).map((l) => [l, { predicted: 0, right: 0, tagged: 0 }]));
  let any = 0;
  for (const r of rows) {
    const tags = new Set(r.keywords.split('+').map((t) => t.trim()));
    const seg = segmentText(r.title, 'en');
    const labels = new Set(classifyByKeywords(infowarTaxonomy, index, { text: r.title, blocks: seg.blocks, sentences: seg.sentences }, scoring).filter((l) => l.level === 'coarse').map((l) => l.label));
    if (labels.size) any++;
    for (const [label, want] of Object.entries(TAGS)) {
      const c = per.get(label) as Count;
      const tagged = want.some((t) => tags.has(t));
      if (tagged) c.tagged++;
      if (labels.has(label)) {
        c.predicted++;
        if (tagged) c.right++;
      }
    }
  }
  return { any, per };
}

const ratio = (a: number, b: number): string => (b ? (a / b).toFixed(2) : '—');

export const infowarClaimsSection: Section = {
  id: 'narratives-infowar-claims',
  title: 'Narratives: infowar taxonomy on claim-length texts (EUvsDisinfo claims against their theme tags)',
  run(ctx) {
    if (!ctx.dataDir) return Promise.resolve('_Skipped: ../shared/data not found._');
    const all = parse(readFileSync(join(ctx.dataDir, 'euvsdisinfo', 'cases.csv')), { columns: true }) as { title: string; keywords: string }[];
    const rows = ctx.quick ? all.slice(0, 1000) : all;
    const now = score(rows, DEFAULT_KEYWORD_SCORING);
    const article = score(rows, { ...DEFAULT_KEYWORD_SCORING, shortText: { ...DEFAULT_KEYWORD_SCORING.shortText, threshold: DEFAULT_KEYWORD_SCORING.threshold } });
    const micro = (r: typeof now): string => {
      let p = 0;
      let ok = 0;
      let t = 0;
      for (const c of r.per.values()) [p, ok, t] = [p + c.predicted, ok + c.right, t + c.tagged];
      return `precision ${ratio(ok, p)}, recall ${ratio(ok, t)} (${p} labels)`;
    };
    ctx.log(`claims with an infowar label: ${now.any} (article threshold: ${article.any})`);
    return Promise.resolve(
      [
        `${rows.length} claims (the \`title\` column; 50 words or fewer, so the claim-length threshold ${DEFAULT_KEYWORD_SCORING.shortText.threshold} applies). Claims with any \`infowar\` label: **${now.any}**; with the article threshold ${DEFAULT_KEYWORD_SCORING.threshold} for every text, ${article.any}. Against the editors' tags (a lower bound on precision: tags are incomplete): ${micro(now)}; article threshold: ${micro(article)}.`,
        '',
        '| label | EUvsDisinfo tags standing for it | claims tagged | labelled | precision vs tags | recall vs tags |',
        '|---|---|---|---|---|---|',
        ...[...now.per].map(([label, c]) => `| ${label} | ${(TAGS[label] ?? []).join(', ')} | ${c.tagged} | ${c.predicted} | ${ratio(c.right, c.predicted)} | ${ratio(c.right, c.tagged)} |`),
      ].join('\n'),
    );
  },
};
