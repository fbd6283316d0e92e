// Slack face of the enquiry queue. Placeholder exports with the agreed signatures; the implementation replaces them.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { TriagePublisher } from '../../enquiries/enquiry-queue.js';
import type { SlackFeatureDeps, SlackSettings } from '../slack-deps.js';

export type EnquiryPrefill = {
  organisation?: string;
  contactName?: string;
  email?: string;
  phone?: string;
  description?: string;
  sourceLink?: string;
  arrivedVia?: 'staff' | 'bot' | 'external';
};

/** Registers the enquiry shortcut, answer buttons (Ask the team, Log employer enquiry), triage actions, modals and App Home. */
export function registerEnquiryHandlers(_app: App, _deps: SlackFeatureDeps): void {}

/** Opens the enquiry form, pre-filled where known. */
export async function openEnquiryModal(
  _client: WebClient,
  _triggerId: string,
  _prefill: EnquiryPrefill = {},
): Promise<void> {}

/** Posts new enquiries to SLACK_ENQUIRY_CHANNEL and updates the post in place. */
export function createSlackTriagePublisher(_client: WebClient, _deps: SlackFeatureDeps): TriagePublisher | undefined {
  return undefined;
}

/** Whether a user is an officer: SLACK_OFFICER_IDS, or a member of SLACK_OFFICER_GROUP_ID. */
export function createOfficerCheck(settings: SlackSettings, _client: WebClient): (userId: string) => Promise<boolean> {
  return async (userId) => settings.officerIds.includes(userId);
}
