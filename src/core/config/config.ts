import { createHash } from 'node:crypto';
import type { Aggregator } from '../aggregate/types.js';
import type { Registry } from '../detect/registry.js';
import type { Detector, DetectorMeta } from '../detect/types.js';
import { configShapeProblems } from './check-config.js';
import { OptionsError, resolveOptions, type OptionValues } from './options.js';

/** User-facing configuration: a preset plus per-component switches and options. */
export interface NarrascopeConfig {
  /** Named preset; default `default`. */
  readonly preset?: string;
  /** Explicit selection: ids, `family/*` globs; replaces the preset's choice when given. */
  readonly detectors?: readonly string[];
  /** Per-detector settings: `off`, `on`, or options (which also turn it on). */
  readonly rules?: Readonly<Record<string, 'off' | 'on' | Readonly<Record<string, unknown>>>>;
  /** Options for aggregators, by id; `off` disables one. */
  readonly aggregators?: Readonly<Record<string, 'off' | Readonly<Record<string, unknown>>>>;
  /** Findings below this confidence are dropped (per detector thresholds come from the detector's options). */
  readonly minConfidence?: number;
  /** Milliseconds a detector may take on one document before it is abandoned. */
  readonly timeoutMs?: number;
}

export interface ResolvedConfig {
  readonly detectors: readonly { readonly detector: Detector; readonly options: OptionValues }[];
  readonly aggregators: readonly { readonly aggregator: Aggregator; readonly options: OptionValues }[];
  readonly minConfidence: number;
  readonly timeoutMs: number;
  readonly hash: string;
}

export interface Preset {
  readonly name: string;
  readonly description: string;
  readonly includes: (meta: DetectorMeta) => boolean;
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'default',
    description: 'stable detectors that are on by default',
    includes: (m) => m.stability === 'stable' && m.defaultEnabled !== false,
  },
  {
    name: 'all',
    description: 'every detector, experimental ones included',
    includes: (m) => m.stability !== 'deprecated',
  },
  {
    name: 'fast',
    description: 'cheap rule-based detectors only (no models)',
    includes: (m) => m.cost === 'cheap' && m.stability === 'stable' && m.defaultEnabled !== false,
  },
  {
    name: 'ledger',
    description: 'what the rebuttal ledger needs: structure, ledger and evidence detectors',
    includes: (m) => ['structure', 'ledger', 'evidence'].includes(m.family),
  },
  {
    name: 'techniques',
    description: 'persuasion-technique detectors and the structure they rest on',
    includes: (m) => ['structure', 'technique'].includes(m.family),
  },
];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function matches(pattern: string, id: string): boolean {
  if (pattern.endsWith('/*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

/** Resolves a config against a registry; every unknown id, preset or option is a ConfigError. */
export function resolveConfig(registry: Registry, config: NarrascopeConfig = {}): ResolvedConfig {
  const problems = configShapeProblems(config);
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  const all = registry.detectors;
  const presetName = config.preset ?? 'default';
  const preset = PRESETS.find((p) => p.name === presetName);
  if (!preset)
    throw new ConfigError(
      `unknown preset "${presetName}"; presets: ${PRESETS.map((p) => p.name).join(', ')}`,
    );
  let selected: Set<string>;
  if (config.detectors && config.detectors.length > 0) {
    selected = new Set();
    for (const pattern of config.detectors) {
      const hits = all.filter((d) => matches(pattern, d.meta.id));
      if (hits.length === 0)
        throw new ConfigError(`no detector matches "${pattern}"; run \`narrascope detectors\` for the list`);
      for (const d of hits) selected.add(d.meta.id);
    }
  } else {
    selected = new Set(all.filter((d) => preset.includes(d.meta)).map((d) => d.meta.id));
  }
  const optionsById = new Map<string, Readonly<Record<string, unknown>>>();
  for (const [id, rule] of Object.entries(config.rules ?? {})) {
    if (!registry.detector(id)) throw new ConfigError(`rules: unknown detector "${id}"`);
    if (rule === 'off') selected.delete(id);
    else {
      selected.add(id);
      if (rule !== 'on') optionsById.set(id, rule);
    }
  }
  try {
    const detectors = all
      .filter((d) => selected.has(d.meta.id))
      .map((detector) => ({
        detector,
        options: resolveOptions(detector.meta.id, detector.meta.options, optionsById.get(detector.meta.id)),
      }));
    const aggConfig = config.aggregators ?? {};
    for (const id of Object.keys(aggConfig)) {
      if (!registry.aggregator(id)) throw new ConfigError(`aggregators: unknown aggregator "${id}"`);
    }
    const aggregators = registry.aggregators
      .filter((a) => aggConfig[a.meta.id] !== 'off')
      .map((aggregator) => {
        const given = aggConfig[aggregator.meta.id];
        return {
          aggregator,
          options: resolveOptions(aggregator.meta.id, aggregator.meta.options, given === 'off' ? {} : given),
        };
      });
    const minConfidence = config.minConfidence ?? 0;
    const timeoutMs = config.timeoutMs ?? 10_000;
    const hash = createHash('sha256')
      .update(
        JSON.stringify({
          d: detectors.map((d) => [d.detector.meta.id, d.detector.meta.version, d.options]),
          a: aggregators.map((a) => [a.aggregator.meta.id, a.aggregator.meta.version, a.options]),
          minConfidence,
        }),
      )
      .digest('hex')
      .slice(0, 16);
    return { detectors, aggregators, minConfidence, timeoutMs, hash };
  } catch (e) {
    if (e instanceof OptionsError) throw new ConfigError(e.message);
    throw e;
  }
}
