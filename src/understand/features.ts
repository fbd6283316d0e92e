import { buildGazetteer, type Gazetteer, type PlaceKind } from './places.js';

/** Longest word given character n-grams; longer "words" (pasted hashes, a 40,000-letter string) get none. */
const MAX_WORD_FOR_CHARACTERS = 24;
/** Character n-gram sizes: 4 and 5 letters (3-letter grams added noise and a third of the features). */
const MIN_CHARACTERS = 4;
const MAX_CHARACTERS = 5;
/** At most this many tokens of a message are read for features. */
const MAX_TOKENS = 400;

const TOKEN =
  /\d{4}\s?[-/–]\s?\d{2,4}\b|£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|mn|bn|mil|million|billion|thousand)\b)?|\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|k\b|m\b|mn\b|bn\b|mil\b|million\b|billion\b|grand\b))?|[a-z]+(?:'[a-z]+)*|[?!/@#]/g;

export type Tokens = {
  /** Word tokens with numbers written as their shape (`#money`, `#year`) and places as their kind (`@country`). */
  words: string[];
  /** Places outside the borough named in the message, as written. */
  placesOutside: string[];
  /** Whether a place named is in Scotland, Wales or Northern Ireland. */
  ukOutsideEngland: boolean;
};

let gazetteer: Gazetteer | undefined;

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

function numberShape(token: string): string {
  if (/^\d{4}\s?[-/–]/.test(token)) return '#taxyear';
  if (/%|per ?cent/.test(token)) return '#percent';
  if (token.startsWith('£') || /[a-z]$/.test(token)) return '#money';
  const value = Number(token.replace(/,/g, ''));
  if (/^(?:19|20)\d{2}$/.test(token)) return '#year';
  if (value >= 1000) return '#bignumber';
  return '#number';
}

/** Splits a message into word tokens, with numbers and places written as what they are. */
export function tokenize(message: string): Tokens {
  gazetteer ??= buildGazetteer();
  const raw = normalise(message).match(TOKEN)?.slice(0, MAX_TOKENS) ?? [];
  // Place names are matched without a possessive ("Islington's policy").
  const bare = raw.map((token) => (token.endsWith("'s") ? token.slice(0, -2) : token));
  const words: string[] = [];
  const placesOutside: string[] = [];
  let ukOutsideEngland = false;
  for (let position = 0; position < raw.length; position += 1) {
    const token = raw[position] as string;
    if (/^[£\d]/.test(token)) {
      words.push(numberShape(token));
      continue;
    }
    const place = /^[a-z]/.test(token) ? gazetteer.match(bare, position) : undefined;
    if (place) {
      const name = bare.slice(position, position + place.length).join(' ');
      words.push(`@${place.kind satisfies PlaceKind}`);
      if (place.kind !== 'hackney') placesOutside.push(name);
      if (place.kind === 'uk_nation' || place.kind === 'uk_place') ukOutsideEngland = true;
      position += place.length - 1;
      continue;
    }
    words.push(token);
  }
  return { words, placesOutside, ukOutsideEngland };
}

function lengthBucket(count: number): string {
  if (count <= 3) return 'len:1-3';
  if (count <= 7) return 'len:4-7';
  if (count <= 15) return 'len:8-15';
  if (count <= 40) return 'len:16-40';
  return 'len:41+';
}

/** The features one message gives the classifier: words, word pairs, character 4–5-grams, first word and length. */
export function messageFeatures(words: readonly string[]): Set<string> {
  const features = new Set<string>();
  features.add(lengthBucket(words.length));
  if (words[0] !== undefined) features.add(`f:${words[0]}`);
  if (words.length > 1) features.add(`f2:${words[0]} ${words[1]}`);
  let previous = '^';
  for (const word of words) {
    features.add(`w:${word}`);
    features.add(`b:${previous} ${word}`);
    previous = word;
    if (word.length > MAX_WORD_FOR_CHARACTERS || !/^[a-z]/.test(word)) continue;
    const padded = `<${word}>`;
    for (let size = MIN_CHARACTERS; size <= MAX_CHARACTERS; size += 1) {
      for (let start = 0; start + size <= padded.length; start += 1)
        features.add(`c:${padded.slice(start, start + size)}`);
    }
  }
  features.add(`b:${previous} $`);
  // A place's wider context tells "a firm based in @london_borough" (in scope) from "does @london_borough pay its".
  words.forEach((word, position) => {
    if (!word.startsWith('@')) return;
    features.add(`t:${words[position - 2] ?? '^'} ${words[position - 1] ?? '^'} ${word}`);
    features.add(`t:${word} ${words[position + 1] ?? '$'} ${words[position + 2] ?? '$'}`);
  });
  return features;
}
