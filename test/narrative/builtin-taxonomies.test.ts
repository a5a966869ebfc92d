import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('built-in taxonomies', () => {
  // Analysis code imports the JSON copies (it may not read files); `npm run train narrative-taxonomies` writes
  // them from taxonomies/*.yaml. An edit of the YAML without that step would silently change nothing.
  it.each(['semeval2025', 'infowar'])('src/taxonomy/builtin/%s.json is taxonomies/%s.yaml as parsed', (name) => {
    const source = parseTaxonomy(readFileSync(join(ROOT, 'taxonomies', `${name}.yaml`), 'utf8'), `taxonomies/${name}.yaml`);
    const copy: unknown = JSON.parse(readFileSync(join(ROOT, 'src', 'taxonomy', 'builtin', `${name}.json`), 'utf8'));
    expect(copy).toEqual(JSON.parse(JSON.stringify(source)));
  });
});
