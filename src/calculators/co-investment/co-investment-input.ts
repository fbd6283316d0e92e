import { z } from 'zod';
import { IsoDate } from '../../knowledge/article-schema.js';
import { YES_NO_UNKNOWN } from '../eligibility/eligibility-input.js';
import { unknownFields } from '../shared/input-errors.js';
import { employeeCount, wholeNumber } from '../shared/input-fields.js';

const PRICE_MESSAGE = 'course price must be an amount in pounds, such as 9000';

/** What the co-investment calculator needs: the price of one apprenticeship, who pays the levy, and the apprentice. */
export const CoInvestmentInput = z
  .object(
    {
      price: z
        .number({ error: (issue) => (issue.input === undefined ? 'course price is required' : PRICE_MESSAGE) })
        .finite({ error: PRICE_MESSAGE })
        .gt(0, { error: 'course price must be more than £0' })
        .max(1_000_000, { error: 'course price must be no more than £1,000,000' })
        .describe('Agreed price of one apprenticeship (training and end-point assessment) in pounds.'),
      apprenticeAge: wholeNumber('apprentice age', 14, 100).optional().describe("The apprentice's age at the start."),
      levyPayer: z
        .enum(YES_NO_UNKNOWN, { error: 'levy payer must be yes, no or unknown' })
        .default('no')
        .describe('Whether the employer pays the Apprenticeship Levy. Default no (a pay bill of £3 million or less).'),
      hasEhcPlanOrIsCareLeaver: z
        .enum(YES_NO_UNKNOWN, { error: 'EHC plan or care leaver must be yes, no or unknown' })
        .default('unknown')
        .describe('Whether the apprentice has an EHC plan or has been in local authority care.'),
      levyFundsUsedUp: z
        .enum(YES_NO_UNKNOWN, { error: 'levy funds used up must be yes, no or unknown' })
        .default('unknown')
        .describe('For a levy payer: whether its apprenticeship service account has run out of levy funds.'),
      employeeCount: employeeCount()
        .optional()
        .describe('Number of employees, for the small-employer rules of 2017 to 2024.'),
      startDate: IsoDate.optional().describe('Planned start date, YYYY-MM-DD. Default: the date asked about.'),
      bandMaximum: z
        .number({ error: 'band maximum must be an amount in pounds, such as 12000' })
        .finite({ error: 'band maximum must be an amount in pounds, such as 12000' })
        .gt(0, { error: 'band maximum must be more than £0' })
        .max(1_000_000, { error: 'band maximum must be no more than £1,000,000' })
        .optional()
        .describe(
          "The funding band maximum of the apprenticeship's standard, in pounds, when known. Default: the highest band.",
        ),
    },
    { error: unknownFields },
  )
  .strict();
export type CoInvestmentInput = z.infer<typeof CoInvestmentInput>;
/** Co-investment input as written by a caller, before defaults are filled in. */
export type CoInvestmentInputDraft = z.input<typeof CoInvestmentInput>;
