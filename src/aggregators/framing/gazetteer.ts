/**
 * Our own gazetteer of actors that information-war texts talk about: countries (with demonyms and the
 * capitals used as metonyms), international organisations, blocs, major media outlets, and titles that
 * introduce leaders ("President X"). The wink model has no person/organisation/place types, so this list
 * plus the patterns in mentions.ts is how entities are found. One line per entity: `Canonical|alias|...`.
 */

/** `place`: a region, sea or city named as a place, not a state ("Central Asia", "the Black Sea", "Mariupol"). */
export type EntityType = 'person' | 'organisation' | 'country' | 'place' | 'group' | 'media' | 'other';

const COUNTRIES = `
Russia|Russian Federation|Russians|Moscow|Kremlin
Ukraine|Ukrainians|Kyiv|Kiev
United States|US|U.S.|USA|U.S.A.|America|Americans|Washington|White House|Pentagon
United Kingdom|UK|U.K.|Britain|Great Britain|British|London|Downing Street
China|Chinese|Beijing|PRC
Kazakhstan|Kazakhstani|Kazakhs|Astana|Nur-Sultan|Almaty
Belarus|Belarusians|Minsk
Germany|Germans|Berlin
France|French|Paris
Poland|Poles|Warsaw
Hungary|Hungarians|Budapest
Italy|Italians|Rome
Spain|Spaniards|Madrid
Turkey|Türkiye|Turks|Ankara
Iran|Iranians|Tehran
Israel|Israelis|Tel Aviv
Palestine|Palestinians|Gaza
Syria|Syrians|Damascus
Iraq|Iraqis|Baghdad
Afghanistan|Afghans|Kabul
India|Indians|New Delhi
Pakistan|Pakistanis|Islamabad
Japan|Japanese|Tokyo
North Korea|DPRK|Pyongyang
South Korea|Seoul
Georgia|Georgians|Tbilisi
Moldova|Moldovans|Chisinau
Armenia|Armenians|Yerevan
Azerbaijan|Azerbaijanis|Baku
Kyrgyzstan|Kyrgyz|Bishkek
Tajikistan|Tajiks|Dushanbe
Uzbekistan|Uzbeks|Tashkent
Lithuania|Lithuanians|Vilnius
Latvia|Latvians|Riga
Estonia|Estonians|Tallinn
Finland|Finns|Helsinki
Sweden|Swedes|Stockholm
Norway|Norwegians|Oslo
Denmark|Danes|Copenhagen
Netherlands|Dutch|The Hague|Amsterdam
Belgium|Belgians
Austria|Austrians|Vienna
Switzerland|Swiss|Geneva
Czech Republic|Czechia|Czechs|Prague
Slovakia|Slovaks|Bratislava
Romania|Romanians|Bucharest
Bulgaria|Bulgarians|Sofia
Serbia|Serbs|Belgrade
Greece|Greeks|Athens
Canada|Canadians|Ottawa
Soviet Union|USSR|Soviets
Australia|Australians|Canberra
Brazil|Brazilians
Mexico|Mexicans
Venezuela|Venezuelans|Caracas
Cuba|Cubans|Havana
South Africa
Saudi Arabia|Saudis|Riyadh
Qatar
Egypt|Egyptians|Cairo
Libya|Libyans
Mali
Niger
`;

/**
 * Places the texts name rather than state actors. Kept short on purpose: each entry here also becomes a
 * mention the role model sees, and a longer list (other regions, seas, frontline cities) lowered the
 * cross-validated main-role accuracy (0.721 → 0.716); multi-word places are typed by PLACE_WORDS below.
 */
const PLACES = `
Crimea|Crimean peninsula
Donbas|Donbass|Donetsk|Luhansk|Lugansk
Central Asia
Europe|Europeans
Africa|Africans
`;

const ORGANISATIONS = `
NATO|North Atlantic Treaty Organization|North Atlantic Alliance|the Alliance
European Union|EU|Brussels|European Commission|European Parliament
United Nations|UN|U.N.|UN Security Council|Security Council|UN General Assembly
Collective Security Treaty Organization|CSTO
Shanghai Cooperation Organisation|SCO
BRICS
G7|G20
World Health Organization|WHO
International Monetary Fund|IMF
World Bank
World Economic Forum|WEF|Davos
OSCE
International Criminal Court|ICC
Intergovernmental Panel on Climate Change|IPCC
Council of Europe
African Union
Wagner Group|Wagner
Azov|Azov Battalion|Azov Regiment
Hamas
Hezbollah
Taliban
ISIS|Islamic State|Daesh
CIA
FBI
MI6
FSB
KGB
SBU
Pentagon
State Department
Congress
Senate
Verkhovna Rada|Rada
Duma|State Duma
Democratic Party|Democrats
Republican Party|Republicans|GOP
Greenpeace
Extinction Rebellion
Just Stop Oil
Gazprom
BlackRock
Pfizer
`;

