import { answerWithTools, EligibilityInput, LevyInput } from '../calculators/index.js';
import { formatDate, formatMoney } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { CalculatorInputs, CalculatorRequest } from '../understand/index.js';
import type { Answer } from './answer.js';

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** One changed calculator input, in words: "England share 75%". */
function describeInput(key: string, value: string | number | boolean): string {
  const yesNo = (label: string) =>
    `${label}: ${value === true || value === 'yes' ? 'yes' : value === false || value === 'no' ? 'no' : String(value)}`;
  switch (key) {
    case 'payBill':
      return `pay bill ${formatMoney(Number(value))}`;
    case 'englandShare':
      return `England share ${percent(Number(value))}`;
    case 'allowanceShare':
      return `allowance share ${percent(Number(value))}`;
    case 'isConnected':
      return yesNo('connected companies');
    case 'taxYear': {
      const start = Number(String(value).slice(0, 4));
      return `tax year ${start} to ${start + 1}`;
    }
    case 'apprenticeshipPrice':
      return `apprenticeship price ${formatMoney(Number(value))}`;
    case 'apprenticeAge':
    case 'age':
      return `age ${value}`;
    case 'employeeCount':
      return `employees ${value}`;
    case 'startDate':
      return `start date ${formatDate(String(value))}`;
    case 'level':
      return `level ${value}`;
    case 'hoursPerWeek':
      return `${value} hours a week`;
    case 'durationMonths':
      return `${value} months`;
    default:
      return `${key.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${String(value)}`;
  }
}

export function describeChanges(changed: CalculatorInputs): string {
  return Object.entries(changed)
    .map(([key, value]) => describeInput(key, value))
    .join(', ');
}

/**
 * Runs the calculator the understanding step chose, with the values it read; a follow-up's answer opens with what
 * changed from the calculation before it.
 */
export function calculate(
  knowledge: Knowledge,
  request: CalculatorRequest,
  question: string,
  ruleDate: string,
  today: string,
): Answer | undefined {
  const tool = request.kind === 'eligibility' ? 'eligibility' : 'levy';
  // Only the fields the chosen calculator takes (a co-investment question also says whether they pay the levy).
  const fields = new Set(Object.keys(tool === 'eligibility' ? EligibilityInput.shape : LevyInput.shape));
  const values = Object.fromEntries(Object.entries(request.inputs).filter(([key]) => fields.has(key)));
  const answer = answerWithTools(knowledge, question, ruleDate, today, { tool, values });
  if (!answer || request.changed === undefined) return answer;
  const changes = describeChanges(request.changed);
  return { ...answer, text: `${changes ? `Changed: ${changes}.` : 'Nothing I could read changed.'}\n\n${answer.text}` };
}
