import type { Attachment } from '@microsoft/agents-activity';
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
