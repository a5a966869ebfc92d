import pc from 'picocolors';
import type { Finding } from '../../core/finding/types.js';
import type { AnalysisResult, LedgerItem } from '../../core/result/types.js';
import type { SpanText } from '../../core/text/span.js';
import { LineIndex } from '../../core/text/line-index.js';
import { stripControls } from './escape.js';
import { headOf } from './head.js';
import { legendLabel } from './palette.js';

export interface StylishOptions {
  readonly color?: boolean;
  /** Terminal width used to clip long quotes. */
  readonly width?: number;
  /** Show every finding (default: structure findings are summarised, not listed). */
  readonly verbose?: boolean;
}

type Paint = (s: string) => string;
interface Painter {
  bold: Paint;
  dim: Paint;
  cyan: Paint;
  yellow: Paint;
  green: Paint;
  magenta: Paint;
  underline: Paint;
}

/**
 * The default terminal report: one block per document, grouped by section (ledger, techniques, claims,
 * narratives, entities, other observations), with line:col positions. Document text is stripped of control
 * characters before printing so a hostile text cannot drive the terminal.
 */
export function formatStylish(results: readonly AnalysisResult[], options: StylishOptions = {}): string {
  const c = painter(options.color ?? false);
  const width = Math.max(60, Math.min(options.width ?? 100, 160));
  const out: string[] = [];
  for (const r of results) out.push(documentReport(r, c, width, options.verbose ?? false));
  if (results.length > 1) {
    const findings = results.reduce((n, r) => n + r.findings.length, 0);
    const items = results.reduce((n, r) => n + r.rebuttals.length, 0);
    out.push(c.bold(`${results.length} documents: ${items} ledger items, ${findings} findings`));
  }
  return out.join('\n\n') + '\n';
}

function painter(color: boolean): Painter {
  const p = pc.createColors(color);
  return { bold: p.bold, dim: p.dim, cyan: p.cyan, yellow: p.yellow, green: p.green, magenta: p.magenta, underline: p.underline };
}

function clip(text: string, max: number): string {
  const flat = stripControls(text.replace(/\s+/gu, ' ').trim());
  return flat.length > max ? `${headOf(flat, max - 1)}…` : flat;
}

