import type { App } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import type { Core } from '../core.js';
import type { Logger } from '../log.js';

export type SlackSettings = Exclude<SlackConfig, 'off'>;

/** What every Slack feature module gets when it registers its listeners. */
export type SlackFeatureDeps = {
  core: Core;
  settings: SlackSettings;
  log: Logger;
  /** Whether a Slack user is an employer engagement officer (SLACK_OFFICER_IDS or the officer user group). */
  isOfficer(userId: string): Promise<boolean>;
};

export type RegisterSlackFeature = (app: App, deps: SlackFeatureDeps) => void;
