import { createRequire } from 'node:module';

/**
 * Places, so that a message naming somewhere outside the borough reads the same whichever place it names: the
 * classifier sees a place-kind token instead of the name. Countries come from `i18n-iso-countries`; UK nations,
 * other London boroughs and the larger UK cities are listed here; Hackney's own neighbourhoods are allow-listed.
 */
export type PlaceKind = 'country' | 'uk_nation' | 'london_borough' | 'uk_place' | 'hackney';

const LONDON_BOROUGHS = [
  'barking and dagenham',
  'barking',
  'dagenham',
  'barnet',
  'bexley',
  'brent',
  'bromley',
  'camden',
  'croydon',
  'ealing',
  'enfield',
  'greenwich',
  'hammersmith and fulham',
  'hammersmith',
  'fulham',
  'haringey',
  'harrow',
  'havering',
  'hillingdon',
  'hounslow',
  'islington',
  'kensington and chelsea',
  'kensington',
  'kingston upon thames',
  'kingston',
  'lambeth',
  'lewisham',
  'merton',
  'newham',
  'redbridge',
  'richmond upon thames',
  'richmond',
  'southwark',
  'sutton',
  'tower hamlets',
  'waltham forest',
  'walthamstow',
  'wandsworth',
  'westminster',
  'city of london',
  'stratford',
];

const UK_NATIONS = ['scotland', 'scottish', 'wales', 'welsh', 'northern ireland', 'northern irish'];

/** The larger towns of Scotland, Wales and Northern Ireland (staff there live outside England, too). */
export const TOWNS_OUTSIDE_ENGLAND = [
  'glasgow',
  'edinburgh',
  'aberdeen',
  'dundee',
  'inverness',
  'stirling',
  'cardiff',
  'swansea',
  'wrexham',
  'belfast',
  'derry',
  'londonderry',
];

const UK_PLACES = [
  ...TOWNS_OUTSIDE_ENGLAND,
  'manchester',
  'birmingham',
  'leeds',
  'liverpool',
  'bristol',
  'sheffield',
  'newcastle',
  'nottingham',
  'leicester',
  'essex',
  'kent',
  'surrey',
  'hertfordshire',
  'herts',
  'luton',
  'brighton',
  'southampton',
  'coventry',
  'milton keynes',
  'oxford',
  'cambridge',
  'watford',
];

/** Large cities of other countries, named in messages more often than their countries ("the living wage in new york"). */
const WORLD_CITIES = [
  'new york',
  'los angeles',
  'chicago',
  'san francisco',
  'toronto',
  'vancouver',
  'montreal',
  'sydney',
  'melbourne',
  'auckland',
  'dublin',
  'cork',
  'galway',
  'paris',
  'berlin',
  'munich',
  'madrid',
  'barcelona',
  'lisbon',
  'rome',
  'milan',
  'amsterdam',
  'brussels',
  'vienna',
  'zurich',
  'geneva',
  'stockholm',
  'oslo',
  'copenhagen',
  'helsinki',
  'warsaw',
  'prague',
  'budapest',
  'athens',
  'istanbul',
  'dubai',
  'mumbai',
  'delhi',
  'lagos',
  'nairobi',
  'johannesburg',
  'cape town',
  'tokyo',
];

const HACKNEY_PLACES = [
  'homerton',
  'dalston',
  'shoreditch',
  'hoxton',
  'stoke newington',
  'stokey',
  'clapton',
  'upper clapton',
  'lower clapton',
  'hackney wick',
  'hackney central',
  'hackney downs',
  'kingsland',
  'de beauvoir',
  'haggerston',
  'london fields',
  'stamford hill',
  'springfield',
  'woodberry down',
  'cazenove',
  'lea bridge',
  'brownswood',
  'mare street',
  'well street',
  'chatsworth road',
  'hackney marshes',
  'victoria park',
];

/** Country names that are also everyday words or first names in messages staff write. */
const AMBIGUOUS_COUNTRY_NAMES = new Set(['us', 'u s', 'chad', 'jordan', 'georgia', 'turkey', 'guinea', 'niger']);

type CountryFile = { countries: Record<string, string | string[]> };

function countryNames(): string[] {
  const require = createRequire(import.meta.url);
  const file = require('i18n-iso-countries/langs/en.json') as CountryFile;
  const names: string[] = [];
  for (const [code, value] of Object.entries(file.countries)) {
    if (code === 'GB') continue; // the United Kingdom is home, not elsewhere
    for (const name of Array.isArray(value) ? value : [value]) names.push(name);
  }
  return names;
}

/** Lower-case words of a place name, as the tokenizer splits them. */
export const placeWords = (name: string): string[] =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);

export type Gazetteer = {
  /** Longest place starting at `words[start]`: its kind and how many words it spans. */
  match(words: readonly string[], start: number): { kind: PlaceKind; length: number } | undefined;
};

export function buildGazetteer(): Gazetteer {
  const byFirstWord = new Map<string, { words: string[]; kind: PlaceKind }[]>();
  const add = (name: string, kind: PlaceKind) => {
    const words = placeWords(name);
    const key = words.join(' ');
    if (words.length === 0 || AMBIGUOUS_COUNTRY_NAMES.has(key)) return;
    const first = words[0] as string;
    const list = byFirstWord.get(first) ?? [];
    if (list.some((entry) => entry.words.join(' ') === key)) return;
    list.push({ words, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(first, list);
  };
  // Hackney first: its places win over any other list with the same name.
  for (const name of HACKNEY_PLACES) add(name, 'hackney');
  for (const name of UK_NATIONS) add(name, 'uk_nation');
  for (const name of LONDON_BOROUGHS) add(name, 'london_borough');
  for (const name of UK_PLACES) add(name, 'uk_place');
  for (const name of countryNames()) add(name, 'country');
  for (const name of WORLD_CITIES) add(name, 'country');
  return {
    match(words, start) {
      const candidates = byFirstWord.get(words[start] as string);
      if (!candidates) return undefined;
      for (const candidate of candidates) {
        if (candidate.words.every((word, offset) => words[start + offset] === word)) {
          return { kind: candidate.kind, length: candidate.words.length };
        }
      }
      return undefined;
    },
  };
}
