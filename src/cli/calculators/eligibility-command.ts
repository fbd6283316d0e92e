import type { Command } from 'commander';
import { z } from 'zod';
import { EligibilityInput } from '../../calculators/index.js';
import { jsonText } from '../../json-text.js';
import type { CliContext } from '../cli-context.js';
import { type CalculatorFlags, calculatorAction, flagValue } from './calculator-action.js';
import { answerFlag, numberFlag, withoutUndefined } from './calculator-flags.js';

type EligibilityFlags = CalculatorFlags & {
  json?: string;
  output?: string;
  age?: string;
  startDate?: string;
  rightToWork?: string | boolean;
  residency?: string;
  yearsResident?: string;
  worksInEngland?: string | boolean;
  otherFunding?: string | boolean;
  priorLevel?: string;
  priorSameArea?: string | boolean;
  hours?: string;
  duration?: string;
  level?: string;
  standard?: string;
  foundation?: boolean;
  levyPayer?: string | boolean;
  employees?: string;
  careLeaver?: string | boolean;
  ehcPlan?: string | boolean;
};

const Output = z.enum(['text', 'json'], { error: 'output must be text or json' });
const JSON_OBJECT = '--json must be a JSON object, e.g. {"age": 17}';
const JsonInput = jsonText(JSON_OBJECT).pipe(z.record(z.string(), z.unknown(), { error: JSON_OBJECT }));

/** `skills-desk eligibility`: every rule for starting a funded apprenticeship, with pay, incentives and funding. */
export function registerEligibilityCommand(program: Command, context: CliContext): void {
  program
    .command('eligibility')
    .description(
      'Check whether a person can start a funded apprenticeship, with every rule, pay, incentives and funding',
    )
    .option('--json <input>', 'the whole input as JSON, e.g. \'{"age": 17, "hoursPerWeek": 20}\'')
    .option('--output <format>', 'text or json', 'text')
    .option('--age <age>', 'age on the start date')
    .option('--start-date <date>', 'planned start date (YYYY-MM-DD)')
    .option('--right-to-work [answer]', 'right to work in the UK: yes, no or unknown')
    .option(
      '--residency <status>',
      'uk-national, settled, pre-settled, refugee, visa-non-study, study-visa, asylum-seeker, other',
    )
    .option('--years-resident <years>', 'years lived in the UK')
    .option('--other-funding [answer]', 'on another funded course or using a student loan: yes, no or unknown')
    .option('--prior-level <level>', 'highest qualification level, 0 to 8')
    .option('--prior-same-area [answer]', 'that qualification is in the same occupational area: yes, no or unknown')
    .option('--hours <hours>', 'contracted hours a week')
    .option('--duration <months>', 'planned duration in months')
    .option('--level <level>', 'apprenticeship level, 2 to 7')
    .option('--standard <name>', 'apprenticeship standard')
    .option('--foundation', 'a foundation apprenticeship')
    .option('--levy-payer [answer]', 'the employer pays the levy: yes, no or unknown')
    .option('--employees <count>', 'number of employees')
    .option('--care-leaver [answer]', 'has been in local authority care: yes, no or unknown')
    .option('--ehc-plan [answer]', 'has an EHC plan: yes, no or unknown')
    .option('--works-in-england [answer]', 'at least half of working hours in England: yes, no or unknown')
    .option('--as-of <date>', 'the date asked about, used as the start date when none is given (YYYY-MM-DD)')
    .option('--verbose', 'print the full working as well')
    .action(
      calculatorAction(
        context,
        'eligibility',
        (flags: EligibilityFlags) => ({
          kind: 'eligibility',
          inputs: flagValue(
            EligibilityInput.safeParse({
              ...(flags.json === undefined ? {} : flagValue(JsonInput.safeParse(flags.json))),
              ...withoutUndefined({
                age: numberFlag(flags.age),
                startDate: flags.startDate,
                rightToWork: answerFlag(flags.rightToWork),
                residency: flags.residency,
                yearsInUk: numberFlag(flags.yearsResident),
                worksMostlyInEngland: answerFlag(flags.worksInEngland),
                inOtherFundedEducation: answerFlag(flags.otherFunding),
                priorQualificationLevel: numberFlag(flags.priorLevel),
                priorQualificationSameArea: answerFlag(flags.priorSameArea),
                hoursPerWeek: numberFlag(flags.hours),
                durationMonths: numberFlag(flags.duration),
                level: numberFlag(flags.level),
                standardName: flags.standard,
                isFoundationApprenticeship: flags.foundation,
                levyPayer: answerFlag(flags.levyPayer),
                employeeCount: numberFlag(flags.employees),
                isCareLeaver: answerFlag(flags.careLeaver),
                hasEhcPlan: answerFlag(flags.ehcPlan),
              }),
            }),
          ),
        }),
        // `--json` here is the input; `--output json` prints the result as JSON.
        (flags) => flagValue(Output.safeParse(flags.output)) === 'json',
      ),
    );
}
