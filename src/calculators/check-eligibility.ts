import { formatDate } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { EligibilityInput, YesNoUnknown } from './eligibility-input.js';
import { createFigureReader, type FigureReader } from './figure-reader.js';
import { EHC_OR_CARE_QUESTION, ehcOrCareLeaver, type FundingSplit, splitFunding } from './funding-split.js';
import { money } from './money.js';
import type { CalculationLine, ResultSources } from './tool-result.js';

export type RuleStatus = 'passed' | 'failed' | 'unknown';

/** One rule the checker applied: whether it was met, why, and what to ask when it cannot be told. */
export type EligibilityRule = {
  id: string;
  label: string;
  status: RuleStatus;
  reason: string;
  /** The question to ask (or the check to make) when the status is `unknown`. */
  question?: string;
  /** Articles behind the figures the rule used, for its citation markers. */
  articleIds?: string[];
};

export type EligibilityVerdict = 'eligible' | 'not-eligible' | 'needs-check';

export type EligibilityResult = ResultSources & {
  tool: 'eligibility';
  input: EligibilityInput;
  startDate: string;
  verdict: EligibilityVerdict;
  /** Every rule applied, in the order a manager would check them. */
  rules: EligibilityRule[];
  minimumDuration: CalculationLine;
  pay: CalculationLine[];
  incentives: CalculationLine[];
  funding?: FundingSplit;
  notes: string[];
  /** The questions from every rule that could not be decided. */
  questions: string[];
};

/** Checks whether a person can start a funded apprenticeship on a date, from the rules and figures in the facts. */
export function checkEligibility(
  knowledge: Pick<Knowledge, 'facts'>,
  input: EligibilityInput,
  asOf: string,
): EligibilityResult {
  const reader = createFigureReader(knowledge);
  const startDate = input.startDate ?? asOf;
  const ehcOrCare = ehcOrCareLeaver(input.hasEhcPlan, input.isCareLeaver);
  const rules: EligibilityRule[] = [];
  const notes: string[] = [];

  rules.push(sourced(reader, () => ageRule(reader, input.age, startDate)));
  rules.push(
    yesNoRule(input.rightToWork, {
      id: 'right-to-work',
      label: 'Right to work',
      yes: 'They have the right to work in the UK.',
      no: 'An apprentice must have the right to work in the UK.',
      question: 'Do they have the right to work in the UK (checked against their documents)?',
    }),
  );
  rules.push(sourced(reader, () => residencyRule(reader, input, startDate)));
  rules.push(sourced(reader, () => englandRule(reader, input.worksMostlyInEngland, startDate)));
  rules.push(
    yesNoRule(
      input.inOtherFundedEducation === 'yes' ? 'no' : input.inOtherFundedEducation === 'no' ? 'yes' : 'unknown',
      {
        id: 'other-funding',
        label: 'Not in other funded education',
        yes: 'They are not on another government-funded course and are not using a student loan.',
        no: 'An apprentice must not be on another government-funded course or use a student loan during the apprenticeship.',
        question:
          'Will they be on another government-funded course, or using a student loan, during the apprenticeship?',
      },
    ),
  );
  rules.push(priorQualificationRule(input));

  const durationMark = reader.mark();
  const duration = minimumDuration(reader, input.hoursPerWeek, startDate, notes);
  duration.line.articleIds = reader.articlesSince(durationMark);
  rules.push({ ...durationRule(input, duration), articleIds: duration.line.articleIds });

  const level7 =
    input.level === 7 ? sourced(reader, () => level7Rule(reader, input.age, ehcOrCare, startDate)) : undefined;
  if (level7) rules.push(level7);
  if (input.isFoundationApprenticeship) {
    rules.push(sourced(reader, () => foundationRule(reader, input.age, ehcOrCare, startDate)));
  }

  let funding: FundingSplit | undefined;
  if (level7?.status === 'failed') {
    notes.push('The employer would have to pay the full cost of a level 7 apprenticeship for this person itself.');
  } else {
    const fundingMark = reader.mark();
    funding = splitFunding(reader, {
      date: startDate,
      levyPayer: input.levyPayer,
      age: input.age,
      hasEhcPlanOrIsCareLeaver: ehcOrCare,
      ...(input.employeeCount !== undefined && { employeeCount: input.employeeCount }),
    });
    const fundingArticles = reader.articlesSince(fundingMark);
    funding = { ...funding, lines: funding.lines.map((line) => ({ ...line, articleIds: fundingArticles })) };
    rules.push({
      articleIds: fundingArticles,
      id: 'funding',
      label: 'Who funds the training',
      status: funding.status === 'decided' ? 'passed' : 'unknown',
      reason: funding.summary,
      ...(funding.question !== undefined && { question: funding.question }),
    });
  }

  const pay = payLines(reader, input.age, startDate);
  const incentiveMark = reader.mark();
  const incentiveList = incentiveLines(reader, input, ehcOrCare, startDate);
  const incentiveArticles = reader.articlesSince(incentiveMark);
  const incentives = incentiveList.map((line) => ({ ...line, articleIds: line.articleIds ?? incentiveArticles }));
  addTrainingNotes(reader, input.age, startDate, notes);
  notes.push(
    'They must be employed for long enough to finish the apprenticeship, including the end-point assessment, and be paid for their off-the-job training time.',
  );

  const verdict: EligibilityVerdict = rules.some((rule) => rule.status === 'failed')
    ? 'not-eligible'
    : rules.some((rule) => rule.status === 'unknown')
      ? 'needs-check'
      : 'eligible';

  return {
    tool: 'eligibility',
    input,
    startDate,
    rulesDate: startDate,
    verdict,
    rules,
    minimumDuration: duration.line,
    pay,
    incentives,
    ...(funding && { funding }),
    notes,
    questions: [
      ...new Set(rules.flatMap((rule) => (rule.status === 'unknown' && rule.question ? [rule.question] : []))),
    ],
    figures: reader.figures(),
    articleIds: reader.articleIds(),
    missing: reader.missing(),
  };
}

