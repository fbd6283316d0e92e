import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { App, LogLevel } from '@slack/bolt';
import nock from 'nock';
import type { Core } from '../../../src/core.js';
import { createEnquiryQueue } from '../../../src/enquiries/index.js';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { createLogger } from '../../../src/log.js';
import { createSlackTriagePublisher } from '../../../src/slack/enquiries/index.js';
import type { SlackFeatureDeps, SlackSettings } from '../../../src/slack/slack-deps.js';
import { createStore, type Store } from '../../../src/store/create-store.js';
import { signSlackRequest } from '../../helpers/sign-slack-request.js';

export const SIGNING_SECRET = 'signing-secret-for-tests';
export const TEAM_ID = 'T0HACKNEY';
export const OFFICER = 'U0OFFICER1';
export const OTHER_OFFICER = 'U0OFFICER2';
export const STAFF = 'U0STAFF01';
export const TRIAGE_CHANNEL = 'C0TRIAGE';

export type SlackCall = { method: string; args: Record<string, unknown> };

/** Slack Web API arguments as the client sent them, with JSON-valued fields (view, blocks) decoded. */
function decodeArgs(body: unknown): Record<string, unknown> {
  const args: Record<string, unknown> =
    typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as Record<string, unknown>) };
  for (const key of ['view', 'blocks', 'attachments']) {
    const value = args[key];
    if (typeof value === 'string') args[key] = JSON.parse(value);
  }
  return args;
}

/** Intercepts one call to a Slack Web API method, records what was sent, and replies like Slack. */
export function expectSlackCall(
  calls: SlackCall[],
  method: string,
  reply: (args: Record<string, unknown>) => Record<string, unknown> = () => ({}),
): nock.Scope {
  return nock('https://slack.com')
    .post(`/api/${method}`)
    .reply(200, (_uri, body) => {
      const args = decodeArgs(body);
      calls.push({ method, args });
      return { ok: true, ...reply(args) };
    });
}

