const PERSON_WORD = String.raw`(?:he|she|they|apprentice|appr|apprentice-to-be|trainee|new starter|new hire|person|candidate|learner|young person|resident|someone|somebody|student|son|daughter|client|participant|applicant)`;
const NOT_AN_AGE = String.raw`(?!\s*(?:hours?|hrs?|months?|weeks?|days?|%|k\b|m\b|years? (?:in|of|here)|staff|employees|people|places|apprentices))`;

/** How old someone is, from "17 year old", "aged 23", "a 19yo", "she's 24", "they were 25", "apprentice 30". */
export function readAge(text: string): number | undefined {
  const lower = text.toLowerCase();
  const written =
    /\b(\d{1,3})[- ]?(?:years?|yrs?|yr)[- ]?old\b/.exec(lower) ??
    /\b(\d{1,3})[- ]?y\.?o\b/.exec(lower) ??
    /\baged?:?\s+(\d{1,3})\b/.exec(lower);
  if (written) return Number(written[1]);
  // A number after a person ("apprentice 30", "they were 25") is an age only when it could be one.
  const loose = new RegExp(
    String.raw`\b(?:${PERSON_WORD}(?:'s|'re| is| are| was| were| will be| turns| turning| of)?|shes|hes|theyre|(?:is|are)(?: an?)? [a-z]+(?: [a-z]+)? but)\s+(\d{1,2})\b${NOT_AN_AGE}`,
  ).exec(lower);
  const age = loose ? Number(loose[1]) : undefined;
  return age !== undefined && age >= 14 ? age : undefined;
}

/** An age written on its own between commas, as in "asylum seeker, 19, wants a level 2": read only for a person. */
export function readBareAge(text: string): number | undefined {
  const match = /(?:^|[,;:(]\s*)(1[4-9]|[2-9]\d)\s*(?=[,;)]|$)/.exec(text.toLowerCase());
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

/** Phrases naming a qualification someone already holds ("has done a level 3", "BTEC level 3", "level 4 HNC"). */
const PRIOR_LEVEL = [
  /\b(?:has|have|holds?|with|got|gained|completed|done|did|finished|achieved|passed|already (?:has|have|holds?|got|done))\s+(?:a|an|the)?\s*(?:btec|nvq|city and guilds)?\s*(?:level|lvl)\s?\d\b/g,
  /\b(?:btec|nvq|diploma|qualification|certificate|hnc|hnd|award|gcses?)\s+(?:at\s+)?(?:level|lvl)\s?\d\b/g,
  /\b(?:level|lvl)\s?\d\s+(?:qualification|diploma|certificate|nvq|btec|award|hnc|hnd|extended diploma)\b/g,
];

/**
 * The level of the apprenticeship asked about when it is written without the word "apprenticeship" ("level 2, can
 * they", "elig check: 20yo, level 4"): a "level N" that is not a qualification already held. For eligibility checks.
 */
export function readAskedLevel(text: string): number | undefined {
  const named = readApprenticeshipLevel(text);
  if (named !== undefined) return named;
  let lower = text.toLowerCase();
  for (const pattern of PRIOR_LEVEL) lower = lower.replace(pattern, ' ');
  const match = /\b(?:level|lvl|l)\s?([2-7])\b(?!\s*(?:qualification|diploma|certificate|nvq|btec|award))/.exec(lower);
  return match ? Number(match[1]) : undefined;
}

const SUBJECT_STOP = new Set([
  'a',
  'an',
  'the',
  'level',
  'foundation',
  'masters',
  'his',
  'her',
  'their',
  'first',
  'second',
  'full',
  'part',
  'time',
  'new',
  'funded',
  'apprenticeship',
]);

/**
 * "yes" when the qualification already held and the apprenticeship share a subject word ("a degree in marketing" and
 * "a level 3 marketing apprenticeship"). Never "no" by guess: subjects can be related without sharing a word.
 */
export function readPriorSameArea(text: string): 'yes' | undefined {
  const lower = text.toLowerCase();
  const prior = new Set<string>();
  for (const match of lower.matchAll(
    /\b(?:degree|hnc|hnd|btec|diploma|nvq|qualification|level \d|a levels?|gcses?)\s+in\s+([a-z]+)/g,
  ))
    prior.add(match[1] as string);
  for (const match of lower.matchAll(/\b([a-z]+)\s+(?:degree|hnc|hnd|diploma|btec|nvq)\b/g))
    prior.add(match[1] as string);
  const asked = new Set<string>();
  const apprenticeship =
    /\b(?:level|lvl|l)\s?\d\s+((?:[a-z&'-]+\s+){1,4}?)apprenticeship/.exec(lower) ??
    /\bapprenticeship\s+in\s+((?:[a-z]+\s*){1,3})/.exec(lower);
  for (const word of (apprenticeship?.[1] ?? '').split(/\s+/)) if (word) asked.add(word);
  for (const word of prior) if (!SUBJECT_STOP.has(word) && asked.has(word)) return 'yes';
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
    /\b(?:has|have|holds?|with|got|gained|completed|done|did|finished|achieved|passed|already (?:has|have|holds?|got|done))\s+(?:a|an)?\s*(?:btec\s+|nvq\s+)?(?:level|lvl)\s?(\d)\s*(?:qualification|diploma|certificate|nvq|btec|award|extended diploma)?\b/.exec(
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

/** "250 staff", "40 employees", "a team of 12 people", "a 20 person firm". */
export function readEmployeeCount(text: string): number | undefined {
  const lower = text.toLowerCase();
  const match =
    /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:staff|employees|people|workers|members of staff|headcount|ftes?)\b/.exec(lower) ??
    /\b(\d{1,3}(?:,\d{3})+|\d+)[- ](?:person|people|staff|employee|strong)\s+(?:firm|company|business|team|charity|employer|organisation)\b/.exec(
      lower,
    );
  return match ? Number((match[1] as string).replace(/,/g, '')) : undefined;
}
