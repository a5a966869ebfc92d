/**
 * The built-in taxonomies, imported as JSON (generated from taxonomies/*.yaml by
 * `npm run train narrative-taxonomies`) so that analysis code never reads files.
 */
import type { Taxonomy } from '../types.js';
import infowarData from './infowar.json' with { type: 'json' };
import semevalData from './semeval2025.json' with { type: 'json' };

export const semeval2025Taxonomy = semevalData as Taxonomy;
export const infowarTaxonomy = infowarData as Taxonomy;

export const builtinTaxonomies: readonly Taxonomy[] = [semeval2025Taxonomy, infowarTaxonomy];
