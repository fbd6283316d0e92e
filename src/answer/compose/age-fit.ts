/**
 * Whether a figure named for an age group covers a person of a given age: "aged 16 to 24" covers 20; "aged 25 or
 * over" does not; "(16 to 18, or 19 to 24 with an EHC plan or care experience)" covers 20 only with that support.
 * `undefined` when the figure's name gives no age group.
 */
export type AgeFit = 'covers' | 'excludes' | 'only-with-support';

type Range = { from: number; to: number; withSupport: boolean };

const SUPPORT = /\bwith an EHC plan\b|\bcare (?:experience|leaver)/i;

function rangesOf(label: string): Range[] {
  const ranges: Range[] = [];
  // Each part of a name ("16 to 18, or 19 to 24 with an EHC plan") is read with the condition it carries.
  for (const part of label.split(/,\s*or\s+|\bor\s+(?=\d)/)) {
    const withSupport = SUPPORT.test(part);
    for (const match of part.matchAll(/\b(\d{2})\s*(?:to|-|–)\s*(\d{2})\b/g)) {
      ranges.push({ from: Number(match[1]), to: Number(match[2]), withSupport });
    }
    for (const match of part.matchAll(/\b(?:aged\s+)?(\d{2})\s+(?:or over|and over|or older|plus)\b/g)) {
      ranges.push({ from: Number(match[1]), to: 150, withSupport });
    }
    for (const match of part.matchAll(/\b(?:under|below)[- ](\d{2})s?\b/g)) {
      ranges.push({ from: 0, to: Number(match[1]) - 1, withSupport });
    }
    if (/\bof any age\b|\bany age\b/.test(part)) ranges.push({ from: 0, to: 150, withSupport });
  }
  return ranges.filter((range) => range.from >= 0 && range.from <= range.to && range.to >= 14);
}

export function ageFit(label: string, age: number): AgeFit | undefined {
  // Only a name about people of an age: "aged", "year olds", "apprentice"; not "levels 2 to 4" or dates.
  if (!/\baged?\b|\byear olds?\b|\bapprentice\b|\bany age\b|\bunder[- ]\d{2}\b|\bor over\b/i.test(label))
    return undefined;
  if (/\blevels?\s+\d/i.test(label)) return undefined;
  const ranges = rangesOf(label);
  if (ranges.length === 0) return undefined;
  const holding = ranges.filter((range) => age >= range.from && age <= range.to);
  if (holding.some((range) => !range.withSupport)) return 'covers';
  return holding.length > 0 ? 'only-with-support' : 'excludes';
}
