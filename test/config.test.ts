import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with no credentials: SQLite under data/, no model, no transports', () => {
    const config = loadConfig({});
    expect(config.storeUrl).toBe('sqlite://data/skills-desk.sqlite');
    expect(config.model).toBe('off');
    expect(config.slack).toBe('off');
    expect(config.teams).toBe('off');
    expect(config.enquiries).toEqual({ slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5, officerIds: [] });
  });

  it('names the variable and what is expected when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', STORE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', STORE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/STORE_URL: expected sqlite:\/\/PATH/);
    }
  });

  it('never prints a secret it rejects', () => {
    const secret = 'not-a-bot-token-1234567890';
    const attempt = () => loadConfig({ SLACK_BOT_TOKEN: secret });
    expect(attempt).toThrow(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(attempt).not.toThrow(new RegExp(secret));
  });

  it('chooses Socket Mode when an app token is set and HTTP with a signing secret otherwise', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '4000' });
    expect(socket.slack !== 'off' && socket.slack.mode).toBe('socket');
    expect(http.slack !== 'off' && [http.slack.mode, http.slack.port]).toEqual(['http', 4000]);
  });

  it('refuses a Slack bot token with neither signing secret nor app token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required/);
  });

  it('refuses partial Teams credentials and the unauthenticated playground in production', () => {
    expect(() => loadConfig({ TEAMS_APP_ID: 'a' })).toThrow(/set all three, or none/);
    expect(() => loadConfig({ TEAMS_PLAYGROUND: 'true', NODE_ENV: 'production' })).toThrow(/TEAMS_PLAYGROUND/);
  });

  it('turns the model on only with an API key, keeping a custom base URL for compatible servers', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'https://example.test/v1', OPENAI_MODEL: 'm' });
    expect(config.model).toEqual({ apiKey: 'k', model: 'm', baseUrl: 'https://example.test/v1', timeoutMs: 20_000 });
  });

  it('reads officer lists as trimmed ids', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_OFFICER_IDS: ' U1, U2 ,' });
    expect(config.slack !== 'off' && config.slack.officerIds).toEqual(['U1', 'U2']);
  });
});

describe('loadConfig with empty values', () => {
  it('treats an empty variable as not set', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: '', OPENAI_API_KEY: ' ', PORT: '' });
    expect(config.slack).toBe('off');
    expect(config.model).toBe('off');
  });
});
