/**
 * Cue words for the roles a text can cast an entity in (SemEval-2025 Task 10 subtask 1: three main roles,
 * 22 fine roles). Our own lists, written from the role definitions, not fitted to any data set: they give
 * the role classifier readable features ("the entity is the subject of an attack verb") and let the
 * framing output point at the words that support a role. Lemmas, lower case.
 */

export const MAIN_ROLES = ['Protagonist', 'Antagonist', 'Innocent'] as const;
export type MainRole = (typeof MAIN_ROLES)[number];

/** The fine roles of each main role, in the task's order. */
export const FINE_ROLES: Readonly<Record<MainRole, readonly string[]>> = {
  Protagonist: ['Guardian', 'Martyr', 'Peacemaker', 'Rebel', 'Underdog', 'Virtuous'],
  Antagonist: ['Instigator', 'Conspirator', 'Tyrant', 'Foreign Adversary', 'Traitor', 'Spy', 'Saboteur', 'Corrupt', 'Incompetent', 'Terrorist', 'Deceiver', 'Bigot'],
  Innocent: ['Forgotten', 'Exploited', 'Victim', 'Scapegoat'],
};

export const ALL_FINE_ROLES: readonly string[] = MAIN_ROLES.flatMap((m) => FINE_ROLES[m]);

export function mainRoleOf(fine: string): MainRole | null {
  for (const m of MAIN_ROLES) if (FINE_ROLES[m].includes(fine)) return m;
  return null;
}

