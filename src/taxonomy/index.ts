export { parseTaxonomy } from './parse.js';
export { loadTaxonomyFile } from './load-file.js';
export { TaxonomyError, childrenOf, type LabelLevel, type Taxonomy, type TaxonomyLabel } from './types.js';
export { builtinTaxonomies, infowarTaxonomy, semeval2025Taxonomy } from './builtin/index.js';
