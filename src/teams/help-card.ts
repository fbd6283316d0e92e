import type { Attachment } from '@microsoft/agents-activity';
import { SUGGESTED_QUESTIONS, WHAT_SKILLS_DESK_DOES } from '../conversation/index.js';
import { adaptiveCard, heading, paragraph, submitAction } from './adaptive-card.js';
import { CARD_ACTIONS } from './card-actions.js';

/** What the bot does, with buttons for its cards. */
export function helpCard(): Attachment {
  return adaptiveCard(
    [
      heading('Skills Desk'),
      paragraph(
        'Ask me about the apprenticeship levy, apprenticeship funding and eligibility, the London Living Wage, ' +
          'Hackney 100 placements and Section 106 employment and skills obligations. Every answer lists its sources.',
      ),
      paragraph(
        'In a chat with me, type **levy**, **eligibility** or **enquiry** to open a form, or **help** for this card. ' +
          'In a channel, mention me with your question and I reply in the thread.',
      ),
    ],
    [
      submitAction('Levy calculator', { action: CARD_ACTIONS.openCard, card: 'levy' }),
      submitAction('Eligibility checker', { action: CARD_ACTIONS.openCard, card: 'eligibility' }),
      submitAction('Log employer enquiry', { action: CARD_ACTIONS.openCard, card: 'enquiry' }),
    ],
  );
}

/** The welcome on install or when added to a team: what Skills Desk does, and the suggested questions as buttons. */
export function welcomeCard(): Attachment {
  return adaptiveCard(
    [heading('Welcome to Skills Desk'), paragraph(WHAT_SKILLS_DESK_DOES), paragraph('Try one of these:')],
    SUGGESTED_QUESTIONS.map((prompt) => ({
      type: 'Action.Submit',
      title: prompt.message,
      // imBack sends the question as if the person had typed it.
      data: { msteams: { type: 'imBack', value: prompt.message } },
    })),
  );
}