/** Runs `build` and notes the articles behind the figures it read, for citation markers. */
function sourced<T extends object>(reader: FigureReader, build: () => T): T & { articleIds: string[] } {
  const mark = reader.mark();
  const value = build();
  return { ...value, articleIds: reader.articlesSince(mark) };
}

function notHeldRule(reader: FigureReader, id: string, label: string, key: string): EligibilityRule {
  const missing = reader.missing().find((item) => item.key === key);
  return {
    id,
    label,
    status: 'unknown',
    reason: missing?.message ?? `${label}: the figure is not held`,
    question: 'Check this rule with the Employment and Skills team: the figure it needs is not held.',
  };
}

function yesNoRule(
  answer: YesNoUnknown,
  text: { id: string; label: string; yes: string; no: string; question: string },
): EligibilityRule {
  if (answer === 'yes') return { id: text.id, label: text.label, status: 'passed', reason: text.yes };
  if (answer === 'no') return { id: text.id, label: text.label, status: 'failed', reason: text.no };
  return { id: text.id, label: text.label, status: 'unknown', reason: 'Not known yet.', question: text.question };
}

function ageRule(reader: FigureReader, age: number, date: string): EligibilityRule {
  const minimum = reader.read('apprenticeship.minimum-age', date);
  if (!minimum) return notHeldRule(reader, 'age', 'Age', 'apprenticeship.minimum-age');
  const base = { id: 'age', label: 'Age' };
  if (age >= minimum.value) {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age}: at least the minimum age of ${minimum.value}, and there is no upper age limit.`,
    };
  }
  if (age === minimum.value - 1) {
    return {
      ...base,
      status: 'unknown',
      reason: `Aged ${age}: under ${minimum.value}, so they can start only once they have left compulsory schooling (Year 11).`,
      question: `Will they start after the last Friday in June of the school year in which they turn ${minimum.value}?`,
    };
  }
  return {
    ...base,
    status: 'failed',
    reason: `Aged ${age}: too young. An apprenticeship can start at ${minimum.value}, or at ${minimum.value - 1} only after leaving Year 11.`,
  };
}

function residencyRule(reader: FigureReader, input: EligibilityInput, date: string): EligibilityRule {
  const base = { id: 'residency', label: 'Residency' };
  const years = reader.read('apprenticeship.residency-years', date);
  if (!years) return notHeldRule(reader, 'residency', 'Residency', 'apprenticeship.residency-years');
  const lived = input.yearsInUk;
  const livedText = lived === undefined ? '' : ` (they have ${lived} ${lived === 1 ? 'year' : 'years'})`;
  switch (input.residency) {
    case 'uk-national':
      if (lived !== undefined && lived >= years.value) {
        return {
          ...base,
          status: 'passed',
          reason: `A UK national ordinarily resident in the UK for at least ${years.text} before the start${livedText}.`,
        };
      }
      return {
        ...base,
        status: 'unknown',
        reason: `A UK national needs ${years.text} of ordinary residence in the UK, the British Overseas Territories or the Crown Dependencies before the start${livedText}.`,
        question: `Have they been ordinarily resident in the UK, the British Overseas Territories or the Crown Dependencies for the ${years.text} before the start?`,
      };
    case 'settled':
    case 'pre-settled':
      return {
        ...base,
        status: 'passed',
        reason: `${input.residency === 'settled' ? 'Settled' : 'Pre-settled'} status under the EU Settlement Scheme meets the residency rule.`,
      };
    case 'refugee':
      return {
        ...base,
        status: 'passed',
        reason: `Refugee status or humanitarian protection is an exception to the ${years.text} residence rule: residence counts from when leave was granted. Keep the Home Office letter as evidence.`,
      };
    case 'visa-non-study':
      if (lived === undefined) {
        return {
          ...base,
          status: 'unknown',
          reason: `With permission to live in the UK that is not for study, they need ${years.text} of ordinary residence before the start.`,
          question: `How many years have they lived in the UK before the start (${years.value} or more is needed)?`,
        };
      }
      return lived >= years.value
        ? {
            ...base,
            status: 'passed',
            reason: `Permission to live in the UK not for study, and at least ${years.text} of residence${livedText}.`,
          }
        : {
            ...base,
            status: 'failed',
            reason: `With a visa that is not for study they need ${years.text} of ordinary residence before the start${livedText}.`,
          };
    case 'study-visa':
      return {
        ...base,
        status: 'failed',
        reason:
          'Permission to be in the UK for study (a student visa) does not meet the residency rule for apprenticeship funding.',
      };
    case 'asylum-seeker':
      return {
        ...base,
        status: 'unknown',
        reason:
          'Asylum seekers with permission to work can do apprenticeships, but the funding rules set conditions for each case.',
        question:
          'Do they have Home Office permission to work, and does their case meet the residency annex of the funding rules?',
      };
    case 'other':
      return {
        ...base,
        status: 'unknown',
        reason: `Other statuses (for example stateless leave, the Ukraine or Afghan schemes, discretionary leave) have their own residency rules.`,
        question: 'Which immigration status do they hold, and does it meet the residency annex of the funding rules?',
      };
    default:
      return {
        ...base,
        status: 'unknown',
        reason: 'Not known yet.',
        question: 'What is their nationality or immigration status, and how many years have they lived in the UK?',
      };
  }
}

function englandRule(reader: FigureReader, answer: YesNoUnknown, date: string): EligibilityRule {
  const englandShare = reader.read('apprenticeship.england-work-share', date);
  if (!englandShare) return notHeldRule(reader, 'england', 'Working in England', 'apprenticeship.england-work-share');
  return yesNoRule(answer, {
    id: 'england',
    label: 'Working in England',
    yes: `At least ${englandShare.text} of their working hours will be in England.`,
    no: `An apprentice must spend at least ${englandShare.text} of their working hours in England.`,
    question: `Will at least ${englandShare.text} of their working hours be in England?`,
  });
}

function priorQualificationRule(input: EligibilityInput): EligibilityRule {
  const base = { id: 'prior-qualification', label: 'Prior qualifications' };
  const prior = input.priorQualificationLevel;
  if (prior === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: 'Not known yet.',
      question:
        'What is the level of their highest qualification, and is it in the same occupational area as the apprenticeship?',
    };
  }
  if (prior === 0) return { ...base, status: 'passed', reason: 'They hold no prior qualification.' };
  if (input.level === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `They hold a level ${prior} qualification; whether that matters depends on the apprenticeship's level.`,
      question: 'What level is the apprenticeship?',
    };
  }
  if (prior < input.level) {
    return {
      ...base,
      status: 'passed',
      reason: `Their highest qualification (level ${prior}) is below the apprenticeship (level ${input.level}).`,
    };
  }
  if (input.priorQualificationSameArea === 'no') {
    return {
      ...base,
      status: 'passed',
      reason: `A level ${prior} qualification in a different occupational area does not by itself stop a level ${input.level} apprenticeship.`,
    };
  }
  if (input.priorQualificationSameArea === 'yes') {
    return {
      ...base,
      status: 'unknown',
      reason: `A qualification at the same or a higher level (level ${prior}) in the same occupational area usually rules out an apprenticeship unless it teaches substantial new skills; the exact current wording of this rule is not held.`,
      question: `Will the apprenticeship give them substantial new skills beyond their level ${prior} qualification? Ask the training provider to assess their prior learning.`,
    };
  }
  return {
    ...base,
    status: 'unknown',
    reason: `They hold a level ${prior} qualification, at or above the apprenticeship's level ${input.level}: that matters only if it is in the same occupational area.`,
    question: `Is their level ${prior} qualification in the same occupational area as this apprenticeship?`,
  };
}

