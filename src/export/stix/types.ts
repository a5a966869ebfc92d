/** A STIX 2.1 object as plain JSON (property names as the specification spells them). */
export type StixValue = string | number | boolean | null | StixValue[] | { [key: string]: StixValue };
export interface StixObject {
  readonly type: string;
  readonly id: string;
  readonly spec_version?: string;
  readonly [key: string]: StixValue | undefined;
}

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}