function documentReport(r: AnalysisResult, c: Painter, width: number, verbose: boolean): string {
  const lines: string[] = [];
  const text = r.document.text ?? '';
  const index = new LineIndex(text);
  const at = (s: { start: number }): string => {
    const p = index.position(s.start);
    return `${p.line}:${p.column}`;
  };
  // A blank title or address names nothing: the heading line was empty, or the title line showed “”.
  const title = r.document.title?.trim() ? r.document.title : null;
  const where = (r.document.source.uri?.trim() ? r.document.source.uri : null) ?? title ?? `document ${r.document.id} (no file name or title)`;
  lines.push(c.underline(c.bold(clip(where, width))));
  const langConf = r.document.languageConfidence === null ? '' : ` (${Math.round(r.document.languageConfidence * 100)}%)`;
  lines.push(c.dim(`${title ? `“${clip(title, width - 20)}” · ` : ''}language ${r.document.language}${langConf} · ${r.techniques.words} ${r.techniques.words === 1 ? 'word' : 'words'} · ${r.stats.totalMs.toFixed(0)} ms`));

  lines.push('', c.bold(`Rebuttal ledger — ${r.rebuttalSummary.text}`));
  if (r.rebuttals.length === 0) lines.push(c.dim('  (no countered claims recognised)'));
  for (const item of r.rebuttals) lines.push(...ledgerItem(item, c, width, at));
  if (r.rebuttals.some((i) => i.attributionScope === 'document')) lines.push(c.dim('  * attribution stated once for the whole document'));

  const byFamily = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const list = byFamily.get(f.family) ?? [];
    list.push(f);
    byFamily.set(f.family, list);
  }
  const techniqueFindings = byFamily.get('technique') ?? [];
  lines.push('', c.bold(`Persuasion techniques — ${techniqueFindings.length} span${techniqueFindings.length === 1 ? '' : 's'}`));
  if (r.techniques.profile.length > 0) {
    lines.push(
      '  ' +
        r.techniques.profile
          .slice(0, 8)
          .map((p) => `${p.technique} ${p.count} (${p.density.toFixed(1)}/1k words)`)
          .join(c.dim(' · ')),
    );
  }
  for (const f of techniqueFindings) lines.push(findingLine(f, c, width, at));
  if (techniqueFindings.length === 0) lines.push(c.dim('  (none found)'));

  lines.push('', c.bold(`Claims — ${r.claims.length}`));
  for (const claim of r.claims.slice(0, verbose ? r.claims.length : 10)) {
    const speaker = claim.speaker ? ` · speaker “${clip(claim.speaker.text, 40)}”` : '';
    lines.push(
      `  ${c.dim(at(claim.span).padEnd(8))}${c.cyan(claim.type.padEnd(10))} ${clip(claim.span.text, width - 40)}`,
      `  ${' '.repeat(8)}${c.dim(`check-worthiness ${claim.checkWorthiness.toFixed(2)} · ${claim.hasSource ? 'source given' : 'no source given'}${speaker}`)}`,
    );
  }
  if (r.claims.length > 10 && !verbose) lines.push(c.dim(`  … ${r.claims.length - 10} more (use --format json or html for all)`));

  lines.push('', c.bold(`Narratives — ${r.narratives.length}`));
  for (const n of r.narratives) {
    lines.push(`  ${c.magenta(n.score.toFixed(2))} ${n.label} ${c.dim(`[${n.taxonomy}, ${n.level}${n.paragraphs.length ? `, paragraphs ${n.paragraphs.slice(0, 6).map((p) => p + 1).join(',')}` : ''}]`)}`);
  }

  lines.push('', c.bold(`Entities and roles — ${r.entities.length}`));
  // Entities the text casts in a role come first (most mentioned first): those are what an analyst reads
  // this section for, and the short list must not hide them behind role-less mentions.
  const entities = [...r.entities].sort((a, b) => Number(b.mainRole !== null) - Number(a.mainRole !== null) || b.mentions.length - a.mentions.length);
  for (const e of entities.slice(0, verbose ? entities.length : 12)) {
    const role = e.mainRole ? `${c.yellow(e.mainRole)}${e.fineRoles.length ? ` (${e.fineRoles.join(', ')})` : ''}` : c.dim('no role');
    lines.push(`  ${clip(e.name, 40).padEnd(30)} ${c.dim(e.type.padEnd(12))} ${role} ${c.dim(`× ${e.mentions.length}`)}`);
  }
  if (entities.length > 12 && !verbose) lines.push(c.dim(`  … ${entities.length - 12} more (use --verbose, --format json or html for all)`));

  const others = [...byFamily.entries()].filter(([family]) => family !== 'technique' && (verbose || family !== 'structure'));
  const otherCount = others.reduce((n, [, l]) => n + l.length, 0);
  lines.push('', c.bold(`Other observations — ${otherCount}`));
  for (const [family, list] of others) {
    for (const f of list) lines.push(findingLine(f, c, width, at, family));
  }
  const structural = byFamily.get('structure')?.length ?? 0;
  if (!verbose && structural) lines.push(c.dim(`  (${structural} structure findings hidden; --verbose lists them)`));

  if (r.warnings.length) {
    lines.push('', c.bold(c.yellow(`Warnings — ${r.warnings.length}`)));
    for (const w of r.warnings) lines.push(`  ${c.yellow('!')} ${clip(w, width * 2)}`);
  }
  return lines.join('\n');
}

function field(label: string, value: SpanText | null, c: Painter, width: number): string {
  return `      ${c.dim(label.padEnd(13))}${value ? clip(value.text, width - 20) : c.dim('—')}`;
}

function ledgerItem(item: LedgerItem, c: Painter, width: number, at: (s: { start: number }) => string): string[] {
  const head = `  ${c.dim(at(item.span).padEnd(8))}${c.bold(item.index !== null ? `${item.id} #${item.index}` : item.id)} ${c.dim(item.format)}${item.partial ? c.yellow(' partial') : ''}${item.flags.length ? c.dim(` [${item.flags.join(', ')}]`) : ''}`;
  const verdict = item.verdict ? `${item.verdict.label} (“${clip(item.verdict.original.text, 30)}”)` : null;
  return [
    head,
    field('claim', item.claim, c, width),
    field(`attributed${item.attributionScope === 'document' ? '*' : ''}`, item.attributedTo, c, width),
    field('motive', item.motive, c, width),
    field('rebuttal', item.rebuttal, c, width),
    `      ${c.dim('verdict'.padEnd(13))}${verdict ?? c.dim('—')}`,
    `      ${c.dim('evidence'.padEnd(13))}${item.evidenceSummary}`,
  ];
}

function findingLine(f: Finding, c: Painter, width: number, at: (s: { start: number }) => string, family?: string): string {
  const label = family ? f.detector : legendLabel(f);
  const sev = f.severity === 'warning' ? c.yellow('warning') : c.cyan('info   ');
  return `  ${c.dim(at(f.span).padEnd(8))}${sev} ${c.bold(label)} ${c.dim(`${Math.round(f.confidence * 100)}%`)} “${clip(f.span.text, Math.max(20, width - 60))}” ${c.dim('— ' + clip(f.message, 80))}`;
}