type Duration = { line: CalculationLine; months?: number; question?: string };

/**
 * The minimum length at the contracted hours. Until fixed off-the-job hours came in, part-time apprenticeships were
 * lengthened pro rata to the full-time week; from then on they are not, so the facts in force decide which applies.
 */
function minimumDuration(reader: FigureReader, hours: number | undefined, date: string, notes: string[]): Duration {
  const label = 'Minimum duration';
  const minimum = reader.read('apprenticeship.minimum-duration', date);
  const fullTime = reader.read('apprenticeship.full-time-hours', date);
  if (!minimum || !fullTime) {
    const missing = reader
      .missing()
      .find((item) => ['apprenticeship.minimum-duration', 'apprenticeship.full-time-hours'].includes(item.key));
    return { line: { id: 'minimum-duration', label, value: 'not held', arithmetic: missing?.message ?? 'not held' } };
  }
  const fixedHoursRegime = reader.readIfInForce('apprenticeship.otj-minimum-hours', date);
  if (fixedHoursRegime) {
    if (hours !== undefined && hours < fullTime.value) {
      notes.push(
        `From ${formatDate(fixedHoursRegime.from)} a part-time apprenticeship is not lengthened automatically: the plan must be realistic at ${hours} hours a week.`,
      );
    }
    return {
      months: minimum.value,
      line: {
        id: 'minimum-duration',
        label,
        value: minimum.text,
        amount: minimum.value,
        arithmetic: `${minimum.text} for starts from ${formatDate(minimum.from)}; part-time apprenticeships are no longer lengthened automatically`,
      },
    };
  }
  if (hours === undefined) {
    return {
      question: 'How many hours a week will they be contracted to work?',
      line: {
        id: 'minimum-duration',
        label,
        value: `${minimum.text} at ${fullTime.text} or more`,
        amount: minimum.value,
        arithmetic: `${minimum.text} at ${fullTime.text} or more; for fewer hours, ${minimum.value} × ${fullTime.value} ÷ weekly hours`,
      },
    };
  }
  if (hours >= fullTime.value) {
    return {
      months: minimum.value,
      line: {
        id: 'minimum-duration',
        label,
        value: minimum.text,
        amount: minimum.value,
        arithmetic: `${hours} hours a week is at least ${fullTime.text}, so the minimum is ${minimum.text}`,
      },
    };
  }
  const months = (minimum.value * fullTime.value) / hours;
  const monthsText = `${Number(months.toFixed(1))} months`;
  return {
    months,
    line: {
      id: 'minimum-duration',
      label,
      value: monthsText,
      amount: months,
      arithmetic: `${minimum.value} × ${fullTime.value} ÷ ${hours} hours a week = ${monthsText} (extended pro rata below ${fullTime.text})`,
    },
  };
}

