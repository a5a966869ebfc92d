/** Roles in increasing power; each includes the ones before it. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a route needs: `public` (anyone, always: health, the API description, the web app), `read` (a viewer
 * token, or nobody when anonymous reads are enabled), or a role.
 */
export type Access = 'public' | 'read' | Role;

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling: a token's holder, or an anonymous reader. */
export interface Principal {
  readonly kind: 'token' | 'anonymous';
  /** Token id (not the secret), or null. */
  readonly tokenId: string | null;
  readonly name: string;
  readonly role: Role | null;
}
