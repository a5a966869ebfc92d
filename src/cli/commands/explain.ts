import pc from 'picocolors';
import { builtinRegistry } from '../../analyzer.js';
import type { AggregatorMeta } from '../../core/aggregate/types.js';
import type { DetectorMeta } from '../../core/detect/types.js';
import { parseMarkers } from '../../testing/markers.js';
import { str } from '../analyze/flags.js';
import { writeOutput } from '../analyze/output.js';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { summarise } from './detectors.js';

export const explainCommand: CliCommand = {
  name: 'explain',
  usage: `Usage: narrascope explain <detector-or-aggregator-id> [--json] [--color | --no-color] [--out FILE]

Prints a detector's description, taxonomy mapping, messages, options with their defaults, the examples it
is tested on (the part it marks is underlined on a terminal, or shown as [[...]] otherwise) and its known
limits. \`narrascope detectors\` lists the ids. Aggregator ids (e.g. the ledger's, whose findings appear in
reports) are explained too: what they produce, their messages and options.`,
  options: {
    json: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const [id, ...extra] = args.positionals;
    if (!id) throw new UserError('no detector id given', 'Run `narrascope detectors` for the list of ids.');
    if (extra.length > 0)
      throw new UserError(`explain takes one detector id, got ${args.positionals.length}`);
    const registry = builtinRegistry();
    const detector = registry.detector(id);
    const aggregator = detector ? undefined : registry.aggregator(id);
    if (aggregator) {
      // Aggregators emit findings too (document-level observations), so their ids appear in reports.
      const content =
        args.values.json === true
          ? JSON.stringify(aggregator.meta, null, 2) + '\n'
          : explainAggregatorText(aggregator.meta);
      await writeOutput(content, str(args, 'out'), io.stdout, io.cwd);
      return 0;
    }
    if (!detector) {
      // A family or a pattern (`technique`, `technique/*`, as --detectors takes) names no one detector.
      const family = id.replace(/\/\*?$/u, '');
      if (registry.detectors.some((d) => d.meta.family === family))
        throw new UserError(`"${id}" is a family of detectors, not one detector`, `List it with: narrascope detectors --family ${family}`);
      const close = suggest(id, [
        ...registry.detectors.map((d) => d.meta.id),
        ...registry.aggregators.map((a) => a.meta.id),
      ]);
      throw new UserError(
        `unknown detector "${id}"`,
        close.length > 0
          ? `Did you mean ${close.map((c) => `"${c}"`).join(' or ')}? Run \`narrascope detectors\` for the list.`
          : 'Run `narrascope detectors` for the list of ids.',
      );
    }
    const color =
      args.values['no-color'] === true
        ? false
        : args.values.color === true ||
          (io.stdout.isTTY === true && !io.env.NO_COLOR && str(args, 'out') === undefined);
    const content =
      args.values.json === true
        ? JSON.stringify(detector.meta, null, 2) + '\n'
        : explainText(detector.meta, color);
    await writeOutput(content, str(args, 'out'), io.stdout, io.cwd);
    return 0;
  },
};

