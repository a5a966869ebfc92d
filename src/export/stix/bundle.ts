import type { AnalysisResult, LedgerItem } from '../../core/result/types.js';
import { safeHttpUri } from '../uri.js';
import { withoutEmptyValues } from './compact.js';
import { disarmFor, DISARM_IDENTITY, DISARM_LICENCE } from './disarm.js';
import {
  DEFINED,
  EXTENSION_ID,
  NARRATIVE_TYPE,
  PRODUCER_ID,
  extensionDefinition,
  producerIdentity,
} from './extension.js';
import { stixId, stixTimestamp, toStixTimestamp, uuidv5 } from './ids.js';
import type { StixBundle, StixObject, StixValue } from './types.js';

/**
 * STIX 2.1 bundle of one or more analysed documents: a `report` per document that refers to everything
 * found in it; `identity` objects for the producer, outlets and authors; `note`s for ledger items, claims
 * and technique summaries (with the Narrascope property extension); `narrascope-narrative` objects (new
 * SDO under the same extension); and DISARM `attack-pattern`s, with their DISARM STIX ids, for the
 * techniques that map to one. Every reference points inside the bundle (see validate.ts).
 */
export interface StixExportOptions {
  /** Creation time of the exported objects (default: now). Fixed in tests for stable output. */
  readonly now?: Date;
  /** Leave out claims below this check-worthiness (default 0: all). */
  readonly minCheckWorthiness?: number;
  /**
   * When a document's objects were first made — its ingestion into the store (ISO 8601). STIX keeps an
   * object's `created` across its versions, and the ids here are stable, so an export from the store dates
   * them by the document, not by the export (each re-export changed `created`). A file analysed afresh has
   * no such time: the export time stands in. `modified` is the export time.
   */
  readonly createdOf?: (r: AnalysisResult) => string | undefined;
}

