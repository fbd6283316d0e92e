import { formatDate } from '../../knowledge/format.js';
import { type CalculationLine, figureLine } from '../shared/calculation-line.js';
import type { FigureReader } from '../shared/figure-reader.js';
import { sourced } from './eligibility-rule.js';

function ageRateKey(reader: FigureReader, age: number, date: string): string | undefined {
  const nlwAge = reader.read('wage.nlw-age', date);
  if (!nlwAge) return undefined;
  if (age >= nlwAge.value) return 'wage.nlw';
  if (age >= 21) return 'wage.21-to-nlw-age';
  if (age >= 18) return 'wage.18-to-20';
  return 'wage.under-18';
}

/** Minimum pay in the first year and after it, and the London Living Wage the council recommends. */
export function payLines(reader: FigureReader, age: number, date: string): CalculationLine[] {
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
    return figureLine(
      'apprentice-rate',
      label,
      apprentice,
      `the apprentice rate applies to apprentices under 19 and to everyone in the first year (rate from ${formatDate(apprentice.from)})`,
    );
  });
  // Under 19 the apprentice rate applies whatever the year; the age rate starts once they are 19 and past year one.
  const laterAge = Math.max(age, 19);
  const ageRateLine = sourced(reader, (): CalculationLine => {
    const label = age < 19 ? 'Minimum pay once 19 and past the first year' : 'Minimum pay after the first year';
    const key = ageRateKey(reader, laterAge, date);
    const ageRate = key ? reader.read(key, date) : undefined;
    if (!ageRate) return notHeld('age-rate', label, key ?? 'wage.nlw-age');
    return figureLine(
      'age-rate',
      label,
      ageRate,
      `${ageRate.label} for someone aged ${laterAge} on ${formatDate(date)} (rate from ${formatDate(ageRate.from)}; rates change each April)`,
    );
  });
  const londonLivingWage = sourced(reader, (): CalculationLine => {
    const label = "The council's recommendation: the London Living Wage";
    const llw = reader.read('llw.rate', date);
    if (!llw) return notHeld('london-living-wage', label, 'llw.rate');
    return figureLine('london-living-wage', label, llw, `London Living Wage rate announced ${formatDate(llw.from)}`);
  });
  return [apprenticeRate, ageRateLine, londonLivingWage];
}
