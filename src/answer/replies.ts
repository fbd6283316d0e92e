import type { OutOfScopeReason, Understanding } from '../understand/index.js';
import type { Answer } from './answer.js';
import { DECLINE_TEXT } from './compose-extractive.js';

const COVERS =
  'I answer questions about apprenticeships and the apprenticeship levy, the London Living Wage, Hackney 100 placements and Section 106 employment and skills, I can work out an employer’s levy or check whether someone can start an apprenticeship, and I can pass an employer’s enquiry to the employer engagement officer.';

const GREETING_TEXT = `Hello. ${COVERS} What would you like to know?`;
/** Thanks rather than hello ("ta", "cheers", "thx"): the greeting's wording only, the intent is the model's. */
const THANKS = /\b(?:thanks?|thank you|thankyou|ta|cheers|thx|ty|much appreciated|nice one)\b/i;
const THANKS_TEXT =
  'You’re welcome. Ask me anything else about apprenticeships, the levy, the London Living Wage, Hackney 100 or S106.';
const HELP_TEXT = `${COVERS} Ask in your own words, for example "what is the London Living Wage?", "levy on a £4m pay bill" or "can a 17 year old start an apprenticeship?".`;
const COMMAND_TEXT =
  'I don’t know that command. In this chat you can use /as-of YYYY-MM-DD, /as-of today, /new, /help and /quit, or just ask a question.';

/** Why a message is declined, in words the person can act on. */
const DECLINE_BY_REASON: Record<OutOfScopeReason, string> = {
  other_place:
    'I only cover Hackney’s own schemes and the rules for England, so I can’t answer for another council, nation or country. Please check with that organisation.',
  hr_casework:
    'That is an employment or HR matter for the employer (for example a dismissal, sickness or a grievance), so I can’t advise on it. The employer’s HR adviser or Acas can help.',
  other_service:
    'That is for another council service, not Employment & Skills, so I can’t answer it here. The council’s website lists who to contact.',
  personal_data: 'I can’t look up or share personal details about anyone.',
  chit_chat: DECLINE_TEXT,
  ignore_rules: 'I can only give figures and rules from the Skills Desk knowledge base, with their sources.',
};

/** The decline's own last sentences: what Skills Desk covers, and the offer to pass the question on. */
const WHAT_I_COVER = DECLINE_TEXT.replace(/^[^.]*\. /, '');

type ReplyBase = Pick<Answer, 'asOf' | 'mode'>;

/** A reply that needs no knowledge: a greeting, what the bot does, an unknown command. */
export function conversationalReply(understanding: Understanding, base: ReplyBase, message = ''): Answer | undefined {
  const text =
    understanding.intent === 'greeting'
      ? THANKS.test(message)
        ? THANKS_TEXT
        : GREETING_TEXT
      : understanding.intent === 'help'
        ? HELP_TEXT
        : understanding.intent === 'command'
          ? COMMAND_TEXT
          : undefined;
  if (text === undefined) return undefined;
  return { ...base, kind: 'answer', text, citations: [], figures: [], enquirySuggested: false };
}

/** The decline for a message outside what Skills Desk covers. */
export function declineReply(understanding: Understanding, base: ReplyBase): Answer {
  const reason = understanding.outOfScopeReason;
  const text =
    reason === undefined || reason === 'chit_chat' ? DECLINE_TEXT : `${DECLINE_BY_REASON[reason]} ${WHAT_I_COVER}`;
  return { ...base, kind: 'decline', text, citations: [], figures: [], enquirySuggested: false };
}