/** The readable page `explain` prints. */
export function explainText(meta: DetectorMeta, color = false): string {
  const c = pc.createColors(color);
  const s = summarise(meta);
  const out: string[] = [];
  out.push(
    `${c.bold(meta.id)}  ${c.dim(`v${meta.version} · ${meta.family} · ${meta.cost} · ${meta.stability} · ${s.defaultOn ? 'on by default' : 'off by default'}`)}`,
  );
  if (meta.replacedBy) out.push(c.yellow(`Removed: use ${meta.replacedBy} instead.`));
  out.push('', meta.description);
  out.push('', c.bold('Languages: ') + (meta.languages === 'any' ? 'any' : meta.languages.join(', ')));
  out.push(
    c.bold('Presets:   ') +
      (s.presets.length ? s.presets.join(', ') : '(none: turn it on with --rule or --detectors)'),
  );
  out.push(c.bold('Taxonomy:  ') + (meta.taxonomy.length ? meta.taxonomy.join(', ') : '(none)'));
  if (meta.yieldsTo?.length) out.push(c.bold('Yields to: ') + `${meta.yieldsTo.join(', ')} (its findings inside theirs are dropped; those that start or end on theirs are cut back)`);
  out.push('', c.bold('Messages'));
  for (const [mid, template] of Object.entries(meta.messages)) out.push(`  ${mid}: ${template}`);
  const options = Object.entries(meta.options ?? {});
  out.push('', c.bold('Options'));
  if (options.length === 0) out.push('  (none)');
  for (const [name, spec] of options) {
    const bounds = [
      spec.min !== undefined ? `min ${spec.min}` : '',
      spec.max !== undefined ? `max ${spec.max}` : '',
      spec.enum ? `one of ${spec.enum.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `  ${name} (${spec.type}, default ${JSON.stringify(spec.default)}${bounds ? `; ${bounds}` : ''})`,
    );
    out.push(`      ${spec.description}`);
  }
  const mark = (marked: string): string => {
    const { text, spans } = parseMarkers(marked);
    // Rebuild from the clean text so nested or adjacent spans render consistently.
    let result = '';
    let last = 0;
    for (const span of spans) {
      if (span.start < last) continue;
      result +=
        text.slice(last, span.start) +
        (color
          ? c.underline(c.yellow(text.slice(span.start, span.end)))
          : `[[${text.slice(span.start, span.end)}]]`);
      last = span.end;
    }
    return indent(result + text.slice(last));
  };
  out.push('', c.bold('Examples that must be reported'));
  if (meta.examples.invalid.length === 0) out.push('  (none)');
  for (const ex of meta.examples.invalid) {
    const data = ex.data && Object.keys(ex.data).length ? ` ${JSON.stringify(ex.data)}` : '';
    const opts = ex.options ? ` with options ${JSON.stringify(ex.options)}` : '';
    out.push(
      `  ${c.green('✗')} ${mark(ex.text)}`,
      `    ${c.dim(`→ ${ex.messageId}${data}${opts}${ex.language && ex.language !== 'en' ? ` (language ${ex.language})` : ''}`)}`,
    );
  }
  out.push('', c.bold('Examples that must not be reported'));
  if (meta.examples.valid.length === 0) out.push('  (none)');
  for (const ex of meta.examples.valid) out.push(`  ${c.green('✓')} ${indent(ex)}`);
  if (meta.docs?.category) out.push('', c.bold('Category: ') + meta.docs.category);
  if (meta.docs?.limits) out.push('', c.bold('Known limits'), `  ${indent(meta.docs.limits, 2)}`);
  if (meta.docs?.references?.length)
    out.push('', c.bold('References'), ...meta.docs.references.map((r) => `  - ${r}`));
  return out.join('\n') + '\n';
}

/** The page for an aggregator: what it produces, the messages of findings it emits, its options. */
export function explainAggregatorText(meta: AggregatorMeta): string {
  const out: string[] = [
    `${meta.id}  v${meta.version} · aggregator · produces ${meta.produces.join(', ')}`,
    '',
    meta.description,
  ];
  if (meta.taxonomy?.length) out.push('', `Taxonomy:  ${meta.taxonomy.join(', ')}`);
  const messages = Object.entries(meta.messages ?? {});
  if (messages.length > 0)
    out.push('', 'Messages', ...messages.map(([mid, template]) => `  ${mid}: ${template}`));
  out.push('', 'Options');
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) out.push('  (none)');
  for (const [name, spec] of options)
    out.push(
      `  ${name} (${spec.type}, default ${JSON.stringify(spec.default)})`,
      `      ${spec.description}`,
    );
  out.push('', 'Turn it off with a config file: {"aggregators": {"' + meta.id + '": "off"}}');
  return out.join('\n') + '\n';
}

function indent(text: string, by = 4): string {
  return text.replace(/\r?\n/gu, `\n${' '.repeat(by)}`);
}

/** Ids close to a misspelt one: same name in another family, a substring match, or a small edit distance. */
export function suggest(wanted: string, ids: readonly string[]): string[] {
  const w = wanted.toLowerCase();
  const name = w.split('/').pop() ?? w;
  const scored = ids.map((id) => {
    const idName = id.split('/').pop() ?? id;
    const d = Math.min(distance(w, id), distance(name, idName) + 1);
    const bonus = idName.includes(name) || (name.length >= 4 && id.includes(name)) ? -2 : 0;
    return { id, score: d + bonus };
  });
  const limit = Math.max(2, Math.floor(w.length / 3));
  return scored
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.id);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(
        (prev[j] as number) + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}