export function buildStixBundle(
  results: readonly AnalysisResult[],
  options: StixExportOptions = {},
): StixBundle {
  const now = stixTimestamp(options.now ?? new Date());
  const objects = new Map<string, StixObject>();
  const add = (o: StixObject): string => {
    if (!objects.has(o.id)) objects.set(o.id, withoutEmptyValues(o));
    return o.id;
  };
  add(producerIdentity());
  add(extensionDefinition());
  const ext = (data: Record<string, StixValue>): StixValue => ({
    [EXTENSION_ID]: { extension_type: 'property-extension', ...data },
  });

  for (const r of results) {
    // Never after the export time: `modified` must not precede `created`.
    const first = toStixTimestamp(options.createdOf?.(r));
    const base = { spec_version: '2.1', created: first && first < now ? first : now, modified: now, created_by_ref: PRODUCER_ID };
    const doc = r.document;
    const key = doc.hash;
    const reportId = stixId('report', key);
    const refs: string[] = [];
    const source = doc.source;
    const identity = (name: string, cls: 'organization' | 'individual'): string =>
      add({
        type: 'identity',
        // One identity however the name is spelled in Unicode (composed "é" or e + accent) or spaced.
        id: stixId('identity', `${cls}|${name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ')}`),
        // Shared by every document of the outlet or author, and made from the name alone (its id is the
        // name's): one fixed time, so that every export writes the same object.
        spec_version: '2.1',
        created: DEFINED,
        modified: DEFINED,
        created_by_ref: PRODUCER_ID,
        name,
        identity_class: cls,
      });
    // A blank outlet or author names nobody: an identity without a name would make the bundle invalid.
    const outlet = source.outlet?.trim();
    const author = source.author?.trim();
    if (outlet) refs.push(identity(outlet, 'organization'));
    if (author) refs.push(identity(author, 'individual'));

    r.rebuttals.forEach((item, i) => {
      refs.push(
        add({
          type: 'note',
          id: stixId('note', `${key}|ledger|${item.id}`),
          ...base,
          abstract: `Countered claim ${item.index ?? i + 1}`,
          content: ledgerContent(item),
          object_refs: [reportId],
          extensions: ext(ledgerData(item)),
        }),
      );
    });
    const minCw = options.minCheckWorthiness ?? 0;
    for (const c of r.claims) {
      // A claim without text (a hand-made results file) would be a note without content, which STIX
      // requires: the bundle was refused whole and the export failed. It is no claim to report.
      if (c.checkWorthiness < minCw || !c.span.text.trim()) continue;
      refs.push(
        add({
          type: 'note',
          id: stixId('note', `${key}|claim|${c.id}`),
          ...base,
          abstract: `Claim (${c.type})`,
          content: c.span.text,
          object_refs: [reportId],
          extensions: ext({
            kind: 'claim',
            claim_type: c.type,
            check_worthiness: round(c.checkWorthiness),
            has_source: c.hasSource,
            speaker: c.speaker?.text ?? null,
            span_start: c.span.start,
            span_end: c.span.end,
          }),
        }),
      );
    }
    for (const n of r.narratives) {
      refs.push(
        add({
          type: NARRATIVE_TYPE,
          id: stixId(NARRATIVE_TYPE, `${key}|${n.taxonomy}|${n.label}`),
          ...base,
          name: n.label,
          taxonomy: n.taxonomy,
          level: n.level,
          score: round(n.score),
          paragraphs: [...n.paragraphs],
          report_ref: reportId,
          extensions: { [EXTENSION_ID]: { extension_type: 'new-sdo' } },
        }),
      );
    }
    for (const t of r.techniques.profile) {
      const disarm = disarmFor(t.technique);
      // DISARM's objects under DISARM's ids: as DISARM's version of them (its creator and timestamps), not
      // as a newer version by Narrascope, which a platform holding DISARM would take as an update of it.
      if (disarm.length) add(disarmIdentity());
      const patternIds = disarm.map((d) =>
        add({
          type: 'attack-pattern',
          id: d.stixId,
          spec_version: '2.1',
          created: d.created,
          modified: d.modified,
          created_by_ref: DISARM_IDENTITY.stixId,
          name: d.name,
          kill_chain_phases: [{ kill_chain_name: 'disarm', phase_name: d.phase }],
          external_references: [
            {
              source_name: 'DISARM',
              external_id: d.externalId,
              url: `https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/${d.externalId}.md`,
            },
          ],
          description: `DISARM technique ${d.externalId}. ${DISARM_LICENCE}.`,
        }),
      );
      refs.push(...patternIds);
      refs.push(
        add({
          type: 'note',
          id: stixId('note', `${key}|technique|${t.technique}`),
          ...base,
          abstract: `Persuasion technique: ${t.technique}`,
          content: `${t.technique} observed ${t.count} time(s) (${t.density.toFixed(2)} per 1,000 words).${disarm.length ? ` Can serve DISARM ${disarm.map((d) => `${d.externalId} ${d.name}`).join(', ')} (Narrascope mapping).` : ''}`,
          object_refs: [reportId, ...patternIds],
          extensions: ext({
            kind: 'technique',
            technique: t.technique,
            count: t.count,
            density_per_1000_words: round(t.density),
            disarm_ids: disarm.map((d) => d.externalId),
          }),
        }),
      );
    }
    // Without a usable document date, when the document's objects were first made (its ingestion into the
    // store): the export time moved every undated report to the day of each re-export in OpenCTI's lists.
    const published = toStixTimestamp(source.publishedAt) ?? base.created;
    // Only an http(s) address is a link a platform may show (see ../uri.ts); the hash identifies the document.
    // STIX's url is an RFC 3986 URI: an IRI (a Cyrillic path, an IDN host) is written percent-encoded.
    const uri = safeHttpUri(source.uri) ?? null;
    add({
      type: 'report',
      id: reportId,
      ...base,
      name: doc.title?.trim() || `Document ${doc.hash.slice(0, 12)}`,
      description: `${r.rebuttalSummary.text}. ${r.claims.length} claim(s), ${r.narratives.length} narrative label(s), ${r.findings.length} finding(s). Produced by Narrascope; findings describe observed devices, not intent.`,
      published,
      report_types: ['threat-report'],
      // A report must refer to at least one object: the producer stands in for an empty analysis.
      object_refs: refs.length ? [...new Set(refs)] : [PRODUCER_ID],
      external_references: [
        { source_name: 'narrascope', external_id: doc.hash, ...(uri ? { url: uri } : {}) },
      ],
      lang: doc.language,
    });
  }
  const objectIds = [...objects.keys()].sort().join(',');
  return {
    type: 'bundle',
    id: `bundle--${uuidv5(`bundle|${now}|${objectIds}`)}`,
    objects: [...objects.values()],
  };
}

function disarmIdentity(): StixObject {
  return {
    type: 'identity',
    id: DISARM_IDENTITY.stixId,
    spec_version: '2.1',
    created: DISARM_IDENTITY.created,
    modified: DISARM_IDENTITY.modified,
    name: DISARM_IDENTITY.name,
    identity_class: 'organization',
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function ledgerContent(item: LedgerItem): string {
  const lines = [
    `Claim: ${item.claim?.text ?? '(none)'}`,
    item.attributedTo ? `Attributed to: ${item.attributedTo.text}` : null,
    item.motive ? `Motive ascribed: ${item.motive.text}` : null,
    item.rebuttal ? `Rebuttal: ${item.rebuttal.text}` : null,
    item.verdict ? `Verdict in the document: ${item.verdict.original.text} (${item.verdict.label})` : null,
    `Evidence: ${item.evidenceSummary}`,
  ];
  return lines.filter((l): l is string => l !== null).join('\n');
}

function ledgerData(item: LedgerItem): Record<string, StixValue> {
  return {
    kind: 'ledger-item',
    claim: item.claim?.text ?? null,
    attributed_to: item.attributedTo?.text ?? null,
    motive: item.motive?.text ?? null,
    rebuttal: item.rebuttal?.text ?? null,
    verdict: item.verdict?.original.text ?? null,
    verdict_label: item.verdict?.label ?? null,
    evidence_summary: item.evidenceSummary,
    span_start: item.span.start,
    span_end: item.span.end,
  };
}
