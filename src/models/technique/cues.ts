/**
 * Small cue lexicons, written by us, that name what a span leans on (fear words, appeals to experts,
 * absolutes ...). They are features of the trained models and, because each has a readable name, they are
 * also the evidence a person sees ("cue fear: catastrophe"). Matched on lower-cased lemmas and word forms.
 */
export const CUE_WORDS: Readonly<Record<string, readonly string[]>> = {
  fear: ['threat', 'threaten', 'danger', 'dangerous', 'destroy', 'destruction', 'kill', 'killer', 'death', 'deadly', 'die', 'terror', 'terrorist', 'catastrophe', 'catastrophic', 'disaster', 'crisis', 'collapse', 'chaos', 'risk', 'fear', 'afraid', 'warn', 'warning', 'invade', 'invasion', 'flood', 'epidemic', 'plague', 'violence', 'violent', 'attack', 'menace', 'horror', 'nightmare', 'doom', 'ruin', 'slaughter', 'massacre', 'annihilate'],
  doubt: ['allegedly', 'supposedly', 'so-called', 'claim', 'claimed', 'question', 'whether', 'why', 'suspicious', 'doubt', 'apparently', 'hardly', 'really', 'unclear', 'mysterious', 'mystery', 'strange', 'curious', 'coincidence', 'credibility', 'trust', 'believe', 'supposed'],
  authority: ['according', 'expert', 'scientist', 'professor', 'doctor', 'dr', 'official', 'study', 'research', 'researcher', 'report', 'told', 'tell', 'state', 'say', 'insist', 'explain', 'director', 'chief', 'spokesman', 'spokeswoman', 'agency', 'institute', 'university', 'court', 'judge', 'analyst'],
  flag: ['america', 'american', 'americans', 'nation', 'national', 'patriot', 'patriotic', 'country', 'homeland', 'flag', 'sovereignty', 'freedom', 'liberty', 'constitution', 'citizen', 'motherland', 'fatherland', 'heritage', 'western', 'civilization'],
  absolute: ['every', 'all', 'never', 'always', 'everyone', 'everybody', 'nobody', 'nothing', 'completely', 'totally', 'absolutely', 'entire', 'entirely', 'biggest', 'worst', 'greatest', 'best', 'ever', 'huge', 'massive', 'enormous', 'unprecedented', 'incredible', 'literally', 'utterly', 'endless', 'countless', 'whole', 'hundreds', 'thousands', 'millions'],
  minimise: ['just', 'merely', 'only', 'mere', 'simply', 'little', 'minor', 'slight', 'trivial', 'nothing'],
  cause: ['because', 'cause', 'since', 'therefore', 'result', 'blame', 'due', 'lead', 'thanks', 'responsible', 'consequence', 'reason', 'fault'],
  dilemma: ['either', 'or', 'choice', 'option', 'alternative', 'must', 'only', 'unless', 'otherwise'],
  killer: ['period', 'enough', 'end', 'simple', 'whatever', 'done', 'fact', 'obviously', 'clearly', 'course'],
  popularity: ['everyone', 'everybody', 'majority', 'most', 'millions', 'join', 'popular', 'crowd', 'consensus', 'widely', 'many'],
  hypocrisy: ['hypocrite', 'hypocrisy', 'hypocritical', 'double', 'standard', 'yet', 'while', 'same'],
  association: ['nazi', 'hitler', 'communist', 'fascist', 'stalin', 'soviet', 'kkk', 'jihadist', 'islamist', 'marxist', 'socialist', 'extremist', 'radical', 'mob', 'regime', 'dictator', 'totalitarian'],
  insult: ['idiot', 'stupid', 'moron', 'liar', 'crook', 'thug', 'traitor', 'puppet', 'clown', 'fool', 'coward', 'corrupt', 'crooked', 'evil', 'lunatic', 'crazy', 'radical', 'elite', 'globalist', 'leftist', 'propagandist', 'shill'],
  intensity: ['very', 'extremely', 'so', 'too', 'really', 'truly', 'deeply', 'outrageous', 'shocking', 'horrific', 'horrible', 'terrible', 'disgusting', 'disgraceful', 'shameful', 'brutal', 'vicious', 'savage', 'evil', 'insane', 'absurd', 'ridiculous', 'pathetic'],
};

const CUE_OF = new Map<string, string[]>();
for (const [group, words] of Object.entries(CUE_WORDS)) {
  for (const w of words) {
    const list = CUE_OF.get(w) ?? [];
    list.push(group);
    CUE_OF.set(w, list);
  }
}

const NONE: readonly string[] = [];
/** Cue groups a word belongs to (by its normal form or lemma). */
export function cuesOf(normal: string, lemma: string): readonly string[] {
  const a = CUE_OF.get(normal);
  if (normal === lemma) return a ?? NONE;
  const b = CUE_OF.get(lemma);
  if (!a) return b ?? NONE;
  if (!b) return a;
  return [...new Set([...a, ...b])];
}
