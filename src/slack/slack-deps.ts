import type { App } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import type { Core } from '../core.js';
import type { Logger } from '../log.js';
import type { InstalledTeam } from './installed-workspace.js';

export type SlackSettings = Exclude<SlackConfig, 'off'>;

/** What every Slack feature module gets when it registers its listeners. */
export type SlackFeatureDeps = {
  core: Core;
  settings: SlackSettings;
  log: Logger;
  /** Whether a Slack user is an employer engagement officer (SLACK_OFFICER_IDS or the officer user group). */
  isOfficer(userId: string): Promise<boolean>;
  /**
   * The workspace that installed the app, for a request body: from the request when it names it (events, modals),
   * otherwise the bot token's own workspace. Commands, shortcuts and buttons only name the asker's workspace.
   */
  installedTeam: InstalledTeam;
  /**
   * Sends pending triage posts (and in-place updates) now through Slack's publisher, instead of waiting for the
   * queue's next delivery round; the queue records what was shown, so that round does not send it again. Set by
   * createSlackApp when an enquiry channel is configured; without it the pressed post is updated directly.
   */
  deliverTriagePosts?(): Promise<void>;
};

export type RegisterSlackFeature = (app: App, deps: SlackFeatureDeps) => void;