function durationRule(input: EligibilityInput, duration: Duration): EligibilityRule {
  const base = { id: 'duration', label: 'Duration' };
  if (duration.months === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `The minimum duration is ${duration.line.value}.`,
      question: duration.question ?? 'Check the minimum duration with the Employment and Skills team.',
    };
  }
  if (input.durationMonths === undefined) {
    return {
      ...base,
      status: 'unknown',
      reason: `It must last at least ${duration.line.value}.`,
      question: `How many months will the apprenticeship last (at least ${duration.line.value})?`,
    };
  }
  return input.durationMonths >= duration.months - 1e-9
    ? {
        ...base,
        status: 'passed',
        reason: `${input.durationMonths} months meets the minimum of ${duration.line.value}.`,
      }
    : {
        ...base,
        status: 'failed',
        reason: `${input.durationMonths} months is shorter than the minimum of ${duration.line.value}.`,
      };
}

function level7Rule(reader: FigureReader, age: number, ehcOrCare: YesNoUnknown, date: string): EligibilityRule {
  const base = { id: 'level-7', label: 'Level 7 funding' };
  const maxAge = reader.readIfInForce('level7.funded-max-age', date);
  if (!maxAge) {
    const later = reader.next('level7.funded-max-age', date);
    return {
      ...base,
      status: 'passed',
      reason: `Level 7 apprenticeships starting on ${formatDate(date)} are funded at any age${later ? ` (for starts from ${formatDate(later.from)}, only up to age ${later.value})` : ''}.`,
    };
  }
  if (age <= maxAge.value) {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age}: level 7 is funded for new starters up to age ${maxAge.value} (rule from ${formatDate(maxAge.from)}).`,
    };
  }
  const extended = reader.readIfInForce('level7.funded-max-age-ehc-care-leaver', date);
  const limits = `up to age ${maxAge.value}${extended ? `, or ${extended.value} with an EHC plan or care experience` : ''} (rule from ${formatDate(maxAge.from)})`;
  if (extended && age <= extended.value && ehcOrCare === 'yes') {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age} with an EHC plan or care experience: level 7 is funded ${limits}.`,
    };
  }
  if (extended && age <= extended.value && ehcOrCare === 'unknown') {
    return {
      ...base,
      status: 'unknown',
      reason: `Aged ${age}: level 7 is funded ${limits}.`,
      question: EHC_OR_CARE_QUESTION,
    };
  }
  return {
    ...base,
    status: 'failed',
    reason: `Aged ${age}: level 7 apprenticeships are funded only for new starters ${limits}.`,
  };
}

