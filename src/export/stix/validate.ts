import { isHttpUriText, isSafeLink } from '../uri.js';
import { emptyValuePaths } from './compact.js';
import { STIX_ID_RE, STIX_TIMESTAMP_RE } from './ids.js';
import type { StixBundle, StixObject } from './types.js';

/**
 * Checks a bundle against the STIX 2.1 rules an importer enforces: identifier format (`type--uuid`, v4 or
 * v5), unique ids, spec_version, timestamps, required properties of the object types we emit, extension
 * use, and that every `*_ref` / `*_refs` value (also inside extensions) names an object of the bundle.
 * Returns the problems found; an empty list means valid.
 */
const SDO_TYPES = new Set([
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
  'relationship',
  'sighting',
  'extension-definition',
  'marking-definition',
  'language-content',
]);

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  report: ['name', 'published', 'object_refs'],
  note: ['content', 'object_refs'],
  identity: ['name'],
  'attack-pattern': ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  'extension-definition': ['name', 'schema', 'version', 'extension_types', 'created_by_ref'],
};

const EXTENSION_PROPERTY_RE = /^[a-z0-9_]{3,250}$/u;

export function validateStixBundle(bundle: StixBundle): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle: type must be "bundle"');
  if (!/^bundle--/u.test(bundle.id) || !STIX_ID_RE.test(bundle.id))
    problems.push(`bundle: bad id ${bundle.id}`);
  if (!Array.isArray(bundle.objects) || bundle.objects.length === 0)
    return [...problems, 'bundle: no objects'];
  const ids = new Map<string, StixObject>();
  for (const o of bundle.objects) {
    if (ids.has(o.id)) problems.push(`${o.id}: duplicate id`);
    ids.set(o.id, o);
  }
  for (const o of bundle.objects) {
    const where = o.id ?? '(object without id)';
    const m = STIX_ID_RE.exec(o.id ?? '');
    if (!m) problems.push(`${where}: id is not type--uuid (v4/v5)`);
    else if (m[1] !== o.type) problems.push(`${where}: id prefix does not match type "${o.type}"`);
    if (!/^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/u.test(o.type) || o.type.includes('--'))
      problems.push(`${where}: bad type name`);
    if (o.spec_version !== '2.1') problems.push(`${where}: spec_version must be "2.1"`);
    for (const k of ['created', 'modified'] as const) {
      const v = o[k];
      if (typeof v !== 'string' || !STIX_TIMESTAMP_RE.test(v))
        problems.push(`${where}: ${k} is not a STIX timestamp`);
    }
    if (typeof o.created === 'string' && typeof o.modified === 'string' && o.modified < o.created)
      problems.push(`${where}: modified before created`);
    if (o.type === 'report' && (typeof o.published !== 'string' || !STIX_TIMESTAMP_RE.test(o.published)))
      problems.push(`${where}: published is not a STIX timestamp`);
    for (const p of REQUIRED[o.type] ?? []) {
      const v = o[p];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))
        problems.push(`${where}: required property ${p} is missing or empty`);
    }
    // Extensions: each key is an extension definition of this bundle; a new type needs a new-sdo one.
    const exts = o.extensions;
    let newSdo = false;
    if (exts !== undefined) {
      if (typeof exts !== 'object' || exts === null || Array.isArray(exts))
        problems.push(`${where}: extensions must be a dictionary`);
      else {
        for (const [k, v] of Object.entries(exts)) {
          if (!k.startsWith('extension-definition--')) continue;
          const def = ids.get(k);
          const kind = (v as Record<string, unknown> | null)?.extension_type;
          if (!def) problems.push(`${where}: extension ${k} is not defined in the bundle`);
          if (typeof kind !== 'string') problems.push(`${where}: extension ${k} has no extension_type`);
          else if (def && !(def.extension_types as string[] | undefined)?.includes(kind))
            problems.push(`${where}: extension ${k} does not declare ${kind}`);
          if (kind === 'new-sdo') newSdo = true;
          for (const prop of Object.keys((v as Record<string, unknown>) ?? {})) {
            if (!EXTENSION_PROPERTY_RE.test(prop))
              problems.push(`${where}: extension property "${prop}" is not a valid STIX property name`);
          }
        }
      }
    }
    if (!SDO_TYPES.has(o.type) && !newSdo)
      problems.push(`${where}: type "${o.type}" is neither a STIX type nor declared by a new-sdo extension`);
    // STIX requires a valid URL; a platform shows it as a link, so only a safe http(s) one (see ../uri.ts).
    const refsList = o.external_references;
    if (Array.isArray(refsList))
      refsList.forEach((r, i) => {
        const url = (r as Record<string, unknown> | null)?.url;
        if (url !== undefined && !isSafeLink(url))
          problems.push(`${where}: external_references[${i}].url is not an http(s) URL an export may write`);
        else if (url !== undefined && !isHttpUriText(url))
          problems.push(`${where}: external_references[${i}].url is not an RFC 3986 URI (percent-encode it: linkAsUri)`);
      });
    for (const path of emptyValuePaths(o))
      problems.push(`${where}: ${path} is null or an empty list (STIX has neither: leave the property out)`);
    collectRefs(o, where, (path, ref) => {
      if (typeof ref !== 'string' || !STIX_ID_RE.test(ref))
        problems.push(`${where}: ${path} is not an identifier`);
      else if (!ids.has(ref)) problems.push(`${where}: ${path} → ${ref} does not resolve inside the bundle`);
    });
  }
  return problems;
}

function collectRefs(
  value: unknown,
  where: string,
  visit: (path: string, ref: unknown) => void,
  path = '',
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectRefs(v, where, visit, `${path}[${i}]`));
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'external_references') continue;
    const p = path ? `${path}.${k}` : k;
    if (k.endsWith('_ref')) visit(p, v);
    else if (k.endsWith('_refs')) {
      if (!Array.isArray(v)) visit(p, v);
      else v.forEach((r, i) => visit(`${p}[${i}]`, r));
    } else if (typeof v === 'object') collectRefs(v, where, visit, p);
  }
}
