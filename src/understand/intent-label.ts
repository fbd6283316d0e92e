import type { LabelledExample } from './example-schema.js';
import type { CalculatorKind, EnquiryVoice, Intent, OutOfScopeReason } from './understanding.js';

/**
 * The intent classifier's labels: the intent with its sub-kind where it has one ("calculation:levy",
 * "enquiry:reported", "out_of_scope:hr_casework"), so one decision gives both.
 */
export type IntentReading = {
  intent: Intent;
  calculator?: CalculatorKind;
  voice?: EnquiryVoice;
  reason?: OutOfScopeReason;
};

export function intentLabel(example: Pick<LabelledExample, 'intent' | 'calculator' | 'voice' | 'reason'>): string {
  if (example.intent === 'calculation') return `calculation:${example.calculator}`;
  if (example.intent === 'enquiry') return `enquiry:${example.voice}`;
  if (example.intent === 'out_of_scope') return `out_of_scope:${example.reason}`;
  return example.intent;
}

export function readIntentLabel(label: string): IntentReading {
  const [intent, detail] = label.split(':') as [Intent, string | undefined];
  if (intent === 'calculation') return { intent, calculator: detail as CalculatorKind };
  if (intent === 'enquiry') return { intent, voice: detail as EnquiryVoice };
  if (intent === 'out_of_scope') return { intent, reason: detail as OutOfScopeReason };
  return { intent };
}
