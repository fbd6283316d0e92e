import type { FactUnit } from '../../knowledge/fact-schema.js';

/** The kinds of figure a question can ask for. */
export type FigureKind = 'percent' | 'hourly' | 'money' | 'date' | 'age' | 'count' | 'duration' | 'hours';

/** How strongly a question asks for each kind of figure, from 0 (not at all) to 1. */
export type KindsAsked = Partial<Record<FigureKind, number>>;

/**
 * Cues for each kind of figure, by how the figure is asked for rather than by subject: the same table serves every
 * question ("app levy % of paybill?", "how young can an apprentice be", "since when can residents self refer").
 */
const CUES: { kind: FigureKind; weight: number; cue: RegExp }[] = [
  { kind: 'percent', weight: 1, cue: /%|\bper ?cent\b|\bpercentage\b|\bproportion\b|\bhow much of\b|\bwhat share\b/ },
  { kind: 'percent', weight: 0.8, cue: /\bco-?invest\w*|\bcontribut\w*/ },
  { kind: 'percent', weight: 0.5, cue: /\bshare\b|\bhow much\b/ },
  { kind: 'hourly', weight: 1, cue: /\ban hour\b|\bper hour\b|\bhourly\b|\/ ?hr\b|\b(?:per|an|a) hr\b|\bp\/?h\b/ },
  { kind: 'hourly', weight: 0.7, cue: /\bwages?\b|\bpay rate\b/ },
  { kind: 'hourly', weight: 0.8, cue: /\b(?:get|gets|getting|be|are|is|being) paid\b|\bearns?\b|\bsalary\b/ },
  { kind: 'hourly', weight: 0.5, cue: /\bllw\b|\bnlw\b|\bnmw\b|\bliving wage\b/ },
  // "What did h100 placements pay", "how much does it pay": what a job pays is a rate.
  { kind: 'hourly', weight: 0.8, cue: /\b(?:placements?|jobs?|roles?|posts?|it) (?:pay|pays|paid)\b/ },
  { kind: 'money', weight: 1, cue: /£|\bcost\w*\b|\bamount\b|\bprice\b|\bworth\b|\b\d+k\b/ },
  { kind: 'money', weight: 0.6, cue: /\bhow much\b/ },
  { kind: 'hours', weight: 0.5, cue: /\bhow much\b/ },
  { kind: 'money', weight: 0.6, cue: /\ballowance\b|\bbands?\b|\bbursary\b|\bincentive\b|\bpayment\b/ },
  { kind: 'money', weight: 0.3, cue: /\bpa(?:y|id)\b/ },
  { kind: 'date', weight: 1, cue: /\bwhen\b|\bwhat date\b|\bdeadline\b|\bsince\b|\bwhat year\b|\bwhich year\b/ },
  {
    kind: 'age',
    weight: 1,
    cue: /\bages?\b(?! \d)|\bhow old\b|\boldest\b|\byoungest\b|\bhow young\b|\bage limit\b/,
  },
  // "Who was the pilot for": the age group a past programme was open to (who it is for now is told in prose).
  { kind: 'age', weight: 0.8, cue: /\bwho (?:was|were)\b[^?.]{0,50}\b(?:for|aimed at|open to|meant for)\b/ },
  // An age given ("a 19 year old") more often sets the case than asks for an age.
  {
    kind: 'age',
    weight: 0.5,
    cue: /\baged?\b|\b(?:year|yr)s?[- ]?olds?\b|\b\d{2}\s*(?:-|to)\s*\d{2}s\b|\bunder[- ]?\d{2}s?\b|\bover[- ]?\d{2}s?\b/,
  },
  {
    kind: 'count',
    weight: 1,
    cue: /\bhow many\b(?! (?:hours|hrs|months|weeks|years|days))|\bnumber of\b(?! (?:hours|hrs|months|weeks|years|days))|\bcount\b/,
  },
  {
    kind: 'duration',
    weight: 1,
    cue: /\bhow long\b|\bduration\b|\bexpir\w*|\blength\b|\bhow many (?:months|weeks|years|days)\b|\bshortest\b|\bhow short\b|\blongest\b/,
  },
  { kind: 'duration', weight: 0.5, cue: /\bmonths?\b|\bweeks\b|\bdays\b/ },
  // "When is the incentive paid": how long after the start, not a date or an amount.
  {
    kind: 'duration',
    weight: 1,
    cue: /\bwhen\b[^?.]{0,60}\bpaid(?: out)?\b|\bwhen (?:is|are|does|do) (?:it|they|that) (?:get )?paid\b/,
  },
  {
    kind: 'hours',
    weight: 1,
    cue: /\bhow many (?:hours|hrs)\b|\bweekly hours\b|\bhours? a week\b|\bhrs? a week\b|(?<!\b(?:per|an|a) )\bhrs?\b/,
  },
  { kind: 'hours', weight: 0.6, cue: /\bhours?\b|\bpart[- ]time\b|\bfull[- ]time\b/ },
];

