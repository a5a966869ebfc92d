/**
 * The line the CLI prints (on stderr) before each schema step applied to an existing store, so that a
 * step that rewrites a large table is not taken for a hang.
 */
import type { OpenStoreOptions } from '../store/open.js';
import type { CliIO } from './command.js';

export function storeUpgradeNotice(io: Pick<CliIO, 'stderr'>): NonNullable<OpenStoreOptions['onUpgrade']> {
  return (step) => {
    io.stderr.write(`narrascope: upgrading the store's schema: ${step.id} (${step.description})${step.cost ? ` — ${step.cost}` : ''}\n`);
  };
}
