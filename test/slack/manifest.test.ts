import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { startTestSlack, type TestSlack } from '../helpers/slack-test-app.js';

const Manifest = z.object({
  display_information: z.object({ name: z.string().min(1), description: z.string().min(1).max(140) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true) }),
    bot_user: z.object({ display_name: z.string().min(1) }),
    agent_view: z.object({
      agent_description: z.string().min(1).max(300),
      suggested_prompts: z.array(z.object({ title: z.string(), message: z.string() })).max(4),
    }),
    slash_commands: z.array(z.object({ command: z.string(), description: z.string() })),
    shortcuts: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['message', 'global']),
        callback_id: z.string(),
        description: z.string(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true) }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifest = Manifest.parse(parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')));

/** Bot scopes each Web API method needs (any listed scope is enough only where noted by a nested array). */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  // No scope: any token may ask which workspace it belongs to.
  'auth.test': [],
  'chat.startStream': ['chat:write'],
  'chat.appendStream': ['chat:write'],
  'chat.stopStream': ['chat:write'],
  chatStream: ['chat:write'],
  'assistant.threads.setStatus': ['chat:write'],
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  'usergroups.users.list': ['usergroups:read'],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
  'reactions.add': ['reactions:write'],
  'files.uploadV2': ['files:write'],
};

/** Events the app subscribes to for each event name it listens to (`message` covers DMs and channel threads). */
const EVENT_SUBSCRIPTIONS: Record<string, string[]> = {
  message: ['message.im', 'message.channels', 'message.groups'],
  app_mention: ['app_mention'],
  app_home_opened: ['app_home_opened'],
};

const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.mpim': ['mpim:history'],
  app_home_opened: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Web API methods called anywhere in src/slack, e.g. `client.chat.postMessage(` → `chat.postMessage`. */
function calledMethods(): Set<string> {
  const methods = new Set<string>();
  const pattern = /\b(?:client|webClient|slackClient)\s*\.\s*([a-zA-Z]+(?:\s*\.\s*[a-zA-Z]+)*)\s*\(/g;
  for (const file of sourceFiles(new URL('../../src/slack', import.meta.url).pathname)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      methods.add((match[1] ?? '').replace(/\s+/g, ''));
    }
  }
  return methods;
}

describe('manifest.yml', () => {
  const registered = {
    event: [] as string[],
    action: [] as string[],
    view: [] as string[],
    shortcut: [] as string[],
    command: [] as string[],
  };
  let slack: TestSlack | undefined;

  beforeAll(async () => {
    // Every listener the real app routes, including the enquiry and calculator features.
    slack = await startTestSlack();
    const routes = slack.slack.routes();
    for (const kind of Object.keys(registered) as (keyof typeof registered)[]) registered[kind].push(...routes[kind]);
  });

  afterAll(async () => {
    await slack?.close();
  });

  it('subscribes to every event the app listens to', () => {
    expect(registered.event.length).toBeGreaterThan(0);
    for (const event of registered.event) {
      const needed = EVENT_SUBSCRIPTIONS[event];
      expect(needed, `no subscription mapping for event "${event}": add it to EVENT_SUBSCRIPTIONS`).toBeDefined();
      expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(needed ?? []));
    }
  });

  it('declares the /skills command and every shortcut the app handles', () => {
    expect(registered.command).toEqual([SLACK_IDS.command]);
    expect(manifest.features.slash_commands.map((command) => command.command)).toContain(SLACK_IDS.command);
    const shortcutIds = manifest.features.shortcuts.map((shortcut) => shortcut.callback_id);
    for (const id of [...registered.shortcut, ...Object.values(SLACK_IDS.shortcuts)]) expect(shortcutIds).toContain(id);
    expect(
      manifest.features.shortcuts.find((s) => s.callback_id === SLACK_IDS.shortcuts.logEnquiryFromMessage),
    ).toMatchObject({
      name: 'Log as employer enquiry',
      type: 'message',
    });
  });

  it('enables interactivity, and every action and form id the app listens to is a known Slack id', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const knownActions = Object.values(SLACK_IDS.actions) as string[];
    const knownViews = Object.values(SLACK_IDS.views) as string[];
    expect(registered.action).toEqual(
      expect.arrayContaining([
        SLACK_IDS.actions.feedback,
        SLACK_IDS.actions.feedbackReason,
        SLACK_IDS.actions.shareAnswer,
      ]),
    );
    expect(registered.view).toContain(SLACK_IDS.views.feedbackReasonForm);
    for (const id of registered.action) expect(knownActions, `action "${id}" is not in SLACK_IDS`).toContain(id);
    for (const id of registered.view) expect(knownViews, `view "${id}" is not in SLACK_IDS`).toContain(id);
  });

  it('requests every scope the code’s API calls and events need', () => {
    const scopes = new Set(manifest.oauth_config.scopes.bot);
    const methods = calledMethods();
    expect(methods).toContain('chat.postMessage');
    for (const method of methods) {
      const needed = METHOD_SCOPES[method];
      expect(needed, `no scope mapping for ${method}: add it to METHOD_SCOPES`).toBeDefined();
      for (const scope of needed ?? []) expect(scopes, `${method} needs ${scope}`).toContain(scope);
    }
    for (const event of manifest.settings.event_subscriptions.bot_events) {
      for (const scope of EVENT_SCOPES[event] ?? []) expect(scopes, `${event} needs ${scope}`).toContain(scope);
    }
    expect(scopes).toContain('commands');
  });

  it('sets up the agent experience: Messages tab, description and one suggested prompt per topic', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.agent_view.suggested_prompts).toHaveLength(4);
    expect(manifest).not.toHaveProperty('features.assistant_view');
  });
});
