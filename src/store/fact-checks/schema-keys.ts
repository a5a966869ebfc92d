/**
 * JSON-LD may name schema.org properties by a compact IRI (`"schema:claimReviewed"`, with a context such
 * as `{"schema": "https://schema.org/"}`) or by the full IRI (`"http://schema.org/claimReviewed"`, as RDF
 * tools write it). The importer reads plain names; a review written with either form was rejected as
 * having no claimReviewed while its `schema:ClaimReview` type was recognised.
 */
const SCHEMA_KEY = /^(?:schema:|https?:\/\/schema\.org\/)(.+)$/u;

/**
 * The value with schema.org property names made plain, at every depth up to `maxDepth` (the importer reads
 * no deeper). A plain name already present wins over its prefixed form. Objects and arrays without such a
 * name are returned as they are, so a large file of plain JSON-LD is not copied.
 */
export function plainSchemaKeys(value: unknown, maxDepth = 20, depth = 0): unknown {
  if (depth > maxDepth || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const plain = plainSchemaKeys(v, maxDepth, depth + 1);
      if (plain !== v) (copy ??= value.slice())[i] = plain;
    });
    return copy ?? value;
  }
  const obj = value as Record<string, unknown>;
  let changed = false;
  // Entries and fromEntries, not assignment: a "__proto__" key stays an own property.
  const out: [string, unknown][] = [];
  for (const [key, v] of Object.entries(obj)) {
    const plain = plainSchemaKeys(v, maxDepth, depth + 1);
    if (plain !== v) changed = true;
    const local = SCHEMA_KEY.exec(key)?.[1];
    if (local === undefined) out.push([key, plain]);
    else {
      changed = true;
      // The prefixed duplicate of a plain name present is dropped.
      if (!Object.hasOwn(obj, local)) out.push([local, plain]);
    }
  }
  return changed ? Object.fromEntries(out) : obj;
}
