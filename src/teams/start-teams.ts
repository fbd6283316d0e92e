import type { Core } from '../core.js';
import type { RunningTransport } from '../slack/start-slack.js';

/** Starts the Teams endpoint when Teams is configured. Placeholder until the Teams app lands. */
export async function startTeams(_core: Core): Promise<RunningTransport | undefined> {
  return undefined;
}
