import type { Knowledge } from '../../knowledge/knowledge.js';
import { createFigureReader } from '../shared/figure-reader.js';

/**
 * Whether an employer with this pay bill pays the levy on `date`: only a pay bill over the threshold in force does.
 * Undefined when the facts hold no threshold for that date (the calculator then asks).
 */
export function levyPayerForPayBill(
  knowledge: Pick<Knowledge, 'facts'>,
  payBill: number,
  date: string,
): 'yes' | 'no' | undefined {
  const threshold = createFigureReader(knowledge).readIfInForce('levy.pay-bill-threshold', date);
  if (threshold === undefined) return undefined;
  return payBill > threshold.value ? 'yes' : 'no';
}