const MEDIA = `
Western media|mainstream media|Western Mainstream Media|MSM|legacy media
BBC
CNN
Fox News
New York Times|NYT
Washington Post
The Guardian|Guardian
Reuters
Associated Press|AP
Bloomberg
Financial Times
Wall Street Journal|WSJ
Politico
Deutsche Welle|DW
Al Jazeera
RT|Russia Today
Sputnik
TASS
RIA Novosti
Xinhua
Global Times
CGTN
Kyiv Independent
Ukrainska Pravda
Daily Mail
The Telegraph|Telegraph
The Economist
Newsweek
`;

const GROUPS = `
the West|West|Western|Western countries|Western nations|Westerners|collective West
Western elites|elites|globalists|establishment
neo-Nazis|Nazis|nationalists
terrorists|militants|extremists
protesters|demonstrators
civilians|civilian population
refugees
Ukrainian forces|Ukrainian army|Ukrainian military|Armed Forces of Ukraine|AFU
Russian forces|Russian army|Russian military|Russian troops
activists|climate activists
scientists|climate scientists
farmers
taxpayers
oligarchs
`;

/** Titles that introduce a named leader or official ("President Tokayev", "Foreign Minister Lavrov"). */
export const TITLES: readonly string[] = [
  'President', 'Prime Minister', 'PM', 'Chancellor', 'Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister',
  'Secretary', 'Secretary of State', 'Press Secretary', 'Secretary-General', 'Secretary General', 'Senator', 'Governor',
  'General', 'Gen.', 'Admiral', 'Colonel', 'Commander', 'King', 'Queen', 'Prince', 'Pope', 'Ambassador', 'Spokesman',
  'Spokeswoman', 'Spokesperson', 'Mayor', 'Chairman', 'Director', 'Dr.', 'Professor', 'Sen.', 'Rep.', 'Mr.', 'Mrs.', 'Ms.',
];

/** A few leaders known by surname alone in these texts; the pattern `Title Name` catches the rest. */
const PEOPLE = `
Vladimir Putin|Putin
Volodymyr Zelensky|Zelensky|Zelenskyy|Zelenskiy
Joe Biden|Biden
Donald Trump|Trump
Kassym-Jomart Tokayev|Tokayev
Alexander Lukashenko|Lukashenko
Xi Jinping|Xi
Emmanuel Macron|Macron
Olaf Scholz|Scholz
Boris Johnson
Rishi Sunak|Sunak
Keir Starmer|Starmer
Jens Stoltenberg|Stoltenberg
Ursula von der Leyen|von der Leyen
Sergey Lavrov|Sergei Lavrov|Lavrov
Dmitry Peskov|Peskov
Maria Zakharova|Zakharova
Dmitry Medvedev|Medvedev
Sergei Shoigu|Shoigu
Yevgeny Prigozhin|Prigozhin
Andriy Yermak|Yermak
Viktor Orban|Orbán|Orban
Antony Blinken|Blinken
Jen Psaki|Psaki
Hillary Clinton|Clinton
Barack Obama|Obama
Kamala Harris|Harris
Greta Thunberg|Thunberg
Bill Gates|Gates
George Soros|Soros
Al Gore|Gore
Elon Musk|Musk
`;

export interface GazetteerEntry {
  readonly canonical: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
}

function parse(block: string, type: EntityType): GazetteerEntry[] {
  return block
    .trim()
    .split('\n')
    .map((line) => {
      const names = line.split('|').map((s) => s.trim()).filter(Boolean);
      return { canonical: names[0] as string, type, aliases: names };
    });
}

export const GAZETTEER: readonly GazetteerEntry[] = [
  ...parse(COUNTRIES, 'country'),
  ...parse(PLACES, 'place'),
  ...parse(ORGANISATIONS, 'organisation'),
  ...parse(MEDIA, 'media'),
  ...parse(GROUPS, 'group'),
  ...parse(PEOPLE, 'person'),
];

/** Demonym adjectives ("Russian", "Ukrainian") → country, for "Russian-led", "the Ukrainian government". */
export const DEMONYMS: ReadonlyMap<string, string> = new Map([
  ['russian', 'Russia'], ['ukrainian', 'Ukraine'], ['american', 'United States'], ['british', 'United Kingdom'], ['chinese', 'China'],
  ['kazakhstani', 'Kazakhstan'], ['kazakh', 'Kazakhstan'], ['belarusian', 'Belarus'], ['german', 'Germany'], ['french', 'France'],
  ['polish', 'Poland'], ['hungarian', 'Hungary'], ['italian', 'Italy'], ['turkish', 'Turkey'], ['iranian', 'Iran'], ['israeli', 'Israel'],
  ['syrian', 'Syria'], ['georgian', 'Georgia'], ['moldovan', 'Moldova'], ['lithuanian', 'Lithuania'], ['latvian', 'Latvia'],
  ['estonian', 'Estonia'], ['finnish', 'Finland'], ['swedish', 'Sweden'], ['canadian', 'Canada'], ['japanese', 'Japan'],
  ['indian', 'India'], ['european', 'European Union'], ['soviet', 'Soviet Union'],
]);

