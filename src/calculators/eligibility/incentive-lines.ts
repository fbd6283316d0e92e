import { formatDate } from '../../knowledge/format.js';
import { type CalculationLine, figureLine } from '../shared/calculation-line.js';
import type { FigureReader } from '../shared/figure-reader.js';
import { money } from '../shared/money.js';
import type { EligibilityInput, YesNoUnknown } from './eligibility-input.js';

/** Payments to the employer or the apprentice that the person's age and circumstances bring. */
export function incentiveLines(
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
        ...figureLine(
          'young-apprentice-payment',
          'Payment to the employer for a young apprentice',
          payment,
          `aged ${age} at the start (${youngMax.value} or under)`,
        ),
        articleIds: articlesOf('incentive.young-apprentice'),
      });
    } else if (extendedMax && age <= extendedMax.value && ehcOrCare !== 'no') {
      lines.push({
        ...figureLine(
          'young-apprentice-payment',
          ehcOrCare === 'yes'
            ? 'Payment to the employer for a young apprentice'
            : 'Payment to the employer if they have an EHC plan or have been in care',
          payment,
          `aged ${age}, up to ${extendedMax.value}, with an EHC plan or care experience`,
        ),
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
