// Slack forms for the levy calculator and eligibility checker. Placeholder exports with the agreed signatures.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackFeatureDeps } from '../slack-deps.js';

export function registerCalculatorHandlers(_app: App, _deps: SlackFeatureDeps): void {}

export async function openLevyModal(_client: WebClient, _triggerId: string): Promise<void> {}

export async function openEligibilityModal(_client: WebClient, _triggerId: string): Promise<void> {}
