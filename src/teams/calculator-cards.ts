import type { Attachment } from '@microsoft/agents-activity';
import { adaptiveCard, heading, paragraph } from './adaptive-card.js';

/** The levy calculator and eligibility checker as cards, and what their submissions produce. */
export type TeamsCalculators = {
  levyCard(): Attachment;
  eligibilityCard(): Attachment;
  submit(data: { action: string; [key: string]: unknown }, submissionId: string): string | Attachment;
};

export function createTeamsCalculators(): TeamsCalculators {
  const unavailable = (name: string) =>
    adaptiveCard([heading(name), paragraph('This form is not available yet. Ask your question in words instead.')]);
  return {
    levyCard: () => unavailable('Levy calculator'),
    eligibilityCard: () => unavailable('Eligibility checker'),
    submit: () => 'This form is not available yet. Ask your question in words instead.',
  };
}
