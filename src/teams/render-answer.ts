import { randomUUID } from 'node:crypto';
import { Activity, type Attachment, type Entity } from '@microsoft/agents-activity';
import type { Answer, Citation } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';
import { adaptiveCard, type CardElement, paragraph, submitAction } from './adaptive-card.js';
import { CARD_ACTIONS } from './card-actions.js';
import { enquiryFormElements } from './enquiry-cards.js';

// Teams shows at most this much of a citation's title and abstract.
const CITATION_NAME_LIMIT = 80;
const CITATION_ABSTRACT_LIMIT = 160;

export type AnswerContext = {
  question: string;
  /** Link to the message the question came in (for enquiries logged from the answer). */
  sourceLink?: string;
  /** People outside the organisation cannot log enquiries from an answer. */
  isExternal: boolean;
};

/** The Teams `Message` entity: numbered citations matching the `[n]` markers, and the AI label for model answers. */
export function citationEntity(answer: Answer): Entity | undefined {
  const isModel = answer.mode === 'model';
  if (answer.citations.length === 0 && !isModel) return undefined;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(isModel && { additionalType: ['AIGeneratedContent'] }),
    citation: answer.citations.map((citation) => ({
      '@type': 'Claim',
      position: citation.n,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(citationName(citation), CITATION_NAME_LIMIT),
        abstract: clip(citationAbstract(citation), CITATION_ABSTRACT_LIMIT),
        ...(citation.url && { url: citation.url }),
      },
    })),
  };
}

/** The reply for an answer: the engine's text as it is, citations, Teams' feedback buttons, and the follow-up card. */
export function renderTeamsAnswer(answer: Answer, context: AnswerContext): Activity {
  const entity = citationEntity(answer);
  const card = answerCard(answer, context);
  return Activity.fromObject({
    type: 'message',
    text: answer.text,
    textFormat: 'markdown',
    ...(entity && { entities: [entity] }),
    ...(card && { attachments: [card] }),
    channelData: { feedbackLoopEnabled: true },
  });
}

function answerCard(answer: Answer, context: AnswerContext): Attachment | undefined {
  const body: CardElement[] = [];
  if (answer.notice) body.push(paragraph(answer.notice, { subtle: true }));
  const dueForReview = answer.citations.filter((citation) => citation.isDueForReview);
  if (dueForReview.length > 0) {
    const list = dueForReview.map((citation) => `[${citation.n}] (due ${formatDate(citation.reviewBy)})`).join(', ');
    body.push(paragraph(`Source due for review: ${list}. Check before relying on it.`, { subtle: true }));
  }

  const actions: CardElement[] = [];
  if (answer.tool) {
    actions.push(
      submitAction(answer.tool === 'levy' ? 'Open the levy calculator' : 'Open the eligibility checker', {
        action: CARD_ACTIONS.openCard,
        card: answer.tool,
      }),
    );
  }
  if (!context.isExternal) {
    actions.push(
      showForm('Ask the team', {
        description: `Question from Teams: ${context.question}`,
        arrivedVia: 'staff',
        submissionId: randomUUID(),
        ...(context.sourceLink !== undefined && { sourceLink: context.sourceLink }),
      }),
    );
    if (answer.enquirySuggested) {
      actions.push(
        showForm('Log employer enquiry', {
          description: context.question,
          arrivedVia: 'bot',
          submissionId: randomUUID(),
          ...(context.sourceLink !== undefined && { sourceLink: context.sourceLink }),
        }),
      );
    }
  }
  if (body.length === 0 && actions.length === 0) return undefined;
  return adaptiveCard(body, actions);
}

function showForm(title: string, prefill: Parameters<typeof enquiryFormElements>[0]): CardElement {
  const form = enquiryFormElements(prefill);
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: form.body, actions: form.actions } };
}

function citationName(citation: Citation): string {
  return citation.heading && citation.heading !== citation.title
    ? `${citation.title}: ${citation.heading}`
    : citation.title;
}

function citationAbstract(citation: Citation): string {
  return citation.isDueForReview ? `(Due for review) ${citation.snippet}` : citation.snippet;
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}
