import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Citation } from '../answer/answer.js';
import { citeArticles } from '../answer/cite.js';
import {
  calculateLevy,
  checkEligibility,
  EligibilityInput,
  LevyInput,
  parseAmount,
  renderEligibilityText,
  renderLevyText,
} from '../calculators/index.js';
import { KnowledgeError } from '../errors.js';
import { IsoDate } from '../knowledge/article-schema.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import type { CliContext } from './cli-context.js';

type LevyFlags = {
  payBill?: string;
  englandShare?: string;
  connected?: boolean;
  allowanceShare?: string;
  taxYear?: string;
  apprenticeshipPrice?: string;
  apprenticeAge?: string;
  ehcOrCareLeaver?: boolean;
  employees?: string;
  asOf?: string;
  json?: boolean;
};

type EligibilityFlags = {
  json?: string;
  output?: string;
  age?: string;
  startDate?: string;
  rightToWork?: string | boolean;
  residency?: string;
  yearsResident?: string;
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
  asOf?: string;
};

const AsOf = IsoDate.optional();

/** "80%" → 0.8 and "0.8" → 0.8; a bare number is a fraction, so "80" is refused by the schema, never guessed. */
function shareFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const percent = /^(\d+(?:\.\d+)?)\s?%$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  const number = Number(trimmed);
  return trimmed !== '' && Number.isFinite(number) ? number : value;
}

function amountFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return parseAmount(value) ?? value;
}

function numberFlag(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  const number = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

/** A yes/no/unknown flag given bare (`--care-leaver`) means yes. */
function answerFlag(value: string | boolean | undefined): unknown {
  return value === true ? 'yes' : value;
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function renderCitations(citations: Citation[]): string {
  if (citations.length === 0) return '';
  return `\n\n${citations.map((citation) => `[${citation.n}] ${citation.title}${citation.url ? `: ${citation.url}` : ''}`).join('\n')}`;
}

function fail(context: CliContext, command: string, error: z.ZodError): void {
  const lines = error.issues.map((issue) => `skills-desk ${command}: ${issue.message}`);
  context.stderr.write(`${lines.join('\n')}\n`);
  context.setExitCode(1);
}

/** Loads the knowledge folder; a missing folder is reported like any other knowledge problem (exit code 2). */
async function readKnowledge(context: CliContext): Promise<Knowledge> {
  const directory = context.env.KNOWLEDGE_DIR?.trim() || 'knowledge';
  const isFolder = await stat(directory).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new KnowledgeError([`${directory}: knowledge folder not found (set KNOWLEDGE_DIR)`]);
  return loadKnowledge(directory);
}

/** `skills-desk levy` and `skills-desk eligibility`: the calculators from the command line, without a store. */
export function registerCalculatorCommands(program: Command, context: CliContext): void {
  program
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
    .option('--as-of <date>', 'apply the rules in force on this date (YYYY-MM-DD)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: LevyFlags) => {
      const asOf = AsOf.safeParse(flags.asOf);
      if (!asOf.success) return fail(context, 'levy', asOf.error);
      const input = LevyInput.safeParse(
        withoutUndefined({
          payBill: amountFlag(flags.payBill),
          englandShare: shareFlag(flags.englandShare),
          isConnected: flags.connected === true,
          allowanceShare: shareFlag(flags.allowanceShare),
          taxYear: flags.taxYear,
          apprenticeshipPrice: amountFlag(flags.apprenticeshipPrice),
          apprenticeAge: numberFlag(flags.apprenticeAge),
          apprenticeHasEhcPlanOrIsCareLeaver: flags.ehcOrCareLeaver,
          employeeCount: numberFlag(flags.employees),
        }),
      );
      if (!input.success) return fail(context, 'levy', input.error);
      const knowledge = await readKnowledge(context);
      const date = asOf.data ?? today();
      const result = calculateLevy(knowledge, input.data, date);
      const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today());
      context.stdout.write(
        flags.json
          ? `${JSON.stringify({ result, citations }, null, 2)}\n`
          : `${renderLevyText(result, citations)}${renderCitations(citations)}\n`,
      );
    });

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
    .action(async (flags: EligibilityFlags & { worksInEngland?: string | boolean }) => {
      const asOf = AsOf.safeParse(flags.asOf);
      if (!asOf.success) return fail(context, 'eligibility', asOf.error);
      const output = z.enum(['text', 'json'], { error: 'output must be text or json' }).safeParse(flags.output);
      if (!output.success) return fail(context, 'eligibility', output.error);
      let fromJson: Record<string, unknown> = {};
      if (flags.json !== undefined) {
        const parsedJson = z
          .string()
          .transform((text, ctx) => {
            try {
              return JSON.parse(text) as unknown;
            } catch {
              ctx.addIssue({ code: 'custom', message: '--json must be a JSON object, e.g. {"age": 17}' });
              return z.NEVER;
            }
          })
          .pipe(z.record(z.string(), z.unknown(), { error: '--json must be a JSON object, e.g. {"age": 17}' }))
          .safeParse(flags.json);
        if (!parsedJson.success) return fail(context, 'eligibility', parsedJson.error);
        fromJson = parsedJson.data;
      }
      const input = EligibilityInput.safeParse({
        ...fromJson,
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
      });
      if (!input.success) return fail(context, 'eligibility', input.error);
      const knowledge = await readKnowledge(context);
      const result = checkEligibility(knowledge, input.data, asOf.data ?? today());
      const citations = citeArticles(knowledge, result.articleIds, result.rulesDate, today());
      context.stdout.write(
        output.data === 'json'
          ? `${JSON.stringify({ result, citations }, null, 2)}\n`
          : `${renderEligibilityText(result, citations)}${renderCitations(citations)}\n`,
      );
    });
}
