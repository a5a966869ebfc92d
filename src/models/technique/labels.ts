/**
 * The 23 persuasion techniques of SemEval-2023 Task 3, their six categories and their counterpart in the
 * 14-label PTC scheme of SemEval-2020 Task 11. One list used by the model, the detectors, the aggregator
 * and the benchmark adapters, so label spellings live in one place.
 */

export type TechniqueCategory =
  | 'attack on reputation'
  | 'justification'
  | 'simplification'
  | 'distraction'
  | 'call'
  | 'manipulative wording';

export interface TechniqueInfo {
  /** SemEval-2023 label, e.g. `Loaded_Language`. */
  readonly label: string;
  /** kebab-case name used in detector ids: `technique/<slug>`. */
  readonly slug: string;
  readonly category: TechniqueCategory;
  /** The PTC-2020 (14-label) label that covers it, or null where that scheme had no counterpart. */
  readonly ptc2020: string | null;
}

export const TECHNIQUES: readonly TechniqueInfo[] = [
  { label: 'Name_Calling-Labeling', slug: 'name-calling-labeling', category: 'attack on reputation', ptc2020: 'Name_Calling,Labeling' },
  { label: 'Guilt_by_Association', slug: 'guilt-by-association', category: 'attack on reputation', ptc2020: 'Reductio_ad_hitlerum' },
  { label: 'Doubt', slug: 'doubt', category: 'attack on reputation', ptc2020: 'Doubt' },
  { label: 'Appeal_to_Hypocrisy', slug: 'appeal-to-hypocrisy', category: 'attack on reputation', ptc2020: 'Whataboutism,Straw_Men,Red_Herring' },
  { label: 'Questioning_the_Reputation', slug: 'questioning-the-reputation', category: 'attack on reputation', ptc2020: 'Doubt' },
  { label: 'Flag_Waving', slug: 'flag-waving', category: 'justification', ptc2020: 'Flag-Waving' },
  { label: 'Appeal_to_Authority', slug: 'appeal-to-authority', category: 'justification', ptc2020: 'Appeal_to_Authority' },
  { label: 'Appeal_to_Popularity', slug: 'appeal-to-popularity', category: 'justification', ptc2020: 'Bandwagon,Reductio_ad_hitlerum' },
  { label: 'Appeal_to_Values', slug: 'appeal-to-values', category: 'justification', ptc2020: null },
  { label: 'Appeal_to_Fear-Prejudice', slug: 'appeal-to-fear-prejudice', category: 'justification', ptc2020: 'Appeal_to_fear-prejudice' },
  { label: 'Causal_Oversimplification', slug: 'causal-oversimplification', category: 'simplification', ptc2020: 'Causal_Oversimplification' },
  { label: 'False_Dilemma-No_Choice', slug: 'false-dilemma-no-choice', category: 'simplification', ptc2020: 'Black-and-White_Fallacy' },
  { label: 'Consequential_Oversimplification', slug: 'consequential-oversimplification', category: 'simplification', ptc2020: null },
  { label: 'Straw_Man', slug: 'straw-man', category: 'distraction', ptc2020: 'Whataboutism,Straw_Men,Red_Herring' },
  { label: 'Red_Herring', slug: 'red-herring', category: 'distraction', ptc2020: 'Whataboutism,Straw_Men,Red_Herring' },
  { label: 'Whataboutism', slug: 'whataboutism', category: 'distraction', ptc2020: 'Whataboutism,Straw_Men,Red_Herring' },
  { label: 'Slogans', slug: 'slogans', category: 'call', ptc2020: 'Slogans' },
  { label: 'Conversation_Killer', slug: 'conversation-killer', category: 'call', ptc2020: 'Thought-terminating_Cliches' },
  { label: 'Appeal_to_Time', slug: 'appeal-to-time', category: 'call', ptc2020: null },
  { label: 'Loaded_Language', slug: 'loaded-language', category: 'manipulative wording', ptc2020: 'Loaded_Language' },
  { label: 'Obfuscation-Vagueness-Confusion', slug: 'obfuscation-vagueness-confusion', category: 'manipulative wording', ptc2020: null },
  { label: 'Exaggeration-Minimisation', slug: 'exaggeration-minimisation', category: 'manipulative wording', ptc2020: 'Exaggeration,Minimisation' },
  { label: 'Repetition', slug: 'repetition', category: 'manipulative wording', ptc2020: 'Repetition' },
];

export const TECHNIQUE_LABELS: readonly string[] = TECHNIQUES.map((t) => t.label);

const byLabel = new Map(TECHNIQUES.map((t) => [t.label, t]));
export function techniqueInfo(label: string): TechniqueInfo | undefined {
  return byLabel.get(label);
}

/** Taxonomy references for a detector's meta: `semeval2023:<Label>` and, where one exists, `ptc2020:<Label>`. */
export function taxonomyRefs(label: string): string[] {
  const info = byLabel.get(label);
  if (!info) throw new Error(`unknown technique label ${label}`);
  return [`semeval2023:${info.label}`, ...(info.ptc2020 ? [`ptc2020:${info.ptc2020}`] : [])];
}