/** Lower-cased alias → entry. Aliases shared by two entries keep the first (countries win). */
export const ALIAS_INDEX: ReadonlyMap<string, GazetteerEntry> = (() => {
  const m = new Map<string, GazetteerEntry>();
  for (const e of GAZETTEER) for (const a of e.aliases) if (!m.has(a.toLowerCase())) m.set(a.toLowerCase(), e);
  return m;
})();

/**
 * The grouping key of a mention's surface text: possessive and leading article dropped, an alias mapped to
 * its canonical name, lower case ("the US's" → "united states"). Used for coreference-light grouping.
 */
export function entityKey(surface: string): { key: string; type: EntityType; canonical: string } {
  let k = ENTITY_KEYS.get(surface);
  if (!k) {
    k = computeEntityKey(surface);
    if (ENTITY_KEYS.size >= 50_000) ENTITY_KEYS.clear();
    ENTITY_KEYS.set(surface, k);
  }
  return { ...k };
}

/** entityKey by surface: names repeat within a document and across a corpus. */
const ENTITY_KEYS = new Map<string, { key: string; type: EntityType; canonical: string }>();

/**
 * Last words that make an unknown capitalised name a place ("Persian Gulf", "Kerch Strait", "Zaporizhzhia
 * Oblast"), which the two-capitalised-words rule below would otherwise type as a person.
 */
const PLACE_WORDS =
  /^(?:Sea|Ocean|Gulf|Strait|Bay|Peninsula|Island|Islands|River|Lake|Mountains|Valley|Desert|Oblast|Region|Province|Krai|District|County|City|Square|Street|Airport|Port|Bridge|Asia|Europe|Africa|America|East|Balkans|Caucasus)$/u;

function computeEntityKey(surface: string): { key: string; type: EntityType; canonical: string } {
  let s = surface.trim().replace(/[’']s?$/u, '').replace(/[?!.,;:]+$/u, '').trim();
  s = s.replace(/^(?:the)\s+/iu, '');
  const hit = ALIAS_INDEX.get(s.toLowerCase()) ?? ALIAS_INDEX.get(`the ${s.toLowerCase()}`);
  if (hit) return { key: hit.canonical.toLowerCase(), type: hit.type, canonical: hit.canonical };
  const words = s.split(/\s+/u);
  const demonym = DEMONYMS.get((words[0] ?? '').toLowerCase());
  if (demonym && words.length > 1) {
    // "Kazakhstani civilians", "the Ukrainian government": a group or body of its own, not the country.
    const group = /(?:people|civilians|citizens|soldiers|troops|protesters|population|children|families|refugees)$/iu.test(s);
    return { key: s.toLowerCase(), type: group ? 'group' : 'organisation', canonical: s };
  }
  // "Zelensky admin", "the Biden administration": the known name inside decides the group.
  for (const w of words) {
    const part = ALIAS_INDEX.get(w.replace(/[’']s?$/u, '').toLowerCase());
    if (part && (part.type === 'person' || part.type === 'country') && w.length > 2) {
      return { key: part.canonical.toLowerCase(), type: part.type, canonical: part.canonical };
    }
  }
  if (demonym) {
    const country = ALIAS_INDEX.get(demonym.toLowerCase());
    return { key: demonym.toLowerCase(), type: country?.type ?? 'country', canonical: demonym };
  }
  const last = words.at(-1) ?? '';
  const type: EntityType = /^[A-Z]{2,6}$/u.test(s)
    ? 'organisation'
    : /(?:ministry|government|administration|agency|council|party|company|institute|university|commission|army|forces|bank|board|office|service|court|police|committee|foundation|union|organi[sz]ation|association|corporation|group|fund|authority|authorities|regime|navy|military|troops|parliament|militia)$/iu.test(last)
      ? 'organisation'
      : PLACE_WORDS.test(last) && /^[A-Z]/u.test(s)
        ? 'place'
        : /^[A-Z][a-z]+(?:\s[A-Z][a-z'-]+)+$/u.test(s)
          ? 'person'
          : /s$/u.test(last) && /^[a-z]/u.test(s)
            ? 'group'
            : 'other';
  return { key: s.toLowerCase(), type, canonical: s };
}
