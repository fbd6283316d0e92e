import { randomUUID } from 'node:crypto';
import type { Attachment } from '@microsoft/agents-activity';
import type { Answer } from '../answer/answer.js';
import {
  eligibilityAnswer,
  eligibilityFormFields,
  type FormField,
  type FormIssue,
  levyAnswer,
  levyFormFields,
  parseEligibilityForm,
  parseLevyForm,
} from '../calculators/index.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { adaptiveCard, type CardElement, heading, paragraph, submitAction } from './adaptive-card.js';
import { CARD_ACTIONS } from './card-actions.js';

export type CalculatorKind = 'levy' | 'eligibility';

/** What a calculator card's submission gives: the worked answer, or the card again with what to fix. */
export type CalculatorOutcome = { ok: true; answer: Answer; question: string } | { ok: false; card: Attachment };

/** The levy calculator and eligibility checker as cards, and what their submissions produce. */
export type TeamsCalculators = {
  card(kind: CalculatorKind): Attachment;
  submit(kind: CalculatorKind, data: Record<string, unknown>): CalculatorOutcome;
};

const TITLES: Record<CalculatorKind, { title: string; intro: string; question: string }> = {
  levy: {
    title: 'Apprenticeship levy calculator',
    intro: 'Works out the levy, the funds reaching the apprenticeship service account and who pays for training.',
    question: 'Levy calculator',
  },
  eligibility: {
    title: 'Apprenticeship eligibility checker',
    intro: 'Checks whether a person can start a funded apprenticeship, rule by rule.',
    question: 'Eligibility checker',
  },
};

export function createTeamsCalculators(deps: { knowledge: Knowledge; now: () => Date }): TeamsCalculators {
  const fieldsOf = (kind: CalculatorKind) => (kind === 'levy' ? levyFormFields : eligibilityFormFields);
  return {
    card(kind) {
      return calculatorCard(kind, fieldsOf(kind));
    },
    submit(kind, data) {
      const fields = fieldsOf(kind);
      const values = formValues(fields, data);
      const today = deps.now().toISOString().slice(0, 10);
      if (kind === 'levy') {
        const parsed = parseLevyForm(values);
        if (!parsed.ok) return { ok: false, card: calculatorCard(kind, fields, values, parsed.issues) };
        return {
          ok: true,
          question: TITLES.levy.question,
          answer: levyAnswer(deps.knowledge, parsed.value, today, today),
        };
      }
      const parsed = parseEligibilityForm(values);
      if (!parsed.ok) return { ok: false, card: calculatorCard(kind, fields, values, parsed.issues) };
      return {
        ok: true,
        question: TITLES.eligibility.question,
        answer: eligibilityAnswer(deps.knowledge, parsed.value, today, today),
      };
    },
  };
}

/** The form's values as strings, by field name; anything else in the submission is ignored. */
function formValues(fields: FormField[], data: Record<string, unknown>): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const field of fields) {
    const value = data[field.name];
    if (typeof value === 'string' && value.trim() !== '') values[field.name] = value.trim().slice(0, 200);
  }
  return values;
}

function calculatorCard(
  kind: CalculatorKind,
  fields: FormField[],
  values: Record<string, string | undefined> = {},
  issues: FormIssue[] = [],
): Attachment {
  const labels = new Map(fields.map((field) => [field.name, field.label]));
  const problems = issues.map((issue) => `- ${labels.get(issue.field) ?? issue.field}: ${issue.message}`).join('\n');
  return adaptiveCard(
    [
      heading(TITLES[kind].title),
      paragraph(TITLES[kind].intro, { subtle: true }),
      ...(issues.length > 0
        ? [{ type: 'TextBlock', text: `Please check:\n${problems}`, wrap: true, color: 'Attention' }]
        : []),
      ...fields.map((field) => input(field, values[field.name] ?? field.initial)),
    ],
    [
      submitAction(
        kind === 'levy' ? 'Work it out' : 'Check',
        {
          action: kind === 'levy' ? CARD_ACTIONS.submitLevy : CARD_ACTIONS.submitEligibility,
          submissionId: randomUUID(),
        },
        'positive',
      ),
    ],
  );
}

function input(field: FormField, value: string | undefined): CardElement {
  const common = {
    id: field.name,
    label: field.label,
    isRequired: field.required,
    ...(field.required && { errorMessage: `${field.label} is required` }),
    ...(value !== undefined && { value }),
  };
  switch (field.kind) {
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        style: 'compact',
        ...common,
        choices: (field.options ?? []).map((option) => ({ title: option.label, value: option.value })),
      };
    case 'date':
      return { type: 'Input.Date', ...common };
    default:
      // Money is typed as people write it ("£5m"), so every other kind is text the form parser reads.
      return { type: 'Input.Text', ...common, ...(field.hint !== undefined && { placeholder: field.hint }) };
  }
}
