import { formatDate, formatPercent } from '../../knowledge/format.js';
import type { CalculationLine } from '../shared/calculation-line.js';
import type { Figure, FigureReader } from '../shared/figure-reader.js';
import { money, percentOf, toPence, toPounds } from '../shared/money.js';
import { EHC_OR_CARE_QUESTION, type FundingCase, type FundingSplit } from './funding-case.js';

/** A percentage of an amount in pounds, worked in whole pence. */
const percentOfPounds = (pounds: number, percent: number) => toPounds(percentOf(toPence(pounds), percent));

export { EHC_OR_CARE_QUESTION, ehcOrCareLeaver, type FundingCase, type FundingSplit } from './funding-case.js';

/** Who pays for an apprenticeship's training and assessment on a date, from the co-investment figures in force. */
export function splitFunding(reader: FigureReader, input: FundingCase): FundingSplit {
  const band = bandFor(reader, input);
  const lines: CalculationLine[] = [];
  const capped = input.price !== undefined && band ? Math.min(input.price, band.value) : input.price;
  const excess = input.price !== undefined && capped !== undefined ? input.price - capped : 0;

  if (input.price !== undefined && band) {
    lines.push({
      id: 'funded-price',
      label: 'Price that can be funded',
      value: money(capped ?? 0),
      amount: capped ?? 0,
      arithmetic:
        excess > 0
          ? `${money(input.price)} is above the ${band.text} funding band maximum, so ${band.text} can be funded and the employer pays the other ${money(excess)}`
          : `${money(input.price)} is within the ${band.text} funding band maximum`,
    });
  }

  if (input.levyPayer === 'unknown') {
    return {
      status: 'unknown',
      summary: 'Who pays depends on whether the employer pays the Apprenticeship Levy.',
      question: 'Does the employer pay the Apprenticeship Levy (a pay bill over the levy threshold)?',
      lines,
    };
  }

  const split: SplitCase = { reader, input, lines, capped, excess };
  return input.levyPayer === 'yes' ? levyPayerSplit(split) : nonLevySplit(split);
}

/** What both branches of the split work from: the case, the figures, the lines so far and the price over the band. */
type SplitCase = {
  reader: FigureReader;
  input: FundingCase;
  lines: CalculationLine[];
  /** The price up to the band maximum, when a price was given. */
  capped: number | undefined;
  /** The part of the price above the band maximum (0 when none, or no price). */
  excess: number;
};

/** The employer's share of the funded price, plus anything above the band maximum, as a line; returns its share. */
function pushEmployerShare(
  split: SplitCase,
  capped: number,
  share: { text: string; value: number },
  line: { id: string; label: string; after?: string },
): number {
  const { excess } = split;
  const employerShare = percentOfPounds(capped, share.value);
  split.lines.push({
    id: line.id,
    label: line.label,
    value: money(employerShare + excess),
    amount: employerShare + excess,
    arithmetic: `${share.text} × ${money(capped)} = ${money(employerShare)}${excess > 0 ? `; plus ${money(excess)} above the band maximum = ${money(employerShare + excess)}` : ''}${line.after ?? ''}`,
  });
  return employerShare;
}

