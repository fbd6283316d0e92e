import { z } from 'zod';
import { IsoDate } from '../../knowledge/article-schema.js';
import { unknownFields } from '../shared/input-errors.js';
import { fraction, numberBetween as number, wholeNumber } from '../shared/input-fields.js';

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const YesNoUnknown = z.enum(YES_NO_UNKNOWN);
export type YesNoUnknown = z.infer<typeof YesNoUnknown>;

export const RESIDENCY_STATUSES = [
  'uk-national',
  'settled',
  'pre-settled',
  'refugee',
  'visa-non-study',
  'study-visa',
  'asylum-seeker',
  'other',
  'unknown',
] as const;
export const ResidencyStatus = z.enum(RESIDENCY_STATUSES, {
  error: `residency must be one of: ${RESIDENCY_STATUSES.join(', ')}`,
});
export type ResidencyStatus = z.infer<typeof ResidencyStatus>;

const yesNoUnknown = (name: string) =>
  z.enum(YES_NO_UNKNOWN, { error: `${name} must be yes, no or unknown` }).default('unknown');

/** What the eligibility checker needs about the person, the job and the employer. */
export const EligibilityInput = z
  .object(
    {
      age: wholeNumber('age', 14, 100).describe("The person's age on the start date."),
      startDate: IsoDate.optional().describe('Planned start date, YYYY-MM-DD. Default: the date asked about.'),
      rightToWork: yesNoUnknown('right to work').describe('Whether the person has the right to work in the UK.'),
      residency: ResidencyStatus.default('unknown').describe('Nationality or immigration status.'),
      yearsInUk: number('years resident in the UK', 0, 100)
        .optional()
        .describe('Years the person has been ordinarily resident in the UK before the start.'),
      worksMostlyInEngland: yesNoUnknown('works mostly in England').describe(
        'Whether at least half of their working hours will be in England.',
      ),
      englandWorkShare: fraction('England work share must be a number from 0 to 1 (0.4 means 40% of their hours)')
        .optional()
        .describe(
          'Share of their working hours in England, when the message gives it (3 days out of 5 in Wales: 0.4).',
        ),
      inOtherFundedEducation: yesNoUnknown('other funded education or student loan').describe(
        'Whether they are on another government-funded course or using a student loan during the apprenticeship.',
      ),
      priorQualificationLevel: wholeNumber('prior qualification level', 0, 8)
        .optional()
        .describe('Level of their highest qualification (0 for none, 6 for a degree).'),
      priorQualificationSameArea: yesNoUnknown('prior qualification in the same area').describe(
        'Whether that qualification is in the same occupational area as the apprenticeship.',
      ),
      hoursPerWeek: number('hours per week', 1, 100).optional().describe('Contracted hours per week.'),
      durationMonths: number('planned duration in months', 1, 120)
        .optional()
        .describe('Planned length of the apprenticeship in months (training, before assessment).'),
      level: wholeNumber('apprenticeship level', 2, 7).optional().describe('Apprenticeship level, 2 to 7.'),
      standardName: z
        .string({ error: 'standard name must be text' })
        .trim()
        .min(2, { error: 'standard name must be at least 2 characters' })
        .max(200, { error: 'standard name must be no more than 200 characters' })
        .optional()
        .describe('Name of the apprenticeship standard, if known.'),
      isFoundationApprenticeship: z
        .boolean({ error: 'foundation apprenticeship must be true or false' })
        .default(false)
        .describe('Whether this is a foundation apprenticeship.'),
      levyPayer: yesNoUnknown('levy payer').describe('Whether the employer pays the Apprenticeship Levy.'),
      employeeCount: wholeNumber('employee count', 1, 10_000_000).optional().describe('Number of employees.'),
      isCareLeaver: yesNoUnknown('care leaver').describe('Whether the person has been in local authority care.'),
      hasEhcPlan: yesNoUnknown('EHC plan').describe('Whether the person has an education, health and care plan.'),
    },
    { error: unknownFields },
  )
  .strict()
  .refine((input) => !input.isFoundationApprenticeship || input.level === undefined || input.level === 2, {
    error: 'a foundation apprenticeship is at level 2',
    path: ['level'],
  });
export type EligibilityInput = z.infer<typeof EligibilityInput>;
/** Eligibility input as written by a caller, before defaults are filled in. */
export type EligibilityInputDraft = z.input<typeof EligibilityInput>;