/** Cue lemmas per fine role, plus three broad groups (attack, praise, suffering). */
export const ROLE_CUES: Readonly<Record<string, readonly string[]>> = {
  Instigator: ['provoke', 'provocation', 'instigate', 'incite', 'escalate', 'escalation', 'trigger', 'aggression', 'aggressor', 'invade', 'invasion', 'warmonger', 'fuel', 'unleash', 'stoke', 'start', 'launch', 'expand', 'expansion', 'drag'],
  Conspirator: ['plot', 'scheme', 'conspire', 'conspiracy', 'secret', 'secretly', 'agenda', 'globalist', 'elite', 'cabal', 'orchestrate', 'collude', 'collusion', 'hidden', 'coup', 'behind', 'puppet', 'mastermind', 'covert', 'engineer'],
  Tyrant: ['dictator', 'dictatorship', 'regime', 'authoritarian', 'oppress', 'oppression', 'repress', 'repression', 'tyranny', 'tyrant', 'censor', 'censorship', 'crackdown', 'crush', 'autocrat', 'autocratic', 'totalitarian', 'brutal', 'impose', 'force', 'ban', 'jail', 'imprison'],
  'Foreign Adversary': ['enemy', 'adversary', 'hostile', 'threat', 'threaten', 'rival', 'foreign', 'interference', 'meddle', 'meddling', 'confront', 'confrontation', 'opponent', 'aggressive', 'menace', 'attack', 'strike', 'missile', 'military'],
  Traitor: ['betray', 'betrayal', 'traitor', 'treason', 'treacherous', 'sellout', 'defect', 'desert', 'abandon', 'turncoat', 'disloyal'],
  Spy: ['spy', 'espionage', 'infiltrate', 'agent', 'intelligence', 'surveillance', 'mole', 'informant'],
  Saboteur: ['sabotage', 'undermine', 'obstruct', 'disrupt', 'derail', 'wreck', 'block', 'hamper', 'destabilize', 'destabilise', 'subvert', 'subversive', 'hinder', 'veto', 'stall'],
  Corrupt: ['corrupt', 'corruption', 'bribe', 'bribery', 'embezzle', 'embezzlement', 'launder', 'laundering', 'steal', 'greed', 'greedy', 'oligarch', 'fraud', 'enrich', 'kickback', 'profit', 'pocket', 'graft', 'loot', 'scandal', 'money'],
  Incompetent: ['fail', 'failure', 'incompetent', 'incompetence', 'blunder', 'mistake', 'inept', 'mismanage', 'mismanagement', 'clueless', 'hapless', 'unable', 'weak', 'weakness', 'chaos', 'chaotic', 'disaster', 'disastrous', 'foolish', 'naive', 'misguided', 'waste', 'senile', 'confused', 'ineffective', 'poor', 'costly', 'expensive', 'absurd', 'stupid'],
  Terrorist: ['terrorist', 'terror', 'terrorism', 'extremist', 'extremism', 'militant', 'massacre', 'atrocity', 'nazi', 'neo-nazi', 'bomb', 'bombing', 'slaughter', 'murder', 'genocide', 'war crime', 'behead', 'radical', 'jihadist'],
  Deceiver: ['lie', 'liar', 'propaganda', 'disinformation', 'misinformation', 'fake', 'hoax', 'deceive', 'deception', 'mislead', 'misleading', 'false', 'falsely', 'spin', 'manipulate', 'manipulation', 'hypocrite', 'hypocrisy', 'scam', 'exaggerate', 'fearmonger', 'alarmist', 'claim', 'pretend', 'narrative', 'myth', 'distort', 'cover', 'hide', 'fabricate', 'hysteria', 'media', 'discredit', 'misportray', 'misrepresent', 'smear', 'infowar', 'fearmonger'],
  Bigot: ['racist', 'racism', 'bigot', 'bigotry', 'hate', 'hatred', 'discriminate', 'discrimination', 'xenophobic', 'russophobia', 'russophobic', 'intolerant', 'sexist', 'supremacist', 'prejudice', 'chauvinist'],
  Guardian: ['protect', 'protection', 'defend', 'defence', 'defense', 'guard', 'secure', 'security', 'safeguard', 'support', 'help', 'aid', 'save', 'rescue', 'ally', 'guarantee', 'shield', 'assist', 'assistance', 'deliver', 'supply', 'commit', 'pledge', 'restore', 'stability', 'order', 'peacekeeping', 'peacekeeper', 'ensure', 'safety', 'fight', 'stand', 'rescue'],
  Martyr: ['martyr', 'sacrifice', 'fallen', 'hero', 'heroic', 'heroism', 'die', 'perish', 'give', 'brave', 'bravery', 'courage'],
  Peacemaker: ['peace', 'peaceful', 'negotiate', 'negotiation', 'talk', 'ceasefire', 'mediate', 'mediator', 'mediation', 'diplomacy', 'diplomatic', 'dialogue', 'truce', 'broker', 'reconcile', 'de-escalate', 'settlement', 'compromise', 'summit', 'agreement'],
  Rebel: ['resist', 'resistance', 'rebel', 'rebellion', 'defy', 'defiance', 'dissident', 'oppose', 'challenge', 'protest', 'uprising', 'freedom', 'independence', 'revolt', 'sovereignty', 'sovereign'],
  Underdog: ['underdog', 'outnumber', 'outgun', 'despite', 'odds', 'overcome', 'survive', 'small', 'struggle', 'against'],
  Virtuous: ['honest', 'virtuous', 'integrity', 'principled', 'wise', 'wisdom', 'compassion', 'compassionate', 'truth', 'righteous', 'moral', 'admirable', 'praise', 'respect', 'respected', 'responsible', 'humane', 'generous', 'leadership', 'credibility', 'legitimate', 'success', 'successful', 'rightly'],
  Forgotten: ['forget', 'forgotten', 'ignore', 'ignored', 'neglect', 'neglected', 'overlook', 'overlooked', 'abandoned', 'left'],
  Exploited: ['exploit', 'exploitation', 'pawn', 'burden', 'pay', 'bear', 'cost', 'taxpayer', 'consumer', 'price', 'bill', 'use', 'ordinary'],
  Victim: ['victim', 'suffer', 'suffering', 'flee', 'refugee', 'civilian', 'displace', 'starve', 'hardship', 'plight', 'innocent', 'casualty', 'affect', 'poverty', 'vulnerable', 'child', 'people', 'resident', 'victimize', 'victimise', 'die'],
  Scapegoat: ['blame', 'scapegoat', 'unfairly', 'demonize', 'demonise', 'vilify', 'smear', 'accuse', 'accusation', 'persecute', 'target', 'single'],
};

