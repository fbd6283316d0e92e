/** How old someone is, from "17 year old", "aged 23", "a 19yo", "she's 24", "age: 30". */
export function readAge(text: string): number | undefined {
  const lower = text.toLowerCase();
  const match =
    /\b(\d{1,3})[- ]?(?:years?|yrs?|yr)[- ]?old\b/.exec(lower) ??
    /\b(\d{1,3})[- ]?y\.?o\b/.exec(lower) ??
    /\baged?:?\s+(\d{1,3})\b/.exec(lower) ??
    /\b(?:he|she|they|apprentice|person|candidate|learner|young person)(?:'s| is| are|'re| will be)\s+(\d{1,3})\b(?!\s*(?:hours|months|weeks|%|years? (?:in|of)))/.exec(
      lower,
    );
  return match ? Number(match[1]) : undefined;
}

const APPRENTICESHIP = String.raw`(?:apprenticeships?|apprentices?|standard|app|programme|course)`;

/**
 * The apprenticeship's level: "a level 3 apprenticeship", "level 5 team leader apprenticeship", "apprenticeship at
 * level 4", "L3 apprenticeship", "degree apprenticeship" (6). "Level N" next to an apprenticeship is never a prior
 * qualification, and "A levels" are never an apprenticeship level.
 */
export function readApprenticeshipLevel(text: string): number | undefined {
  const lower = text.toLowerCase();
  const match =
    new RegExp(String.raw`\b(?:level|lvl|l)\s?([2-7])\s+(?:[a-z&'-]+\s+){0,4}?${APPRENTICESHIP}\b`).exec(lower) ??
    new RegExp(String.raw`\b${APPRENTICESHIP}\s+(?:at|on|of)\s+level\s?([2-7])\b`).exec(lower) ??
    /\b(?:for|on|do|doing|start|starting|take|taking|onto|into)\s+(?:a|an|the)\s+level\s?([2-7])\b(?!\s+(?:qualification|diploma|certificate|nvq|btec|award))/.exec(
      lower,
    );
  if (match) return Number(match[1]);
  if (/\bdegree[- ]apprenticeship\b/.test(lower)) return 6;
  return undefined;
}

/** Strips every "level N … apprenticeship" phrase, so the prior-qualification reader never sees it. */
function withoutApprenticeshipLevels(lower: string): string {
  return lower
    .replace(new RegExp(String.raw`\b(?:level|lvl|l)\s?\d\s+(?:[a-z&'-]+\s+){0,4}?${APPRENTICESHIP}\b`, 'g'), ' ')
    .replace(new RegExp(String.raw`\b${APPRENTICESHIP}\s+(?:at|on|of)\s+level\s?\d\b`, 'g'), ' ')
    .replace(
      /\b(?:for|on|do|doing|start|starting|take|taking|onto|into)\s+(?:a|an|the)\s+level\s?\d\b(?!\s+(?:qualification|diploma|certificate|nvq|btec|award))/g,
      ' ',
    )
    .replace(/\bdegree[- ]apprenticeships?\b/g, ' ');
}

/**
 * The level of the highest qualification someone already holds ("has a degree" 6, "with A levels" 3, "no
 * qualifications" 0, "has a level 3 diploma" 3). "A level 3 apprenticeship" is the apprenticeship, not a
 * qualification, and is never read here.
 */
export function readPriorQualificationLevel(text: string): number | undefined {
  const lower = withoutApprenticeshipLevels(text.toLowerCase());
  const explicit =
    /\b(?:has|have|holds?|with|got|gained|completed|already (?:has|have|holds?|got))\s+(?:a|an)?\s*(?:level|lvl)\s?(\d)\s*(?:qualification|diploma|certificate|nvq|btec|award|extended diploma)?\b/.exec(
      lower,
    ) ?? /\b(?:level|lvl)\s?(\d)\s+(?:qualification|diploma|certificate|nvq|btec|award)\b/.exec(lower);
  if (explicit) return Number(explicit[1]);
  if (/\bno (?:formal )?qualifications?\b|\bno quals\b/.test(lower)) return 0;
  if (/\b(?:phd|doctorate)\b/.test(lower)) return 8;
  if (/\b(?:master'?s|msc|mba)\b/.test(lower)) return 7;
  if (/\bfoundation degree\b|\bhnd\b/.test(lower)) return 5;
  if (/\b(?:degree|graduate|bachelor'?s|ba|bsc|graduated)\b/.test(lower)) return 6;
  if (/\bhnc\b/.test(lower)) return 4;
  // "A levels" / "A-levels" only: "a level 3 …" has been removed above, and "a level" without a number is A level.
  if (/\ba[- ]levels?\b(?!\s?\d)/.test(lower)) return 3;
  if (/\bgcses?\b/.test(lower)) return 2;
  return undefined;
}

/** "250 staff", "40 employees", "a team of 12 people". */
export function readEmployeeCount(text: string): number | undefined {
  const match =
    /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:staff|employees|people|workers|members of staff|headcount|ftes?)\b/.exec(
      text.toLowerCase(),
    );
  return match ? Number((match[1] as string).replace(/,/g, '')) : undefined;
}
