import type { types as SlackTypes } from '@slack/bolt';
import type { FormField, FormOption } from '../../calculators/index.js';
import { inputValue, type ViewSubmission } from '../enquiries/index.js';
import { modalView } from '../modal-view.js';

const INPUT_ACTION = 'value';

const option = (choice: FormOption): SlackTypes.PlainTextOption => ({
  text: { type: 'plain_text', text: choice.label.slice(0, 75) },
  value: choice.value,
});

function fieldElement(field: FormField): SlackTypes.InputBlock['element'] {
  if (field.kind === 'select' && field.options) {
    const initial = field.options.find((choice) => choice.value === field.initial);
    return {
      type: 'static_select',
      action_id: INPUT_ACTION,
      options: field.options.map(option),
      ...(initial !== undefined && { initial_option: option(initial) }),
    };
  }
  if (field.kind === 'date') {
    return {
      type: 'datepicker',
      action_id: INPUT_ACTION,
      ...(field.initial !== undefined && { initial_date: field.initial }),
    };
  }
  return {
    type: 'plain_text_input',
    action_id: INPUT_ACTION,
    ...(field.initial !== undefined && { initial_value: field.initial }),
  };
}

/** An input block per calculator field: the block id is the field's name, so errors land on the right input. */
export function fieldBlocks(fields: FormField[]): SlackTypes.InputBlock[] {
  return fields.map((field) => ({
    type: 'input',
    block_id: field.name,
    optional: !field.required,
    label: { type: 'plain_text', text: field.label },
    ...(field.hint !== undefined && { hint: { type: 'plain_text', text: field.hint } }),
    element: fieldElement(field),
  }));
}

export type CalculatorModalSpec = {
  callbackId: string;
  title: string;
  submit: string;
  intro: string;
  fields: FormField[];
};

/** A calculator form as a Slack modal. */
export function buildCalculatorModal(spec: CalculatorModalSpec): SlackTypes.ModalView {
  return modalView({
    callbackId: spec.callbackId,
    title: spec.title,
    submit: spec.submit,
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: spec.intro }] }, ...fieldBlocks(spec.fields)],
  });
}

/** The submitted form as the calculators read it: field name → text (blank fields left out). */
export function readFieldValues(submission: ViewSubmission, fields: FormField[]): Record<string, string | undefined> {
  return Object.fromEntries(fields.map((field) => [field.name, inputValue(submission, field.name)]));
}
