import { readFileSync } from 'node:fs';

/**
 * DISARM techniques that Narrascope exports, and which persuasion techniques point to them.
 *
 * `disarm-techniques.json` holds only the ids, names, STIX ids and version timestamps of the DISARM v1.6
 * techniques we reference, and of the DISARM Foundation identity (derived from DISARM.json; DISARM is CC BY-SA 4.0, attribution DISARM Foundation). The
 * mapping below is Narrascope's own judgement of which DISARM technique a text-level persuasion technique
 * can serve; it is deliberately sparse (a technique with no clear counterpart maps to nothing) and is
 * documented in docs/exports.md. A mapping says "this device can serve that technique", never "this
 * document is an influence operation".
 */
export interface DisarmTechnique {
  readonly externalId: string;
  readonly name: string;
  readonly stixId: string;
  readonly phase: string;
  /** DISARM's own version of the object (its created / modified), which an export must not claim to update. */
  readonly created: string;
  readonly modified: string;
}

/** The DISARM Foundation identity that created DISARM's STIX objects (their `created_by_ref`). */
export interface DisarmIdentity {
  readonly stixId: string;
  readonly name: string;
  readonly created: string;
  readonly modified: string;
}

interface DisarmFile {
  readonly source: string;
  readonly licence: string;
  readonly identity: DisarmIdentity;
  readonly techniques: readonly DisarmTechnique[];
}

const file = JSON.parse(
  readFileSync(new URL('./disarm-techniques.json', import.meta.url), 'utf8'),
) as DisarmFile;

export const DISARM_SOURCE = file.source;
export const DISARM_LICENCE = file.licence;
export const DISARM_IDENTITY: DisarmIdentity = file.identity;
export const DISARM_TECHNIQUES: ReadonlyMap<string, DisarmTechnique> = new Map(
  file.techniques.map((t) => [t.externalId, t]),
);

/** SemEval-2023 persuasion technique → DISARM technique ids. */
export const TECHNIQUE_TO_DISARM: Readonly<Record<string, readonly string[]>> = {
  'Name_Calling-Labeling': ['T0066'],
  Questioning_the_Reputation: ['T0066'],
  Guilt_by_Association: ['T0066'],
  Doubt: ['T0075'],
  'Appeal_to_Fear-Prejudice': ['T0078'],
  'Exaggeration-Minimisation': ['T0023'],
  Causal_Oversimplification: ['T0076'],
  'False_Dilemma-No_Choice': ['T0076'],
  Whataboutism: ['T0077'],
  Red_Herring: ['T0077'],
  Straw_Man: ['T0077'],
  Flag_Waving: ['T0136'],
};

/** DISARM techniques for a technique label, with or without a taxonomy prefix (`semeval2023:Doubt`). */
export function disarmFor(technique: string): DisarmTechnique[] {
  const label = technique.includes(':') ? technique.slice(technique.lastIndexOf(':') + 1) : technique;
  // An own property only: a results file's technique "constructor" or "__proto__" read Object's members
  // (no list), and the whole STIX export failed with an internal error.
  return (Object.hasOwn(TECHNIQUE_TO_DISARM, label) ? (TECHNIQUE_TO_DISARM[label] as readonly string[]) : [])
    .map((id) => DISARM_TECHNIQUES.get(id))
    .filter((t): t is DisarmTechnique => !!t);
}
