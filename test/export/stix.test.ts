import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildStixBundle,
  DISARM_IDENTITY,
  DISARM_TECHNIQUES,
  EXTENSION_ID,
  stixId,
  stringifyStixBundle,
  TECHNIQUE_TO_DISARM,
  uuidv5,
  validateStixBundle,
  type StixBundle,
  type StixObject,
} from '../../src/export/stix/index.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { sharedDataOrSkip } from '../support/shared-data.js';
import { fixtureResult } from './fixture.js';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const bundle = (): StixBundle =>
  buildStixBundle([fixtureResult(), fixtureResult({ hash: 'b'.repeat(64), source: { kind: 'text' } })], {
    now: NOW,
  });
const byType = (b: StixBundle, t: string): StixObject[] => b.objects.filter((o) => o.type === t);

describe('STIX bundle', () => {
  it('is valid: ids, timestamps, spec_version, required properties, no dangling references', () => {
    expect(validateStixBundle(bundle())).toEqual([]);
  });

  it('has a report per document referring to its outlet, notes, narrative and DISARM attack-pattern', () => {
    const b = bundle();
    const reports = byType(b, 'report');
    expect(reports).toHaveLength(2);
    const first = reports.find(
      (r) =>
        r.name === 'Dam myths' &&
        (r.external_references as { external_id: string }[])[0]!.external_id === 'a'.repeat(64),
    )!;
    const refs = first.object_refs as string[];
    const refTypes = refs.map((id) => id.split('--')[0]).sort();
    expect(refTypes).toEqual([
      'attack-pattern',
      'identity',
      'identity',
      'narrascope-narrative',
      'note',
      'note',
      'note',
      'note',
      'note',
    ]);
    expect(first.published).toBe('2026-03-01T10:00:00.000Z');
    const outlet = b.objects.find((o) => o.type === 'identity' && o.name === 'Example Water Board');
    expect(outlet).toMatchObject({ identity_class: 'organization' });
  });

  it('links the technique to DISARM by the DISARM STIX id and external id', () => {
    const patterns = byType(bundle(), 'attack-pattern');
    expect(patterns).toHaveLength(1);
    const t0078 = DISARM_TECHNIQUES.get('T0078')!;
    expect(patterns[0]).toMatchObject({
      id: t0078.stixId,
      name: 'Dismay',
      external_references: [{ source_name: 'DISARM', external_id: 'T0078' }],
    });
    const techniqueNote = byType(bundle(), 'note').find(
      (n) => n.abstract === 'Persuasion technique: Appeal_to_Fear-Prejudice',
    )!;
    expect(techniqueNote.object_refs).toContain(t0078.stixId);
    expect((techniqueNote.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]).toMatchObject(
      { extension_type: 'property-extension', kind: 'technique', disarm_ids: ['T0078'] },
    );
  });

  it("writes a DISARM attack-pattern as DISARM's version of it (creator, created, modified), never as a newer one", () => {
    const t0078 = DISARM_TECHNIQUES.get('T0078')!;
    const b = bundle();
    const pattern = byType(b, 'attack-pattern')[0]!;
    expect(pattern).toMatchObject({
      id: t0078.stixId,
      created: t0078.created,
      modified: t0078.modified,
      created_by_ref: DISARM_IDENTITY.stixId,
    });
    expect(pattern.modified).not.toBe(NOW.toISOString());
    expect(b.objects.find((o) => o.id === DISARM_IDENTITY.stixId)).toMatchObject({
      type: 'identity',
      name: 'DISARM Foundation',
      created: DISARM_IDENTITY.created,
    });
  });

  it('gives the same ids on a second export (UUIDv5), and version-5 UUIDs', () => {
    const a = bundle().objects.map((o) => o.id);
    const b = buildStixBundle(
      [fixtureResult(), fixtureResult({ hash: 'b'.repeat(64), source: { kind: 'text' } })],
      { now: new Date('2027-01-01T00:00:00Z') },
    ).objects.map((o) => o.id);
    expect(b).toEqual(a);
    expect(uuidv5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('writes no null and no empty list (STIX has neither): a property without a value is left out', () => {
    const b = bundle();
    const text = JSON.stringify(b);
    expect(text).not.toMatch(/:null|:\[\]/u);
    const claim = byType(b, 'note').find((n) => n.abstract === 'Claim (prediction)')!;
    const data = (claim.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]!;
    expect(data).toMatchObject({ kind: 'claim', has_source: false });
    expect('speaker' in data).toBe(false);
    const loaded = byType(b, 'note').find((n) => n.abstract === 'Persuasion technique: Loaded_Language')!;
    expect('disarm_ids' in (loaded.extensions as Record<string, Record<string, unknown>>)[EXTENSION_ID]!).toBe(false);
  });

  it('handles an empty analysis (report refers to the producer)', () => {
    const empty = {
      ...fixtureResult(),
      rebuttals: [],
      claims: [],
      narratives: [],
      findings: [],
      techniques: { profile: [], paragraphs: [], words: 0 },
      document: { ...fixtureResult().document, source: {} },
    };
    const b = buildStixBundle([empty], { now: NOW });
    expect(validateStixBundle(b)).toEqual([]);
  });
});

describe('STIX bundle of documents with odd metadata', () => {
  const withDocument = (document: Partial<AnalysisResult['document']>): AnalysisResult => ({
    ...fixtureResult(),
    document: { ...fixtureResult().document, ...document },
  });

  it.each([
    ['an empty title', { title: '' }],
    ['a blank title', { title: ' \t ' }],
    ['a blank outlet and author', { source: { kind: 'text', outlet: '  ', author: ' ' } }],
    ['a date after year 9999', { source: { kind: 'text', publishedAt: '+010000-01-01T00:00:00Z' } }],
    ['a date before year 0', { source: { kind: 'text', publishedAt: '-000001-06-01T00:00:00Z' } }],
  ])('%s still gives a valid bundle (one such document used to fail the whole export)', (_name, document) => {
    const b = buildStixBundle([withDocument(document as Partial<AnalysisResult['document']>)], { now: NOW });
    expect(validateStixBundle(b)).toEqual([]);
    const report = byType(b, 'report')[0]!;
    expect(report.name).toMatch(/\S/u);
    expect(byType(b, 'identity').every((i) => typeof i.name === 'string' && i.name.trim() !== '')).toBe(true);
  });

  it('leaves out a claim without text and maps a technique named like an Object member to nothing (the export failed whole)', () => {
    const base = fixtureResult();
    const claim = base.claims[0]!;
    const r: AnalysisResult = {
      ...base,
      claims: [claim, { ...claim, id: 'c2', span: { ...claim.span, text: '' } }, { ...claim, id: 'c3', span: { ...claim.span, text: ' \n ' } }],
      techniques: {
        ...base.techniques,
        profile: ['constructor', '__proto__', 'toString'].map((technique) => ({ technique, count: 1, density: 1 })),
      },
    };
    // Before: "required property content is missing or empty" for the blank claim, and
    // "(TECHNIQUE_TO_DISARM[label] ?? []).map is not a function" for the techniques.
    const b = buildStixBundle([r], { now: NOW });
    expect(validateStixBundle(b)).toEqual([]);
    const notes = byType(b, 'note');
    expect(notes.filter((n) => String(n.abstract).startsWith('Claim')).map((n) => n.content)).toEqual([claim.span.text]);
    const techniques = notes.filter((n) => String(n.abstract).startsWith('Persuasion technique'));
    expect(techniques).toHaveLength(3);
    expect(techniques.every((n) => n.object_refs !== undefined && (n.object_refs as string[]).length === 1)).toBe(true);
  });

  it('gives one identity to an outlet spelled with composed or decomposed accents, or other spacing', () => {
    const doc = (hash: string, outlet: string): AnalysisResult =>
      fixtureResult({ hash, source: { kind: 'html', uri: 'https://example.org/d', outlet } });
    const b = buildStixBundle([doc('a'.repeat(64), 'Le Caf\u00e9'), doc('b'.repeat(64), 'Le  Cafe\u0301')], { now: NOW });
    expect(validateStixBundle(b)).toEqual([]);
    const outlets = byType(b, 'identity').filter((i) => i.identity_class === 'organization' && i.id !== DISARM_IDENTITY.stixId);
    expect(outlets).toHaveLength(1);
    // The same id as before for a plain name: re-exports keep updating the same object.
    expect(outlets[0]!.id).toBe(stixId('identity', 'organization|le café'));
  });

  it('names a report without a title after its document, and dates one with an unusable date at export time', () => {
    const b = buildStixBundle([withDocument({ title: ' ', source: { kind: 'text', publishedAt: '+010000-01-01' } })], { now: NOW });
    expect(byType(b, 'report')[0]).toMatchObject({ name: `Document ${'a'.repeat(12)}`, published: NOW.toISOString() });
  });
});

describe('STIX report dates', () => {
  const publishedIn = (timeZone: string, publishedAt: string): unknown => {
    const before = process.env.TZ;
    process.env.TZ = timeZone; // Node reads the zone again when TZ is assigned
    try {
      const b = buildStixBundle([fixtureResult({ source: { kind: 'text', publishedAt } })], { now: NOW });
      expect(validateStixBundle(b)).toEqual([]);
      return byType(b, 'report')[0]!.published;
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  };

  it.each([
    ['2024-01-07 10:00', '2024-01-07T10:00:00.000Z'],
    ['2024-01-07T10:00:00', '2024-01-07T10:00:00.000Z'],
    ['2024-01-07T10:00:00.250', '2024-01-07T10:00:00.250Z'],
    ['2024-01-07', '2024-01-07T00:00:00.000Z'],
    ['2024-01-07T10:00:00+01:00', '2024-01-07T09:00:00.000Z'],
  ])('reads %s as the same instant in every time zone of the exporting machine (a zoneless time as UTC)', (date, expected) => {
    // Read in the exporter's zone, a CSV date "2024-01-07 10:00" was published at 01:00Z in Tokyo and 15:00Z in New York.
    expect([publishedIn('UTC', date), publishedIn('Asia/Tokyo', date), publishedIn('America/New_York', date)]).toEqual([expected, expected, expected]);
  });

  it('dates a report without a document date by its first storing, the same in every re-export (it took each export time)', () => {
    const stored = '2026-02-01T08:30:00.000Z';
    const undated = fixtureResult({ source: { kind: 'html', uri: 'https://example.org/undated' } });
    const at = (now: Date): unknown =>
      byType(buildStixBundle([undated], { now, createdOf: () => stored }), 'report')[0]!.published;
    expect([at(NOW), at(new Date('2026-06-01T00:00:00.000Z'))]).toEqual([stored, stored]);
    // A file analysed afresh has no stored time: the export time, as before.
    expect(byType(buildStixBundle([undated], { now: NOW }), 'report')[0]!.published).toBe(NOW.toISOString());
  });

  it.each(['2024-02-30', '2023-02-29T10:00:00Z', '2024-04-31 08:00'])('does not roll a day the month lacks (%s) over into the next month: the export time stands in', (date) => {
    expect(publishedIn('UTC', date)).toBe(NOW.toISOString());
  });
});

describe('validateStixBundle catches', () => {
  const mutated = (fn: (objects: Record<string, unknown>[]) => void): string[] => {
    const b = JSON.parse(JSON.stringify(bundle())) as {
      type: 'bundle';
      id: string;
      objects: Record<string, unknown>[];
    };
    fn(b.objects);
    return validateStixBundle(b as unknown as StixBundle);
  };
  it.each([
    [
      'a dangling object ref',
      (o: Record<string, unknown>[]) =>
        (o.find((x) => x.type === 'report')!.object_refs as string[]).push(
          'note--00000000-0000-4000-8000-000000000000',
        ),
      /does not resolve inside the bundle/u,
    ],
    [
      'a dangling created_by_ref',
      (o: Record<string, unknown>[]) =>
        (o.find((x) => x.type === 'note')!.created_by_ref = 'identity--00000000-0000-4000-8000-000000000000'),
      /created_by_ref .* does not resolve/u,
    ],
    [
      'a v1 uuid',
      (o: Record<string, unknown>[]) => (o[0]!.id = 'identity--00000000-0000-1000-8000-000000000000'),
      /not type--uuid/u,
    ],
    [
      'a type/prefix mismatch',
      (o: Record<string, unknown>[]) => (o.find((x) => x.type === 'note')!.type = 'opinion'),
      /prefix does not match/u,
    ],
    [
      'a bad timestamp',
      (o: Record<string, unknown>[]) => (o[0]!.created = '2026-05-01 12:00'),
      /created is not a STIX timestamp/u,
    ],
    ['a wrong spec_version', (o: Record<string, unknown>[]) => (o[0]!.spec_version = '2.0'), /spec_version/u],
    [
      'a missing required property',
      (o: Record<string, unknown>[]) => delete o.find((x) => x.type === 'note')!.content,
      /required property content/u,
    ],
    [
      'an undeclared custom type',
      (o: Record<string, unknown>[]) => delete o.find((x) => x.type === 'narrascope-narrative')!.extensions,
      /neither a STIX type/u,
    ],
    [
      'a dangling ref inside an extension object',
      (o: Record<string, unknown>[]) =>
        (o.find((x) => x.type === 'narrascope-narrative')!.report_ref =
          'report--00000000-0000-4000-8000-000000000000'),
      /report_ref .* does not resolve/u,
    ],
    [
      'a null property',
      (o: Record<string, unknown>[]) => (o.find((x) => x.type === 'report')!.lang = null),
      /lang is null or an empty list/u,
    ],
    [
      'an empty list inside an extension',
      (o: Record<string, unknown>[]) =>
        (Object.values(o.find((x) => x.type === 'note')!.extensions as Record<string, Record<string, unknown>>)[0]!.disarm_ids = []),
      /extensions\.extension-definition--[0-9a-f-]+\.disarm_ids is null or an empty list/u,
    ],
  ])('%s', (_name, fn, problem) => {
    const problems = mutated(fn);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });

  it('stringifyStixBundle refuses an invalid bundle', () => {
    const b = bundle();
    expect(() =>
      stringifyStixBundle({ ...b, objects: [...b.objects, { type: 'note', id: 'note--bad' }] }),
    ).toThrow(/invalid STIX bundle/u);
    expect(JSON.parse(stringifyStixBundle(b))).toEqual(b);
  });
});

describe('DISARM mapping', () => {
  it('refers only to techniques present in the committed subset', () => {
    for (const ids of Object.values(TECHNIQUE_TO_DISARM))
      for (const id of ids) expect(DISARM_TECHNIQUES.has(id)).toBe(true);
  });

  const disarm = sharedDataOrSkip('disarm', 'DISARM.json');
  it.skipIf(!disarm)('matches DISARM.json (ids, names, STIX ids)', () => {
    const objects = (
      JSON.parse(readFileSync(disarm!, 'utf8')) as {
        objects: {
          type: string;
          id: string;
          name: string;
          created: string;
          modified: string;
          created_by_ref?: string;
          external_references?: { external_id?: string }[];
        }[];
      }
    ).objects;
    for (const t of DISARM_TECHNIQUES.values()) {
      const o = objects.find(
        (x) =>
          x.type === 'attack-pattern' && x.external_references?.some((r) => r.external_id === t.externalId),
      );
      expect(o, t.externalId).toBeDefined();
      expect({ id: o!.id, name: o!.name, created: o!.created, modified: o!.modified, by: o!.created_by_ref }).toEqual({
        id: t.stixId,
        name: t.name,
        created: t.created,
        modified: t.modified,
        by: DISARM_IDENTITY.stixId,
      });
    }
    const identity = objects.find((x) => x.id === DISARM_IDENTITY.stixId);
    expect(identity).toMatchObject({ type: 'identity', name: DISARM_IDENTITY.name, created: DISARM_IDENTITY.created, modified: DISARM_IDENTITY.modified });
    expect(existsSync(join(disarm!, '..'))).toBe(true);
  });
});
