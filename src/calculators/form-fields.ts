import type { z } from 'zod';
import { parseAmount } from '../understand/values/index.js';
import { EligibilityInput, RESIDENCY_STATUSES } from './eligibility/eligibility-input.js';
import { LevyInput } from './levy/levy-input.js';

export type FormFieldKind = 'money' | 'number' | 'percent' | 'date' | 'text' | 'select';
export type FormOption = { value: string; label: string };

/** One field of a calculator form, for Slack modals and Teams cards alike. Values come back as strings. */
export type FormField = {
  name: string;
  label: string;
  kind: FormFieldKind;
  required: boolean;
  options?: FormOption[];
  /** Short help shown under the field. */
  hint?: string;
  /** The value to start with, as the form would send it back. */
  initial?: string;
};

export type FormIssue = { field: string; message: string };
export type FormResult<T> = { ok: true; value: T } | { ok: false; issues: FormIssue[] };

const YES_NO: FormOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const YES_NO_UNKNOWN: FormOption[] = [...YES_NO, { value: 'unknown', label: 'Not known' }];

/** An optional yes/no question; the input takes it as a boolean (its options are `YES_NO` itself). */
const yesNoField = (name: string, label: string, initial?: 'no'): FormField => ({
  name,
  label,
  kind: 'select',
  required: false,
  options: YES_NO,
  ...(initial !== undefined && { initial }),
});

/** An optional yes/no/not known question, starting at not known. */
const yesNoUnknownField = (name: string, label: string): FormField => ({
  name,
  label,
  kind: 'select',
  required: false,
  options: YES_NO_UNKNOWN,
  initial: 'unknown',
});

const RESIDENCY_LABELS: Record<(typeof RESIDENCY_STATUSES)[number], string> = {
  'uk-national': 'UK national',
  settled: 'EU Settlement Scheme: settled status',
  'pre-settled': 'EU Settlement Scheme: pre-settled status',
  refugee: 'Refugee status or humanitarian protection',
  'visa-non-study': 'Visa not for study (for example a work or family visa)',
  'study-visa': 'Student visa',
  'asylum-seeker': 'Asylum seeker',
  other: 'Other status',
  unknown: 'Not known',
};

export const levyFormFields: FormField[] = [
  { name: 'payBill', label: 'Annual pay bill (£)', kind: 'money', required: true, hint: 'For example 5000000 or £5m' },
  {
    name: 'englandShare',
    label: 'Share of the pay bill for employees living in England (%)',
    kind: 'percent',
    required: false,
    initial: '100',
  },
  yesNoField('isConnected', 'Connected to other companies or charities?', 'no'),
  {
    name: 'allowanceShare',
    label: 'Share of the levy allowance this employer uses (%)',
    kind: 'percent',
    required: false,
    initial: '100',
  },
  {
    name: 'taxYear',
    label: 'Tax year',
    kind: 'text',
    required: false,
    hint: 'For example 2025-26; blank for the current year',
  },
  { name: 'apprenticeshipPrice', label: 'Price of one apprenticeship (£)', kind: 'money', required: false },
  {
    name: 'bandMaximum',
    label: 'Funding band maximum of the standard (£)',
    kind: 'money',
    required: false,
    hint: 'Blank for the highest band',
  },
  { name: 'apprenticeAge', label: "Apprentice's age at the start", kind: 'number', required: false },
  yesNoField('apprenticeHasEhcPlanOrIsCareLeaver', 'Apprentice has an EHC plan or has been in care?'),
  { name: 'employeeCount', label: 'Number of employees', kind: 'number', required: false },
];

export const eligibilityFormFields: FormField[] = [
  { name: 'age', label: 'Age on the start date', kind: 'number', required: true },
  { name: 'startDate', label: 'Start date', kind: 'date', required: false, hint: 'Blank for today' },
  yesNoUnknownField('rightToWork', 'Right to work in the UK?'),
  {
    name: 'residency',
    label: 'Nationality or immigration status',
    kind: 'select',
    required: false,
    options: RESIDENCY_STATUSES.map((value) => ({ value, label: RESIDENCY_LABELS[value] })),
    initial: 'unknown',
  },
  { name: 'yearsInUk', label: 'Years lived in the UK', kind: 'number', required: false },
  yesNoUnknownField('worksMostlyInEngland', 'At least half of working hours in England?'),
  yesNoUnknownField('inOtherFundedEducation', 'On another funded course or using a student loan?'),
  {
    name: 'priorQualificationLevel',
    label: 'Highest qualification level (0 for none, 6 for a degree)',
    kind: 'select',
    required: false,
    options: ['0', '1', '2', '3', '4', '5', '6', '7', '8'].map((value) => ({
      value,
      label: value === '0' ? 'None' : `Level ${value}`,
    })),
  },
  yesNoUnknownField('priorQualificationSameArea', 'Is that qualification in the same occupational area?'),
  { name: 'hoursPerWeek', label: 'Contracted hours a week', kind: 'number', required: false },
  { name: 'durationMonths', label: 'Planned duration (months)', kind: 'number', required: false },
  {
    name: 'level',
    label: 'Apprenticeship level',
    kind: 'select',
    required: false,
    options: ['2', '3', '4', '5', '6', '7'].map((value) => ({ value, label: `Level ${value}` })),
  },
  { name: 'standardName', label: 'Apprenticeship standard', kind: 'text', required: false },
  yesNoField('isFoundationApprenticeship', 'Foundation apprenticeship?', 'no'),
  yesNoUnknownField('levyPayer', 'Does the employer pay the levy?'),
  { name: 'employeeCount', label: 'Number of employees', kind: 'number', required: false },
  yesNoUnknownField('isCareLeaver', 'Care leaver?'),
  yesNoUnknownField('hasEhcPlan', 'Has an EHC plan?'),
];

/** Turns a form's string values into the shapes the schema expects; unreadable values pass through for zod to name. */
function formValuesToInput(fields: FormField[], values: Record<string, string | undefined>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (field.options === YES_NO) {
      input[field.name] = raw === 'yes' ? true : raw === 'no' ? false : raw;
    } else if (field.kind === 'money') {
      input[field.name] = parseAmount(raw) ?? raw;
    } else if (field.kind === 'percent') {
      const value = Number(raw.replace(/\s?%$/, ''));
      input[field.name] = Number.isFinite(value) ? value / 100 : raw;
    } else if (field.kind === 'number' || (field.kind === 'select' && /^\d+$/.test(raw))) {
      const value = Number(raw.replace(/,/g, ''));
      input[field.name] = Number.isFinite(value) ? value : raw;
    } else {
      input[field.name] = raw;
    }
  }
  return input;
}

function toFormResult<T>(result: z.ZodSafeParseResult<T>, fields: FormField[]): FormResult<T> {
  if (result.success) return { ok: true, value: result.data };
  const fallback = fields[0]?.name ?? 'form';
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: typeof issue.path[0] === 'string' ? issue.path[0] : fallback,
      message: issue.message,
    })),
  };
}

/** Validates the levy form's values (percent fields in %, money as people write it). */
export function parseLevyForm(values: Record<string, string | undefined>): FormResult<LevyInput> {
  return toFormResult(LevyInput.safeParse(formValuesToInput(levyFormFields, values)), levyFormFields);
}

/** Validates the eligibility form's values. */
export function parseEligibilityForm(values: Record<string, string | undefined>): FormResult<EligibilityInput> {
  return toFormResult(
    EligibilityInput.safeParse(formValuesToInput(eligibilityFormFields, values)),
    eligibilityFormFields,
  );
}
