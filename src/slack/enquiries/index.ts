// Slack face of the enquiry queue: capture (form, message shortcut, answer buttons), triage channel posts and
// actions, and the App Home queue.
import type { App } from '@slack/bolt';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { registerAppHome } from './app-home.js';
import { registerEnquiryCapture } from './on-enquiry-capture.js';
import { registerTriageActions } from './on-triage-actions.js';

export { buildHomeView, publishHome } from './app-home.js';
export type { EnquiryPrefill } from './enquiry-form.js';
export { createOfficerCheck } from './officer-check.js';
export { INTERNAL_QUESTION, openEnquiryModal } from './on-enquiry-capture.js';
export { inputValue, toViewErrors, type ViewErrors, ViewSubmission } from './slack-payloads.js';
export { createSlackTriagePublisher } from './triage-publisher.js';

/** Registers the enquiry shortcut, answer buttons (Ask the team, Log employer enquiry), triage actions, modals and App Home. */
export function registerEnquiryHandlers(app: App, deps: SlackFeatureDeps): void {
  registerEnquiryCapture(app, deps);
  registerTriageActions(app, deps);
  registerAppHome(app, deps);
}