const ASKS_HOURS = /\bhow many (?:hours|hrs)\b|\bweekly hours\b|\bwhat hours\b/;

/** The kinds of figure a question asks for, each with the strongest cue's weight. */
export function kindsAsked(question: string): KindsAsked {
  const text = question.toLowerCase();
  const kinds: KindsAsked = {};
  for (const { kind, weight, cue } of CUES) {
    if (cue.test(text)) kinds[kind] = Math.max(kinds[kind] ?? 0, weight);
  }
  // "On 30 hrs a week, what's the shortest it can be": the hours are the case, the length is what is asked.
  if (kinds.duration === 1 && kinds.hours === 1 && /\d\s*(?:hours?|hrs?)\b/.test(text) && !ASKS_HOURS.test(text)) {
    kinds.hours = 0.5;
  }
  return kinds;
}

/** The kinds of figure a fact's unit answers, each with how well it answers it. */
const UNIT_KINDS: Record<FactUnit, KindsAsked> = {
  gbp: { money: 1 },
  gbp_per_hour: { hourly: 1, money: 0.7 },
  percent: { percent: 1 },
  months: { duration: 1 },
  weeks: { duration: 1 },
  days: { duration: 1 },
  years: { duration: 1 },
  hours: { hours: 1, duration: 0.5 },
  hours_per_week: { hours: 1 },
  age: { age: 1 },
  count: { count: 1 },
  date: { date: 1 },
  text: {},
};

/**
 * How well a fact of this unit answers what was asked: positive when it is the kind asked, negative when the question
 * asks for another kind only, 0 when the question names no kind. A date is given with every figure ("from 1 April
 * 2019"), so a "when" question never counts against a figure.
 */
export function kindFit(unit: FactUnit, asked: KindsAsked): number {
  const offered = UNIT_KINDS[unit];
  let best = 0;
  for (const [kind, weight] of Object.entries(asked) as [FigureKind, number][]) {
    best = Math.max(best, weight * (offered[kind] ?? 0));
  }
  // A fact that answers a weaker cue ("pay") than the question's strongest ("what %") fits only in part.
  const strongest = Math.max(
    0,
    ...Object.entries(asked)
      .filter(([kind]) => kind !== 'date')
      .map(([, weight]) => weight),
  );
  if (best > 0) return strongest > best ? best - (strongest - best) / 2 : best;
  const otherKinds = Object.entries(asked).filter(([kind, weight]) => kind !== 'date' && weight >= 0.7);
  return otherKinds.length > 0 ? -Math.max(...otherKinds.map(([, weight]) => weight)) : 0;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** How a figure of each kind is written in the knowledge base's prose. */
const WRITTEN: Record<FigureKind, RegExp> = {
  percent: /\d(?:[\d.]*)%/,
  hourly: /£\d[\d,.]*(?: an hour| per hour)?/,
  money: /£\d/,
  date: new RegExp(`\\b(?:\\d{1,2} )?${MONTH} \\d{4}\\b|\\b(?:19|20)\\d{2}\\b`),
  age: /\baged? \d{2}\b|\b\d{2} (?:to \d{2} )?(?:year olds?|or over)\b|\b(?:under|over) \d{2}\b|\b\d{2} to \d{2}\b/,
  count: /\b\d[\d,]*\b(?! ?%)/,
  duration: /\b\d+ (?:months?|weeks?|days?|years?)\b/,
  hours: /\b\d+ (?:hours?|hrs?)\b/,
};

/** How well a sentence of prose answers what was asked: the weight of the strongest kind it states a figure of. */
export function proseFit(text: string, asked: KindsAsked): number {
  let best = 0;
  for (const [kind, weight] of Object.entries(asked) as [FigureKind, number][]) {
    if (WRITTEN[kind].test(text)) best = Math.max(best, weight);
  }
  return best;
}

export function asksForAnyKind(asked: KindsAsked): boolean {
  return Object.values(asked).some((weight) => weight >= 0.7);
}
