/** Inputs that could not be read, analysed or stored: kept with their error so a run can go on. */
import type { Store } from '../open.js';
import { nowIso, type Db } from './rows.js';

export type FailureStage = 'read' | 'analyse' | 'store';

export interface Failure {
  readonly source: string;
  readonly stage: FailureStage;
  readonly hash?: string | null;
  readonly error: string;
}

export async function recordFailure(store: Store, f: Failure): Promise<void> {
  await store.write((trx) => trx.insertInto('failures').values({ source: f.source, stage: f.stage, hash: f.hash ?? null, error: f.error, created_at: nowIso() }).execute());
}

export async function listFailures(db: Db, limit = 100): Promise<(Failure & { createdAt: string })[]> {
  const rows = await db.selectFrom('failures').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ source: r.source, stage: r.stage as FailureStage, hash: r.hash, error: r.error, createdAt: r.created_at }));
}
