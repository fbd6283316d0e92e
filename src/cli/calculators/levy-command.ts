import type { Command } from 'commander';
import { LevyInput } from '../../calculators/index.js';
import type { CliContext } from '../cli-context.js';
import { type CalculatorFlags, flagsCalculatorAction, type JsonFlag } from './calculator-action.js';
import { amountFlag, numberFlag, shareFlag } from './calculator-flags.js';

type LevyFlags = CalculatorFlags &
  JsonFlag & {
    payBill?: string;
    englandShare?: string;
    connected?: boolean;
    allowanceShare?: string;
    taxYear?: string;
    apprenticeshipPrice?: string;
    apprenticeAge?: string;
    ehcOrCareLeaver?: boolean;
    employees?: string;
  };

/** `skills-desk levy`: an employer's levy, account funds, expiry, transfers and co-investment. */
export function registerLevyCommand(program: Command, context: CliContext): void {
  const command = program
    .command('levy')
    .description("Work out an employer's Apprenticeship Levy, its account funds, expiry, transfers and co-investment")
    .option('--pay-bill <amount>', 'annual pay bill in pounds, e.g. 5000000 or 5m')
    .option('--england-share <share>', 'share of the pay bill for employees living in England: 0.8 or 80%', '1')
    .option('--connected', 'connected to other companies or charities that share the allowance')
    .option('--allowance-share <share>', 'share of the £15,000 allowance this employer uses: 0.5 or 50%', '1')
    .option('--tax-year <year>', 'tax year such as 2019-20 (default: the current one)')
    .option('--apprenticeship-price <amount>', 'price of one apprenticeship, to show who pays what')
    .option('--apprentice-age <age>', "apprentice's age at the start (for co-investment)")
    .option('--ehc-or-care-leaver', 'the apprentice has an EHC plan or has been in care')
    .option('--employees <count>', 'number of employees')
    .option('--as-of <date>', 'apply the rules in force on this date (YYYY-MM-DD)');
  flagsCalculatorAction(context, command, { kind: 'levy', schema: LevyInput }, (flags: LevyFlags) => ({
    payBill: amountFlag(flags.payBill),
    englandShare: shareFlag(flags.englandShare),
    isConnected: flags.connected === true,
    allowanceShare: shareFlag(flags.allowanceShare),
    taxYear: flags.taxYear,
    apprenticeshipPrice: amountFlag(flags.apprenticeshipPrice),
    apprenticeAge: numberFlag(flags.apprenticeAge),
    apprenticeHasEhcPlanOrIsCareLeaver: flags.ehcOrCareLeaver,
    employeeCount: numberFlag(flags.employees),
  }));
}