function foundationRule(reader: FigureReader, age: number, ehcOrCare: YesNoUnknown, date: string): EligibilityRule {
  const base = { id: 'foundation', label: 'Foundation apprenticeship' };
  const maxAge = reader.readIfInForce('foundation.max-age', date);
  if (!maxAge) {
    const later = reader.next('foundation.max-age', date);
    return later
      ? {
          ...base,
          status: 'failed',
          reason: `Foundation apprenticeships start from ${formatDate(later.from)}; none can start on ${formatDate(date)}.`,
        }
      : {
          ...base,
          status: 'unknown',
          reason: 'The foundation apprenticeship age range is not held for that date.',
          question: 'Is the person within the age range for foundation apprenticeships (check the funding rules)?',
        };
  }
  if (age <= maxAge.value) {
    return {
      ...base,
      status: 'passed',
      reason: `Aged ${age}: within the foundation apprenticeship age range (up to ${maxAge.value}).`,
    };
  }
  // Older starters are allowed up to the age the EHC plan and care leaver rules use, in set circumstances.
  const extended =
    reader.readIfInForce('foundation.max-age-extended', date) ??
    reader.readIfInForce('cofunding.ehc-care-leaver-max-age', date);
  if (extended && age <= extended.value) {
    return ehcOrCare === 'yes'
      ? {
          ...base,
          status: 'passed',
          reason: `Aged ${age} with an EHC plan or care experience: within the extended range (up to ${extended.value}).`,
        }
      : {
          ...base,
          status: 'unknown',
          reason: `Aged ${age}: foundation apprenticeships take starters up to ${maxAge.value}, or up to ${extended.value} with an EHC plan, care experience or a recent prison sentence.`,
          question: 'Do they have an EHC plan or care experience, or are they in or recently released from prison?',
        };
  }
  return {
    ...base,
    status: 'failed',
    reason: `Aged ${age}: older than the foundation apprenticeship age range (up to ${extended?.value ?? maxAge.value}).`,
  };
}

