import type { Core } from '../core.js';
import type { RunningTransport } from '../running-transport.js';
import { createSlackApp } from './create-slack-app.js';

export type { RunningTransport } from '../running-transport.js';

/** Starts the Slack app (Socket Mode or HTTP) when Slack is configured; undefined when it is not. */
export async function startSlack(core: Core): Promise<RunningTransport | undefined> {
  if (core.config.slack === 'off') return undefined;
  const slack = createSlackApp(core, core.config.slack);
  await slack.start();
  return { stop: () => slack.stop(), ...(slack.publisher !== undefined && { publisher: slack.publisher }) };
}