function levyPayerSplit(split: SplitCase): FundingSplit {
  const { reader, input, lines, capped, excess } = split;
  const band = bandFor(reader, input);
  const exhausted = reader.read('cofunding.levy-exhausted-employer-share', input.date);
  const bandText = band ? `up to the ${band.text} band maximum` : 'up to the funding band maximum';
  if (input.levyFundsUsedUp === 'yes' && exhausted && capped !== undefined) {
    // The account has run out: the employer pays its share of the funded price, the government the rest.
    const share = pushEmployerShare(split, capped, exhausted, {
      id: 'employer-pays',
      label: 'The account has run out of levy funds, so the employer pays',
      after: `; the government pays the other ${formatPercent(100 - exhausted.value)}`,
    });
    return {
      status: 'decided',
      summary: `A levy payer whose account has run out of levy funds pays ${exhausted.text} of the funded price and the government ${formatPercent(100 - exhausted.value)}, ${bandText}.`,
      lines,
      employerPays: share + excess,
      governmentPays: capped - share,
    };
  }
  if (input.levyFundsUsedUp === 'yes' && exhausted) {
    // No price yet: the share still settles who pays what part.
    return {
      status: 'decided',
      summary: `A levy payer whose account has run out of levy funds pays ${exhausted.text} of the funded price and the government ${formatPercent(100 - exhausted.value)}, ${bandText}.`,
      lines,
      employerSharePercent: exhausted.value,
    };
  }
  if (capped !== undefined) {
    lines.push({
      id: 'from-levy-funds',
      label: 'Paid from levy funds in the account',
      value: money(capped),
      amount: capped,
      arithmetic: `the funded price, ${money(capped)}, comes from the apprenticeship service account while funds last`,
    });
  }
  if (exhausted && capped !== undefined) {
    pushEmployerShare(split, capped, exhausted, {
      id: 'if-funds-run-out',
      label: 'If the account has run out of funds, the employer pays',
      after: `; the government pays the other ${formatPercent(100 - exhausted.value)}`,
    });
  }
  const runOut = exhausted
    ? `; if the account runs out, the employer pays ${exhausted.text} and the government ${formatPercent(100 - exhausted.value)}`
    : '';
  return {
    status: 'decided',
    summary: `A levy payer uses the levy funds in its apprenticeship service account ${bandText}${runOut}.`,
    lines,
    ...(input.price !== undefined && { employerPays: excess }),
  };
}

