import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { entityKey } from './gazetteer.js';
import { findMentions, groupMentions } from './mentions.js';

describe('entityKey', () => {
  it.each([
    ['the US', 'united states', 'country'],
    ["Russia's", 'russia', 'country'],
    ['Kremlin', 'russia', 'country'],
    ['NATO', 'nato', 'organisation'],
    ['Zelensky admin', 'volodymyr zelensky', 'person'],
    ['Kazakhstani civilians', 'kazakhstani civilians', 'group'],
    ['the Ukrainian government', 'ukrainian government', 'organisation'],
    ['Russian', 'russia', 'country'],
    ['BBC', 'bbc', 'media'],
    ['Marta Kowalczyk', 'marta kowalczyk', 'person'],
    // Regions and seas are places, not countries, and unknown ones are not people.
    ['Central Asia', 'central asia', 'place'],
    ['the Black Sea', 'black sea', 'place'],
    ['the Middle East', 'middle east', 'place'],
    ['the Soviet Union', 'soviet union', 'country'],
    ['Eastern Ukraine', 'ukraine', 'country'],
    ['Vellmar Strait', 'vellmar strait', 'place'],
    ['Dornholm Oblast', 'dornholm oblast', 'place'],
  ])('%s → %s (%s)', (surface, key, type) => {
    const k = entityKey(surface);
    expect([k.key, k.type]).toEqual([key, type]);
  });
});

const mentionsOf = (text: string): string[] => findMentions(text, segmentText(text, 'en')).map((m) => `${m.text}|${m.key}|${m.source}`);

describe('findMentions', () => {
  it.each([
    ['Yesterday President Arlen Voss met the EU envoy.', ['President Arlen Voss|arlen voss|title', 'EU|european union|gazetteer']],
    ['The US-led Western Mainstream Media ignored it.', ['US-led Western Mainstream Media|western media|led']],
    ['Prices rose in Brookvale while the Ukrainian government waited.', ['Brookvale|brookvale|capitalised', 'the Ukrainian government|ukrainian government|demonym']],
    // Sentence-initial ordinary words, months and labels are not entities.
    ['Motive: Misportray the mission as a ploy in March.', []],
    ['Truth: Nothing changed.', []],
  ])('%s', (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });

  it('does not run a name across a line break', () => {
    expect(mentionsOf('By Jane Holloway\nSource: Daily Lantern')).toEqual(['Jane Holloway|jane holloway|capitalised', 'Daily Lantern|daily lantern|capitalised']);
  });
});

describe('groupMentions', () => {
  it('joins a surname to the full name, an acronym to its expansion, aliases to their entity', () => {
    const text =
      'The Northern Grain Council (NGC) met Mayor Lena Brandt in Moscow. Then the NGC thanked Brandt. The Kremlin said Russia would pay.';
    const groups = groupMentions(text, findMentions(text, segmentText(text, 'en')));
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g.mentions.map((m) => m.text)]));
    expect(byKey['northern grain council']).toEqual(['Northern Grain Council', 'NGC', 'NGC']);
    expect(byKey['lena brandt']).toEqual(['Mayor Lena Brandt', 'Brandt']);
    expect(byKey.russia).toEqual(['Moscow', 'Kremlin', 'Russia']);
  });

  it('leaves a surname alone when two full names end with it', () => {
    const text = 'Mayor Lena Brandt met Governor Paul Brandt in the city. Later Brandt spoke to reporters.';
    const groups = groupMentions(text, findMentions(text, segmentText(text, 'en')));
    const keys = groups.map((g) => g.key);
    expect(keys).toEqual(expect.arrayContaining(['lena brandt', 'paul brandt', 'brandt']));
  });
});
