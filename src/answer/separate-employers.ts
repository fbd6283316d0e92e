import { answerFromValues, calculateLevy, LevyInput } from '../calculators/index.js';
import { formatMoney } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Answer } from './answer.js';

/**
 * The levy of companies that are not connected: each pays on its own pay bill with its own allowance, so the
 * levy is worked out company by company and added up ("what if they weren't connected?" after a group's sum).
 */
export function separateEmployersAnswer(
  knowledge: Knowledge,
  parts: readonly number[],
  shared: { taxYear?: string; englandShare?: number },
  dates: { asOf: string; today: string },
): Answer | undefined {
  const each = parts.map((payBill) => {
    const parsed = LevyInput.safeParse({ payBill, ...shared });
    return parsed.success ? calculateLevy(knowledge, parsed.data, dates.asOf).annualLevy : undefined;
  });
  if (each.some((levy) => levy === undefined)) return undefined;
  const levies = each as number[];
  const total = Math.round(levies.reduce((sum, levy) => sum + levy, 0) * 100) / 100;
  // Citations and figures come from the calculator's own answer for the first company.
  const first = answerFromValues(knowledge, 'levy', { payBill: parts[0], ...shared }, dates);
  const allowance = first.figures.find((figure) => figure.key === 'levy.allowance')?.value;
  const lead = `**${formatMoney(total)} levy a year in all** when the companies are not connected: each pays on its own pay bill${allowance ? ` with its own ${allowance} allowance` : ''}.`;
  const lines = parts.map(
    (payBill, position) => `- ${formatMoney(payBill)} pay bill: ${formatMoney(levies[position] as number)} a year`,
  );
  // The first company's own structure and working would tell only part of the story: the text is the answer.
  const { blocks: _blocks, working: _working, ...rest } = first;
  return {
    ...rest,
    text: [lead, '', ...lines].join('\n'),
    calculation: { kind: 'levy', inputs: { payBill: parts.reduce((sum, part) => sum + part, 0), isConnected: false } },
  };
}
