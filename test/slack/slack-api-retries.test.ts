import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { PUBLISH_LEASE_MS } from '../../src/enquiries/delivery/outbox.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp, SLACK_API_RETRIES } from '../../src/slack/create-slack-app.js';
import type { SlackSettings } from '../../src/slack/slack-deps.js';

describe('Slack Web API retries', () => {
  it('give up well inside the triage post lease, so a second replica never posts the same enquiry again', () => {
    const { retries, factor, minTimeout, maxTimeout, maxRetryTime } = SLACK_API_RETRIES;
    const waits = Array.from({ length: retries }, (_, n) => Math.min(maxTimeout, minTimeout * factor ** n));
    expect(waits.reduce((total, wait) => total + wait, 0)).toBeLessThan(PUBLISH_LEASE_MS / 2);
    expect(maxRetryTime).toBeLessThan(PUBLISH_LEASE_MS);
  });

  it('are what the production app gives its Web API client', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skills-desk-retries-'));
    const config = loadConfig({
      STORE_URL: `sqlite://${join(dir, 's.sqlite')}`,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      LOG_LEVEL: 'silent',
    });
    const core = await createCore(config, createLogger({ level: 'silent' }), {
      knowledge: { articles: new Map(), facts: new Map(), sections: [], version: 'empty' },
    });
    try {
      const slack = createSlackApp(core, config.slack as SlackSettings, { botId: 'B1', botUserId: 'U1', port: 0 });
      // The client keeps its retry options privately; read them as the client does.
      const client = slack.app.client as unknown as { retryConfig: unknown };
      expect(client.retryConfig).toEqual(SLACK_API_RETRIES);
      await slack.stop();
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