/** Broad evaluative groups used besides the fine-role lists. */
export const GROUP_CUES: Readonly<Record<string, readonly string[]>> = {
  attack: ['attack', 'accuse', 'condemn', 'blame', 'criticize', 'criticise', 'denounce', 'slam', 'lash', 'threaten', 'warn', 'kill', 'destroy', 'bomb', 'invade', 'seize', 'annex', 'occupy', 'shell', 'strike', 'violate', 'sanction', 'punish'],
  praise: ['praise', 'thank', 'welcome', 'applaud', 'commend', 'hail', 'celebrate', 'good', 'great', 'strong', 'best', 'brave', 'win', 'victory', 'successfully', 'right', 'correct', 'reasonable', 'rational'],
  harm: ['kill', 'wound', 'injure', 'shell', 'shelling', 'destroy', 'devastate', 'bomb', 'bombard', 'massacre', 'slaughter', 'torture', 'rape', 'loot', 'hit', 'harm', 'damage', 'murder', 'execute', 'abduct', 'kidnap', 'deport', 'starve'],
  suffer: ['suffer', 'lose', 'loss', 'die', 'dead', 'death', 'hurt', 'pain', 'fear', 'afraid', 'desperate', 'hungry', 'cold', 'poor', 'crisis', 'homeless'],
};

/** lemma → the cue lists it belongs to, built once. */
export const CUE_INDEX: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (lemma: string, cat: string): void => {
    const list = m.get(lemma) ?? [];
    if (!list.includes(cat)) list.push(cat);
    m.set(lemma, list);
  };
  for (const [cat, words] of Object.entries(ROLE_CUES)) for (const w of words) add(w, cat);
  for (const [cat, words] of Object.entries(GROUP_CUES)) for (const w of words) add(w, cat);
  return m;
})();

/**
 * What is done TO an entity, as one feature each (see `patientCues` in role-features.ts): harm (attacked,
 * captured, "the kidnapping of X", "aggression against X") and blame ("accuses X", "pointed their finger
 * at X"). The role lists above spread these words over many categories and parts of speech, each seen a
 * few times in training; one feature per kind learns one weight from all of them. Lemmas and word forms.
 */
export const PATIENT_HARM: ReadonlySet<string> = new Set([
  'attack', 'attacks', 'invade', 'invasion', 'aggression', 'war', 'kill', 'killing', 'maim', 'wound', 'injure', 'shell', 'shelling',
  'bomb', 'bombing', 'bombard', 'strike', 'strikes', 'target', 'capture', 'detain', 'detention', 'arrest', 'kidnap', 'kidnapping',
  'abduct', 'deport', 'deportation', 'persecute', 'persecution', 'torture', 'execute', 'murder', 'massacre', 'slaughter', 'occupy',
  'annex', 'seize', 'destroy', 'threaten', 'oppress', 'repress', 'exploit', 'starve', 'punish', 'jail', 'imprison', 'besiege',
  'assassinate', 'assassination', 'harass', 'intimidate', 'genocide', 'blockade', 'crackdown', 'violence', 'atrocities', 'crimes',
]);

export const PATIENT_BLAME: ReadonlySet<string> = new Set([
  'accuse', 'blame', 'discredit', 'smear', 'demonize', 'demonise', 'vilify', 'slander', 'scapegoat', 'allegation', 'allegations',
  'accusation', 'accusations', 'charge', 'charges', 'finger', 'frame', 'criticize', 'criticise', 'condemn', 'attack',
]);
