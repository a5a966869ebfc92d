/**
 * `npm run train narrative-taxonomies`: validates the built-in taxonomy sources in taxonomies/*.yaml and
 * writes the JSON copies that analysis code imports (src/taxonomy/builtin/*.json), because aggregators may
 * not read files. A test checks that the copies match their sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import type { Section } from '../harness.js';
import { ROOT } from '../harness.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';

export const BUILTIN_TAXONOMY_FILES = ['semeval2025', 'infowar'] as const;

export function builtinTaxonomySource(name: string): string {
  return join(ROOT, 'taxonomies', `${name}.yaml`);
}

export function builtinTaxonomyJsonPath(name: string): string {
  return join(ROOT, 'src', 'taxonomy', 'builtin', `${name}.json`);
}

export const narrativeTaxonomiesSection: Section = {
  id: 'narrative-taxonomies',
  title: 'Built-in narrative taxonomies (taxonomies/*.yaml → src/taxonomy/builtin/*.json)',
  async run(ctx) {
    const lines: string[] = [];
    for (const name of BUILTIN_TAXONOMY_FILES) {
      const file = builtinTaxonomySource(name);
      const taxonomy = parseTaxonomy(readFileSync(file, 'utf8'), `taxonomies/${name}.yaml`);
      // Written as the repository's Prettier settings would format it, so `npm run format:check` stays clean.
      const out = builtinTaxonomyJsonPath(name);
      const options = (await resolveConfig(out)) ?? {};
      writeFileSync(out, await format(JSON.stringify(taxonomy), { ...options, parser: 'json' }));
      const coarse = taxonomy.labels.filter((l) => l.level === 'coarse').length;
      const line = `- \`${taxonomy.id}\`: ${coarse} coarse, ${taxonomy.labels.length - coarse} fine labels`;
      ctx.log(line);
      lines.push(line);
    }
    return lines.join('\n');
  },
};
