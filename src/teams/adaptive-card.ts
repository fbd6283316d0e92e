import type { Attachment } from '@microsoft/agents-activity';
import { CardFactory } from '@microsoft/agents-hosting';

/** An Adaptive Card element or action: plain JSON as the schema describes it. */
export type CardElement = { type: string; [key: string]: unknown };

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';

/** The card JSON itself (also the body of an Action.Execute reply). */
export function cardContent(body: CardElement[], actions: CardElement[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions.length > 0 && { actions }),
    msteams: { width: 'Full' },
  };
}

/** An Adaptive Card (schema 1.5) as a message attachment. */
export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): Attachment {
  return CardFactory.adaptiveCard(cardContent(body, actions));
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true };
}

export function paragraph(text: string, options: { subtle?: boolean } = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...(options.subtle && { isSubtle: true, size: 'Small' }) };
}

export function facts(pairs: [string, string | undefined][]): CardElement {
  return {
    type: 'FactSet',
    facts: pairs
      .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
      .map(([title, value]) => ({ title, value })),
  };
}

/** A submit button whose data says which action it is; Teams merges the card's inputs into the same object. */
export function submitAction(title: string, data: Record<string, unknown>, style?: 'positive'): CardElement {
  return { type: 'Action.Submit', title, data, ...(style && { style }) };
}

/**
 * A button answered in place (Universal Actions, `adaptiveCard/action` invoke): the invoke's answer can update the
 * card, or show a message only to the person who pressed it. The verb is also in the data, as `action`.
 */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style?: 'positive',
): CardElement {
  return { type: 'Action.Execute', title, verb, data: { ...data, action: verb }, ...(style && { style }) };
}