/** Parts of the core these features do not touch: any use fails the test loudly. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      throw new Error(`${name}.${String(property)} is not used by this feature`);
    },
  });
}

export type TestSlack = {
  app: App;
  deps: SlackFeatureDeps;
  core: Core;
  store: Store;
  clock: { now(): Date; set(iso: string): void };
  /** Posts an interaction (button, shortcut, view submission) the way Slack does: signed, form-encoded. */
  interact(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** Posts an Events API callback, signed. */
  event(event: Record<string, unknown>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
};

export type TestSlackOptions = {
  register: (app: App, deps: SlackFeatureDeps) => void;
  knowledge?: Knowledge;
  officerIds?: string[];
  enquiryChannel?: string | undefined;
  /** Whether the app runs triage delivery on demand (as the running app does). Default true. */
  deliverOnDemand?: boolean;
  isOfficer?: (userId: string) => Promise<boolean>;
  /** Collects the product's log lines (JSON) when given. */
  logLines?: string[];
};

/** A real Bolt app on its HTTP receiver on a free port, with the real enquiry queue on a temporary SQLite store. */
export async function startTestSlack(options: TestSlackOptions): Promise<TestSlack> {
  const dir = mkdtempSync(join(tmpdir(), 'slack-enquiries-'));
  const store = await createStore(`sqlite://${join(dir, 'store.sqlite')}`);
  let current = new Date('2026-11-23T10:00:00Z');
  const clock = {
    now: () => new Date(current),
    set: (iso: string) => {
      current = new Date(iso);
    },
  };
  const lines = options.logLines;
  const log = lines
    ? createLogger({
        level: 'debug',
        destination: new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      })
    : createLogger({ level: 'silent' });
  const enquiries = createEnquiryQueue({
    store,
    log,
    now: clock.now,
    settings: { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 },
  });
  const core: Core = {
    config: unused('config'),
    log,
    store,
    knowledge: options.knowledge ?? unused('knowledge'),
    answerer: unused('answerer'),
    feedback: unused('feedback'),
    enquiries,
    now: clock.now,
    close: () => store.close(),
  };
  const settings: SlackSettings = {
    mode: 'http',
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    port: 0,
    officerIds: options.officerIds ?? [OFFICER, OTHER_OFFICER],
    rateLimitPerMinute: 10,
    ...(options.enquiryChannel !== undefined && { enquiryChannel: options.enquiryChannel }),
  };
  if (!('enquiryChannel' in options)) settings.enquiryChannel = TRIAGE_CHANNEL;

  const app = new App({
    token: settings.botToken,
    signingSecret: SIGNING_SECRET,
    botId: 'B0SKILLS',
    botUserId: 'U0SKILLSBOT',
    tokenVerificationEnabled: false,
    // The HTTP response waits for the listener, so a test can check every effect once the request returns.
    processBeforeResponse: true,
    logLevel: LogLevel.ERROR,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const deps: SlackFeatureDeps = {
    core,
    settings,
    log,
    isOfficer: options.isOfficer ?? (async (userId) => settings.officerIds.includes(userId)),
    installedTeam: async () => TEAM_ID,
  };
  if (options.deliverOnDemand !== false) {
    // What the running app wires up: deliver through every publisher (only Slack's here).
    deps.deliverTriagePosts = async () => {
      const publisher = createSlackTriagePublisher(app.client, deps);
      if (publisher) await enquiries.deliver([publisher]);
    };
  }
  options.register(app, deps);
  const server = await app.start(0);
  const { port } = server.address() as AddressInfo;

  async function send(body: string, contentType: string) {
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signSlackRequest(body, SIGNING_SECRET) },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  return {
    app,
    deps,
    core,
    store,
    clock,
    interact: (payload) =>
      send(`payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded'),
    event: (event) =>
      send(
        JSON.stringify({
          token: 'legacy',
          team_id: TEAM_ID,
          api_app_id: 'A0SKILLS',
          event,
          type: 'event_callback',
          event_id: `Ev${Math.random().toString(36).slice(2)}`,
          event_time: Math.floor(Date.now() / 1000),
        }),
        'application/json',
      ),
    async close() {
      await app.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM_ID });

/** A button press on a message in a channel. */
export function buttonOnMessage(options: {
  userId: string;
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(options.userId),
    api_app_id: 'A0SKILLS',
    token: 'legacy',
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: '1111.2222.trigger',
    team: { id: TEAM_ID, domain: 'hackney' },
    channel: { id: options.channel, name: 'enquiries-triage' },
    message: { type: 'message', ts: options.messageTs, text: 'message', user: 'U0SKILLSBOT', blocks: [] },
    response_url: 'https://hooks.slack.com/actions/T0HACKNEY/1/abc',
    actions: [
      {
        action_id: options.actionId,
        block_id: 'block',
        value: options.value,
        type: 'button',
        action_ts: '1763892000.000200',
        text: { type: 'plain_text', text: 'Button' },
      },
    ],
  };
}

/** A button press on the App Home tab. */
export function buttonOnHome(options: { userId: string; actionId: string; value?: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(options.userId),
    api_app_id: 'A0SKILLS',
    token: 'legacy',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: '3333.4444.trigger',
    team: { id: TEAM_ID, domain: 'hackney' },
    view: { id: 'V0HOME', type: 'home', blocks: [], private_metadata: '', callback_id: '', state: { values: {} } },
    actions: [
      {
        action_id: options.actionId,
        block_id: 'block',
        type: 'button',
        action_ts: '1763892000.000300',
        text: { type: 'plain_text', text: 'Button' },
        ...(options.value !== undefined && { value: options.value }),
      },
    ],
  };
}

type ViewBlock = { type: string; block_id?: string; element?: Record<string, unknown> };

/**
 * Submits a modal the way Slack would after someone filled it in: every input keeps its initial value unless
 * `answers` (by block id) changes it; an empty string clears it.
 */
export function submitView(
  view: Record<string, unknown>,
  answers: Record<string, string>,
  options: { userId: string; viewId: string; userTeamId?: string },
): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of (view.blocks as ViewBlock[]) ?? []) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const element = block.element;
    const actionId = String(element.action_id);
    const answer = answers[block.block_id];
    if (element.type === 'static_select') {
      const initial = element.initial_option as { value: string } | undefined;
      const chosen = answer ?? initial?.value;
      values[block.block_id] = {
        [actionId]: {
          type: 'static_select',
          selected_option: chosen ? { text: { type: 'plain_text', text: chosen }, value: chosen } : null,
        },
      };
    } else if (element.type === 'users_select') {
      values[block.block_id] = {
        [actionId]: { type: 'users_select', selected_user: answer ?? (element.initial_user as string) ?? null },
      };
    } else {
      const value = answer ?? (element.initial_value as string | undefined) ?? null;
      values[block.block_id] = { [actionId]: { type: element.type, value: value === '' ? null : value } };
    }
  }
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'hackney' },
    user: { ...user(options.userId), team_id: options.userTeamId ?? TEAM_ID },
    api_app_id: 'A0SKILLS',
    token: 'legacy',
    trigger_id: '5555.6666.trigger',
    view: {
      id: options.viewId,
      team_id: TEAM_ID,
      type: 'modal',
      blocks: view.blocks,
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id,
      state: { values },
      hash: '1763892000.abcdef',
      title: view.title,
      root_view_id: options.viewId,
      app_id: 'A0SKILLS',
      bot_id: 'B0SKILLS',
    },
    response_urls: [],
  };
}

/** Text of every mrkdwn/plain_text piece of a set of blocks, for asserting what a person sees. */
export function visibleText(blocks: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') {
        parts.push(record.text);
      }
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(blocks);
  return parts.join('\n');
}

/** The action ids of every button in a set of blocks. */
export function buttonIds(blocks: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'button' && typeof record.action_id === 'string') ids.push(record.action_id);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(blocks);
  return ids;
}