function nonLevySplit(split: SplitCase): FundingSplit {
  const { reader, input, lines, capped, excess } = split;
  const { date, age } = input;
  const free = (summary: string): FundingSplit => {
    if (capped !== undefined) {
      lines.push({
        id: 'employer-pays',
        label: 'The employer pays',
        value: money(excess),
        amount: excess,
        arithmetic: `0% of ${money(capped)}${excess > 0 ? `; plus ${money(excess)} above the band maximum` : ''} = ${money(excess)}`,
      });
    }
    return {
      status: 'decided',
      summary,
      lines,
      employerSharePercent: 0,
      ...(input.price !== undefined && capped !== undefined && { employerPays: excess, governmentPays: capped }),
    };
  };
  const unknown = (summary: string, question: string): FundingSplit => ({
    status: 'unknown',
    summary,
    question,
    lines,
  });

  if (age === undefined) {
    return unknown(
      'Whether a non-levy employer pays anything depends on the apprentice’s age.',
      'How old will the apprentice be on the start date?',
    );
  }

  const ehcOrCare = input.hasEhcPlanOrIsCareLeaver;
  const ehcMax = reader.readIfInForce('cofunding.ehc-care-leaver-max-age', date);
  const nonLevyFreeAge = reader.readIfInForce('cofunding.non-levy-free-max-age', date);
  const smallMaxEmployees = reader.readIfInForce('cofunding.small-employer-max-employees', date);
  const smallFreeAge = reader.readIfInForce('cofunding.small-employer-free-max-age', date);
  const withinEhcAge = ehcMax !== undefined && age <= ehcMax.value;

  if (nonLevyFreeAge) {
    if (age <= nonLevyFreeAge.value) {
      const minimumAge = reader.readIfInForce('apprenticeship.minimum-age', date);
      return free(
        `A non-levy employer pays nothing for training and assessment for an apprentice aged ${minimumAge ? `${minimumAge.value} to ` : 'up to '}${nonLevyFreeAge.value} (rule from ${formatDate(nonLevyFreeAge.from)}); the government pays up to the band maximum.`,
      );
    }
    if (withinEhcAge && ehcOrCare === 'yes') {
      return unknown(
        `Apprentices aged up to ${ehcMax.value} with an EHC plan or care experience are also fully funded at non-levy employers, but the sources disagree on whether that applies only to small employers.`,
        `Check the funding rules for a start on ${formatDate(date)}: is the waiver for apprentices aged ${nonLevyFreeAge.value + 1} to ${ehcMax.value} with an EHC plan or care experience limited to small employers?`,
      );
    }
    if (withinEhcAge && ehcOrCare === 'unknown') {
      // The usual case worked out, so the amount is not hidden behind the question.
      const without = nonLevySplit({ ...split, input: { ...input, hasEhcPlanOrIsCareLeaver: 'no' }, lines: [] });
      return {
        status: 'unknown',
        summary: `At ${age}, the apprentice is fully funded at a non-levy employer only if they have an EHC plan or have been in care; otherwise ${without.summary.charAt(0).toLowerCase()}${without.summary.slice(1)}`,
        question: EHC_OR_CARE_QUESTION,
        lines: without.lines,
        ...(without.employerPays !== undefined && {
          employerPays: without.employerPays,
          estimateIf: 'Without an EHC plan or care experience',
        }),
        ...(without.governmentPays !== undefined && { governmentPays: without.governmentPays }),
      };
    }
  }

  if (smallMaxEmployees && smallFreeAge) {
    const qualifiesByAge = age <= smallFreeAge.value || (withinEhcAge && ehcOrCare === 'yes');
    const mayQualifyByAge = !qualifiesByAge && withinEhcAge && ehcOrCare === 'unknown';
    const isSmall = input.employeeCount === undefined ? undefined : input.employeeCount <= smallMaxEmployees.value;
    if (qualifiesByAge && isSmall === true) {
      return free(
        `An employer with ${smallMaxEmployees.value} or fewer employees pays nothing for an apprentice aged up to ${smallFreeAge.value} (or up to ${ehcMax?.value ?? smallFreeAge.value} with an EHC plan or care experience) under the rules then in force.`,
      );
    }
    if (qualifiesByAge && isSmall === undefined) {
      return unknown(
        `Employers with ${smallMaxEmployees.value} or fewer employees paid nothing for this apprentice under the rules then in force.`,
        `How many employees does the employer have (${smallMaxEmployees.value} or fewer means the training is free)?`,
      );
    }
    if (mayQualifyByAge && isSmall !== false) {
      return unknown(
        `A small employer paid nothing for an apprentice aged up to ${ehcMax?.value} with an EHC plan or care experience.`,
        EHC_OR_CARE_QUESTION,
      );
    }
  }

  const share = reader.read('cofunding.employer-share', date);
  if (!share) {
    return unknown(
      'The co-investment share for a non-levy employer is not held for that date.',
      `Check the funding rules for a start on ${formatDate(date)}.`,
    );
  }
  if (capped !== undefined) {
    const employerShare = pushEmployerShare(split, capped, share, { id: 'employer-pays', label: 'The employer pays' });
    lines.push({
      id: 'government-pays',
      label: 'The government pays',
      value: money(capped - employerShare),
      amount: capped - employerShare,
      arithmetic: `${formatPercent(100 - share.value)} × ${money(capped)} = ${money(capped - employerShare)}`,
    });
  }
  const shared = {
    lines,
    employerSharePercent: share.value,
    ...(input.price !== undefined &&
      capped !== undefined && {
        employerPays: percentOfPounds(capped, share.value) + excess,
        governmentPays: capped - percentOfPounds(capped, share.value),
      }),
  };
  const levyPayerShare = reader.readIfInForce('cofunding.levy-exhausted-employer-share', date);
  if (levyPayerShare && levyPayerShare.value !== share.value) {
    return {
      status: 'unknown',
      summary: `The published share for a non-levy employer is ${share.text} (the government pays ${formatPercent(100 - share.value)}), but the rate for levy payers changed to ${levyPayerShare.text} from ${formatDate(levyPayerShare.from)} and the sources disagree on whether non-levy employers with older apprentices follow it.`,
      question: `Check the funding rules for a start on ${formatDate(date)}: does a non-levy employer pay ${share.text} or ${levyPayerShare.text} for an apprentice aged ${age}?`,
      ...shared,
    };
  }
  return {
    status: 'decided',
    summary: `A non-levy employer pays ${share.text} of the price up to the band maximum and the government pays ${formatPercent(100 - share.value)} (rate from ${formatDate(share.from)}).`,
    ...shared,
  };
}

/** The band maximum that caps the funded price: the standard's own when given, else the highest band in force. */
function bandFor(reader: FigureReader, input: FundingCase): Figure | undefined {
  const highest = reader.read('funding.band-maximum', input.date);
  if (input.bandMaximum === undefined || (highest && input.bandMaximum >= highest.value)) return highest;
  const base = highest ?? { key: 'funding.band-maximum', label: 'funding band maximum', from: input.date };
  return { ...base, value: input.bandMaximum, text: money(input.bandMaximum) };
}
