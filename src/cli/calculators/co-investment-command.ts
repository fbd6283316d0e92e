import type { Command } from 'commander';
import { CoInvestmentInput } from '../../calculators/index.js';
import type { CliContext } from '../cli-context.js';
import { type CalculatorFlags, flagsCalculatorAction, type JsonFlag } from './calculator-action.js';
import { amountFlag, answerFlag, numberFlag } from './calculator-flags.js';

type CoInvestmentFlags = CalculatorFlags &
  JsonFlag & {
    price?: string;
    bandMax?: string;
    age?: string;
    levyPayer?: string | boolean;
    ehcOrCareLeaver?: string | boolean;
    levyFundsUsedUp?: string | boolean;
    employees?: string;
    startDate?: string;
  };

/** `skills-desk co-investment`: who pays for one apprenticeship, the employer or the government. */
export function registerCoInvestmentCommand(program: Command, context: CliContext): void {
  const command = program
    .command('co-investment')
    .alias('coinvestment')
    .description('Work out who pays for one apprenticeship: what the employer pays and what the government pays')
    .option('--price <amount>', 'agreed price of the apprenticeship (training and assessment), e.g. 9000 or £9k')
    .option('--band-max <amount>', "funding band maximum of the apprenticeship's standard; default the highest band")
    .option('--age <age>', "apprentice's age at the start")
    .option('--levy-payer [answer]', 'the employer pays the levy: yes, no or unknown (default no)')
    .option('--ehc-or-care-leaver [answer]', 'the apprentice has an EHC plan or has been in care: yes, no or unknown')
    .option('--levy-funds-used-up [answer]', "a levy payer's account has run out of levy funds: yes, no or unknown")
    .option('--employees <count>', 'number of employees')
    .option('--start-date <date>', 'planned start date (YYYY-MM-DD); default the --as-of date or today')
    .option('--as-of <date>', 'the date asked about (YYYY-MM-DD)');
  flagsCalculatorAction(
    context,
    command,
    { kind: 'co-investment', schema: CoInvestmentInput },
    (flags: CoInvestmentFlags) => ({
      price: amountFlag(flags.price),
      bandMaximum: amountFlag(flags.bandMax),
      apprenticeAge: numberFlag(flags.age),
      levyPayer: answerFlag(flags.levyPayer),
      hasEhcPlanOrIsCareLeaver: answerFlag(flags.ehcOrCareLeaver),
      levyFundsUsedUp: answerFlag(flags.levyFundsUsedUp),
      employeeCount: numberFlag(flags.employees),
      startDate: flags.startDate,
    }),
  );
}