function ageRateKey(reader: FigureReader, age: number, date: string): string | undefined {
  const nlwAge = reader.read('wage.nlw-age', date);
  if (!nlwAge) return undefined;
  if (age >= nlwAge.value) return 'wage.nlw';
  if (age >= 21) return 'wage.21-to-nlw-age';
  if (age >= 18) return 'wage.18-to-20';
  return 'wage.under-18';
}

function payLines(reader: FigureReader, age: number, date: string): CalculationLine[] {
  const firstYear = age < 19 ? 'while under 19' : 'in the first year';
  const notHeld = (id: string, label: string, key: string): CalculationLine => ({
    id,
    label,
    value: 'not held',
    arithmetic: reader.missing().find((item) => item.key === key)?.message ?? `${label}: no figure is held`,
  });
  const apprenticeRate = sourced(reader, (): CalculationLine => {
    const apprentice = reader.read('wage.apprentice', date);
    const label = `Minimum pay ${firstYear}`;
    if (!apprentice) return notHeld('apprentice-rate', label, 'wage.apprentice');
    return {
      id: 'apprentice-rate',
      label,
      value: apprentice.text,
      amount: apprentice.value,
      arithmetic: `the apprentice rate applies to apprentices under 19 and to everyone in the first year (rate from ${formatDate(apprentice.from)})`,
    };
  });
  // Under 19 the apprentice rate applies whatever the year; the age rate starts once they are 19 and past year one.
  const laterAge = Math.max(age, 19);
  const ageRateLine = sourced(reader, (): CalculationLine => {
    const label = age < 19 ? 'Minimum pay once 19 and past the first year' : 'Minimum pay after the first year';
    const key = ageRateKey(reader, laterAge, date);
    const ageRate = key ? reader.read(key, date) : undefined;
    if (!ageRate) return notHeld('age-rate', label, key ?? 'wage.nlw-age');
    return {
      id: 'age-rate',
      label,
      value: ageRate.text,
      amount: ageRate.value,
      arithmetic: `${ageRate.label} for someone aged ${laterAge} on ${formatDate(date)} (rate from ${formatDate(ageRate.from)}; rates change each April)`,
    };
  });
  const londonLivingWage = sourced(reader, (): CalculationLine => {
    const label = "The council's recommendation: the London Living Wage";
    const llw = reader.read('llw.rate', date);
    if (!llw) return notHeld('london-living-wage', label, 'llw.rate');
    return {
      id: 'london-living-wage',
      label,
      value: llw.text,
      amount: llw.value,
      arithmetic: `London Living Wage rate announced ${formatDate(llw.from)}`,
    };
  });
  return [apprenticeRate, ageRateLine, londonLivingWage];
}

