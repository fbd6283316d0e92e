import { z } from 'zod';
import { formatMoney } from '../../knowledge/format.js';
import { unknownFields } from '../shared/input-errors.js';
import { employeeCount, fraction, wholeNumber } from '../shared/input-fields.js';

const TAX_YEAR_MESSAGE = 'tax year must be written like 2019-20 (the year it starts, a dash, and the next year)';

/** A UK tax year written "2019-20": it runs from 6 April 2019 to 5 April 2020. */
export const TaxYear = z
  .string({ error: TAX_YEAR_MESSAGE })
  .regex(/^\d{4}-\d{2}$/, { error: TAX_YEAR_MESSAGE })
  .refine((value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5)), { error: TAX_YEAR_MESSAGE });
export type TaxYear = z.infer<typeof TaxYear>;

const amount = (name: string, max: number) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined ? `${name} is required` : `${name} must be an amount in pounds, such as 5000000`,
    })
    .finite({ error: `${name} must be an amount in pounds, such as 5000000` })
    .min(0, { error: `${name} cannot be negative` })
    // Written without toLocaleString, whose first call loads ICU's number formats (about 12 ms of start-up).
    .max(max, { error: `${name} must be no more than ${formatMoney(max)}` });

/** What the levy calculator needs. */
export const LevyInput = z
  .object(
    {
      payBill: amount('pay bill', 1_000_000_000_000).describe(
        "The employer's annual pay bill in pounds: all earnings subject to employer Class 1 National Insurance.",
      ),
      payBillParts: z
        .array(amount('pay bill of a connected company', 1_000_000_000_000), {
          error: 'pay bill parts must be a list of amounts in pounds',
        })
        .min(2, { error: 'pay bill parts are for two or more connected companies' })
        .max(50, { error: 'pay bill parts can list at most 50 companies' })
        .optional()
        .describe(
          'The pay bills of connected companies or charities when there are several; payBill is then their sum (they share one allowance).',
        ),
      englandShare: fraction('England share must be a number from 0 to 1 (0.8 means 80% of the pay bill)')
        .default(1)
        .describe('Share of the pay bill paid to employees who live in England, from 0 to 1. Default 1.'),
      isConnected: z
        .boolean({ error: 'connected must be true or false' })
        .default(false)
        .describe('Whether the employer is connected to other companies or charities that share one allowance.'),
      allowanceShare: fraction('allowance share must be a number from 0 to 1 (0.5 means half of the allowance)')
        .default(1)
        .describe('Share of the levy allowance this employer uses, from 0 to 1. Default 1 (the whole allowance).'),
      taxYear: TaxYear.optional().describe(
        'Tax year such as "2019-20". Default: the tax year that contains the date asked about.',
      ),
      apprenticeshipPrice: amount('apprenticeship price', 1_000_000)
        .refine((value) => value > 0, { error: 'apprenticeship price must be more than £0' })
        .optional()
        .describe('Agreed price of one apprenticeship (training and assessment), to show who pays what.'),
      bandMaximum: amount('band maximum', 1_000_000)
        .refine((value) => value > 0, { error: 'band maximum must be more than £0' })
        .optional()
        .describe("The funding band maximum of the apprenticeship's standard, when known. Default: the highest band."),
      apprenticeAge: wholeNumber('apprentice age', 14, 100)
        .optional()
        .describe("The apprentice's age at the start, for co-investment rules that depend on age."),
      apprenticeHasEhcPlanOrIsCareLeaver: z
        .boolean({ error: 'EHC plan or care leaver must be true or false' })
        .optional()
        .describe('Whether the apprentice has an EHC plan or has been in local authority care.'),
      employeeCount: employeeCount().optional().describe('Number of employees, for the small-employer rules.'),
    },
    { error: unknownFields },
  )
  .strict()
  .refine(
    (input) =>
      input.payBillParts === undefined ||
      Math.abs(input.payBillParts.reduce((total, part) => total + part, 0) - input.payBill) < 0.01,
    { error: 'pay bill must be the sum of the connected companies’ pay bills', path: ['payBill'] },
  );
export type LevyInput = z.infer<typeof LevyInput>;
/** Levy input as written by a caller, before defaults are filled in. */
export type LevyInputDraft = z.input<typeof LevyInput>;
