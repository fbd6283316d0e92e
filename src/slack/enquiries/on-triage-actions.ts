import type { App } from '@slack/bolt';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { registerTriageButtons } from './on-triage-buttons.js';
import { registerTriageForms } from './on-triage-forms.js';

/** The triage post's buttons and the forms they open. */
export function registerTriageActions(app: App, deps: SlackFeatureDeps): void {
  registerTriageButtons(app, deps);
  registerTriageForms(app, deps);
}