function incentiveLines(
  reader: FigureReader,
  input: EligibilityInput,
  ehcOrCare: YesNoUnknown,
  date: string,
): CalculationLine[] {
  const lines: CalculationLine[] = [];
  const { age } = input;
  const articlesOf = (...keys: string[]) => [...new Set(keys.flatMap((key) => reader.articleOf(key) ?? []))];
  const payment = reader.read('incentive.young-apprentice', date);
  const youngMax = reader.read('incentive.young-apprentice-max-age', date);
  const extendedMax = reader.readIfInForce('cofunding.ehc-care-leaver-max-age', date);
  if (payment && youngMax) {
    if (age <= youngMax.value) {
      lines.push({
        id: 'young-apprentice-payment',
        label: 'Payment to the employer for a young apprentice',
        value: payment.text,
        amount: payment.value,
        arithmetic: `aged ${age} at the start (${youngMax.value} or under)`,
        articleIds: articlesOf('incentive.young-apprentice'),
      });
    } else if (extendedMax && age <= extendedMax.value && ehcOrCare !== 'no') {
      lines.push({
        id: 'young-apprentice-payment',
        label:
          ehcOrCare === 'yes'
            ? 'Payment to the employer for a young apprentice'
            : 'Payment to the employer if they have an EHC plan or have been in care',
        value: payment.text,
        amount: payment.value,
        arithmetic: `aged ${age}, up to ${extendedMax.value}, with an EHC plan or care experience`,
        articleIds: articlesOf('incentive.young-apprentice', 'cofunding.ehc-care-leaver-max-age'),
      });
    }
  }
  if (input.isFoundationApprenticeship) {
    const foundation = reader.readIfInForce('incentive.foundation-apprenticeship', date);
    if (foundation) {
      lines.push({
        id: 'foundation-payment',
        label: 'Payment to the employer for a foundation apprentice',
        value: `up to ${foundation.text}`,
        amount: foundation.value,
        arithmetic: `foundation apprenticeship incentive from ${formatDate(foundation.from)}, paid in instalments`,
        articleIds: articlesOf('incentive.foundation-apprenticeship'),
      });
    }
  }
  if (input.isCareLeaver !== 'no' && extendedMax && age <= extendedMax.value) {
    const bursary = reader.readIfInForce('bursary.care-leaver', date);
    if (bursary) {
      lines.push({
        id: 'care-leaver-bursary',
        label:
          input.isCareLeaver === 'yes'
            ? "Care leaver's bursary, paid to the apprentice"
            : "Care leaver's bursary, paid to the apprentice if they have been in care",
        value: money(bursary.value),
        amount: bursary.value,
        arithmetic: `for care leavers aged up to ${extendedMax.value} starting from ${formatDate(bursary.from)}`,
        articleIds: articlesOf('bursary.care-leaver'),
      });
    }
  }
  return lines;
}

function addTrainingNotes(reader: FigureReader, age: number, date: string, notes: string[]): void {
  const englishMaths = reader.readIfInForce('apprenticeship.english-maths-required-max-age', date);
  if (englishMaths) {
    notes.push(
      age <= englishMaths.value
        ? `English and maths: required, as they are ${englishMaths.value} or under at the start.`
        : `English and maths: optional for apprentices aged over ${englishMaths.value} at the start (from ${formatDate(englishMaths.from)}).`,
    );
  } else {
    const later = reader.next('apprenticeship.english-maths-required-max-age', date);
    if (later) {
      notes.push(
        `English and maths: required of every apprentice starting on this date (the age limit of ${later.value} applies from ${formatDate(later.from)}).`,
      );
    }
  }
  const otjHours = reader.readIfInForce('apprenticeship.otj-minimum-hours', date);
  const otjWeekly = reader.readIfInForce('apprenticeship.otj-hours-per-week', date);
  const otjShare = reader.readIfInForce('apprenticeship.otj-share', date);
  if (otjHours) {
    notes.push(
      `Off-the-job training: the hours set for the standard, at least ${otjHours.text} for funding, within paid working hours.`,
    );
  } else if (otjWeekly) {
    notes.push(
      `Off-the-job training: at least ${otjWeekly.text} for a full-time apprentice (pro rata for fewer hours), within paid working hours.`,
    );
  } else if (otjShare) {
    notes.push(`Off-the-job training: at least ${otjShare.text} of normal working hours, within paid working hours.`);
  }
}
