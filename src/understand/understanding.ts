import type { QuestionIntent } from '../answer/question-time.js';
import type { SubjectLexicon } from './subject-lexicon.js';

export const INTENTS = ['question', 'calculation', 'enquiry', 'out_of_scope', 'greeting', 'help', 'command'] as const;
export type Intent = (typeof INTENTS)[number];

export const TOPICS = ['levy', 'apprenticeships', 'llw', 'hackney-100', 's106', 'employer-offer', 'none'] as const;
export type Topic = (typeof TOPICS)[number];

export const OUT_OF_SCOPE_REASONS = [
  'other_place',
  'hr_casework',
  'other_service',
  'personal_data',
  'chit_chat',
  'ignore_rules',
] as const;
export type OutOfScopeReason = (typeof OUT_OF_SCOPE_REASONS)[number];

export const CALCULATOR_KINDS = ['levy', 'eligibility', 'co_investment'] as const;
export type CalculatorKind = (typeof CALCULATOR_KINDS)[number];

export const ENQUIRY_VOICES = ['first_person', 'reported'] as const;
export type EnquiryVoice = (typeof ENQUIRY_VOICES)[number];

export type ConversationTurn = { role: 'user' | 'assistant'; text: string };

/** Values a calculator reads from the message (levy or eligibility field names). */
export type CalculatorInputs = Record<string, string | number | boolean>;

export type CalculatorRequest = {
  kind: CalculatorKind;
  inputs: CalculatorInputs;
  /** On a calculator follow-up: the inputs that differ from the calculation it follows, as they now stand. */
  changed?: CalculatorInputs;
};

/** The earlier message a follow-up takes its subject from. */
export type Inherited = {
  /** The question that named the subject (the first of a chain of follow-ups). */
  question: string;
  /** The latest earlier message, when it is a follow-up itself ("and for 25 hrs?"): its values are the newest. */
  latest?: string;
  intent: Intent;
  topic: Topic;
  calculator?: CalculatorRequest;
};

/** What one message means, decided once and read by everything downstream. */
export type Understanding = {
  intent: Intent;
  topic: Topic;
  /** Whether the message takes its subject from the conversation so far. */
  followUp: boolean;
  inherits?: Inherited;
  calculator?: CalculatorRequest;
  timeAskedAbout: QuestionIntent;
  /** The classifier's probability for the intent it chose, from 0 to 1. */
  confidence: number;
  outOfScopeReason?: OutOfScopeReason;
  enquiryVoice?: EnquiryVoice;
  /** Places outside the borough that the message names, as written (lower case). */
  placesOutside: string[];
  /** Whether one of them is in Scotland, Wales or Northern Ireland (work there bears on English apprenticeship funding). */
  namesUkOutsideEngland?: boolean;
};

export type UnderstandRequest = {
  message: string;
  history?: readonly ConversationTurn[];
  /** YYYY-MM-DD: the date the question is asked "as of". */
  asOf: string;
  /** YYYY-MM-DD: today. */
  today: string;
  /**
   * The subjects the knowledge base names: a message naming one of another topic than the thread's has a subject of
   * its own, however short it is ("what does off the job mean" after a levy sum).
   */
  subjects?: SubjectLexicon;
};
