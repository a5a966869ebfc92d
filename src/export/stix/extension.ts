import { stixId } from './ids.js';
import type { StixObject } from './types.js';

/**
 * The one extension definition under which Narrascope exports what STIX has no object for: narratives
 * (a new SDO, `narrascope-narrative`) and the analysis data attached to notes (a property extension on
 * `note`: ledger items, claims, technique summaries). Its id is fixed, so every export refers to the same
 * definition. The definition text is here and in docs/exports.md.
 */
export const PRODUCER_ID = stixId('identity', 'narrascope-producer');
export const EXTENSION_ID = stixId('extension-definition', 'narrascope-analysis-1.0.0');
export const NARRATIVE_TYPE = 'narrascope-narrative';
/** When the definition (version 1.0.0) was written; fixed so the object is identical in every export. */
export const DEFINED = '2026-01-01T00:00:00.000Z';

export const EXTENSION_SCHEMA = [
  'Narrascope analysis extension 1.0.0.',
  `New SDO "${NARRATIVE_TYPE}": name (string, the taxonomy label), taxonomy (string), level ("coarse" | "fine"),`,
  'score (number 0..1), report_ref (identifier of the report of the analysed document), paragraphs (list of integers).',
  'Property extension on "note": kind ("ledger-item" | "claim" | "technique"), and for ledger items claim, attributed_to,',
  'motive, rebuttal, verdict, verdict_label, evidence_summary; for claims claim_type, check_worthiness, has_source, speaker;',
  'for techniques technique, taxonomy, count, density_per_1000_words, disarm_ids. Text values are quotations of the',
  'analysed document; offsets (span_start, span_end) are UTF-16 code units into its normalised text.',
].join(' ');

export function producerIdentity(): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: PRODUCER_ID,
    created: DEFINED,
    modified: DEFINED,
    name: 'Narrascope',
    identity_class: 'system',
    description:
      'Automated text analysis; findings describe observed rhetorical devices and are not verdicts on intent.',
  };
}

export function extensionDefinition(): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: EXTENSION_ID,
    created_by_ref: PRODUCER_ID,
    created: DEFINED,
    modified: DEFINED,
    name: 'Narrascope analysis',
    description:
      'Narratives, rebuttal-ledger items, claims and persuasion-technique summaries produced by Narrascope.',
    schema: EXTENSION_SCHEMA,
    version: '1.0.0',
    extension_types: ['new-sdo', 'property-extension'],
  };
}
