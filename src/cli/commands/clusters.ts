import { computeNearDuplicates, computeSameClaims, listClusters, type ClusterKind } from '../../corpus/clusters.js';
import { headOf } from '../../export/format/head.js';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { DB_HELP, withStore } from '../store-command.js';
import { terminalText } from '../terminal-text.js';
import { countOption } from './count-option.js';

/** `narrascope clusters`: near-duplicate / republication clusters and same-claim clusters. */
export const clustersCommand: CliCommand = {
  name: 'clusters',
  usage: `Usage: narrascope clusters [options]

Recomputes the clusters of the corpus (unless --no-compute) and lists the largest.
  near-duplicate  documents sharing most of their word 3-shingles (MinHash + LSH, Jaccard ≳ 0.7):
                  one text republished across sites, edited or with other boilerplate
  same-claim      claims (extracted, ledger, or short documents) with the same content words (Jaccard ≳ 0.6)

Options:
  ${DB_HELP}
  --kind K         near-duplicate | same-claim | both (default both)
  --min-outlets N  only clusters spanning at least N named outlets (default 0: documents
                   without an outlet, such as a folder of files, cluster too)
  --min-size N     only clusters with at least N members (default 2)
  --limit N        clusters listed per kind (default 20)
  --no-compute     list the stored clusters without recomputing
  --json           machine-readable output`,
  options: {
    db: { type: 'string' },
    kind: { type: 'string' },
    'min-outlets': { type: 'string' },
    'min-size': { type: 'string' },
    limit: { type: 'string' },
    'no-compute': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) throw new UserError(`unexpected argument "${args.positionals[0]}"`, 'clusters takes options only; run `narrascope clusters --help`.');
    const kindArg = typeof args.values.kind === 'string' ? args.values.kind : 'both';
    if (!['near-duplicate', 'same-claim', 'both'].includes(kindArg)) throw new UserError(`--kind must be near-duplicate, same-claim or both, got "${kindArg}"`);
    const kinds: ClusterKind[] = kindArg === 'both' ? ['near-duplicate', 'same-claim'] : [kindArg as ClusterKind];
    // 0: a folder of files names no outlet, and its republished texts are clusters too (1 listed "none").
    const minOutlets = countOption(args, 'min-outlets', 0);
    const minSize = countOption(args, 'min-size', 2);
    // --limit 0 listed "none" under each kind, as if the corpus held no cluster.
    const limit = countOption(args, 'limit', 20, 1);
    const result = await withStore(args, io, false, async (store) => {
      const out = [];
      for (const kind of kinds) {
        const computed = args.values['no-compute'] ? null : kind === 'near-duplicate' ? await computeNearDuplicates(store) : await computeSameClaims(store);
        out.push({ kind, computed, clusters: await listClusters(store, kind, { limit, minSize, minOutlets }) });
      }
      return out;
    });
    if (args.values.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return ExitCode.ok;
    }
    const lines: string[] = [];
    for (const r of result) {
      lines.push(`== ${r.kind} clusters${r.computed ? ` (${r.computed.clusters} from ${r.computed.items} items in ${(r.computed.elapsedMs / 1000).toFixed(1)} s)` : ''}`);
      if (!r.clusters.length) lines.push('  none');
      for (const c of r.clusters) {
        lines.push('', `#${c.id}  ${c.size} members, ${c.outlets.length} outlets, ${c.firstSeen ?? '?'} → ${c.lastSeen ?? '?'}`, `  ${headOf(c.label, 160)}`);
        lines.push(`  outlets: ${c.outlets.length ? c.outlets.slice(0, 8).map((o) => `${o.outlet} (${o.count})`).join(', ') : '(none named)'}`);
        lines.push(`  spread: ${c.spread.slice(0, 12).map((w) => `${w.week}: ${w.count}`).join(', ')}${c.spread.length > 12 ? ', ...' : ''}`);
        for (const m of c.members.slice(0, 5)) lines.push(`    ${m.date ?? '(no date)'}  ${m.outlet ?? '(no outlet)'}  ${m.documentHash.slice(0, 12)}  ${headOf(m.text ?? m.title ?? '', 90)}`);
        if (c.members.length > 5) lines.push(`    ... ${c.members.length - 5} more`);
      }
      lines.push('');
    }
    io.stdout.write(terminalText(lines.join('\n')));
    return ExitCode.ok;
  },
};
