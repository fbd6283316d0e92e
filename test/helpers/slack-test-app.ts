import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { loadConfig } from '../../src/config.js';
import { type Core, createCore } from '../../src/core.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/slack/create-slack-app.js';
import type { SlackSettings } from '../../src/slack/slack-deps.js';
import { signSlackRequest } from './sign-slack-request.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const SLACK_API_ORIGIN = 'https://slack.test';
export const RESPONSE_URL_ORIGIN = 'https://hooks.slack.test';
export const TEAM_ID = 'T0HACKNEY';
export const BOT_USER_ID = 'U0SKILLSBOT';
export const BOT_ID = 'B0SKILLSBOT';

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/** Log lines written by the app under test, with a way to wait for one to appear. */
export type LogCapture = {
  lines: LogLine[];
  /** Resolves with the first line matching; rejects after `timeoutMs` (default 10 s) naming the lines seen. */
  waitFor(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
};

function createLogCapture(): { capture: LogCapture; destination: Writable } {
  const lines: LogLine[] = [];
  const waiters: { predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const text of String(chunk).split('\n')) {
        if (text.trim() === '') continue;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const waiter of [...waiters]) {
          if (waiter.predicate(line)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      }
      callback();
    },
  });
  return {
    destination,
    capture: {
      lines,
      waitFor(predicate, timeoutMs = 10_000) {
        const existing = lines.find(predicate);
        if (existing) return Promise.resolve(existing);
        return new Promise((resolve, reject) => {
          const waiter = {
            predicate,
            resolve: (line: LogLine) => {
              clearTimeout(timer);
              resolve(line);
            },
          };
          const timer = setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(
              new Error(`no matching log line within ${timeoutMs} ms; seen: ${lines.map((l) => l.msg).join(' | ')}`),
            );
          }, timeoutMs);
          waiters.push(waiter);
        });
      },
    },
  };
}

export type TestSlack = {
  core: Core;
  slack: SlackApp;
  logs: LogCapture;
  /** Sends a signed request to the receiver; `done` settles when the app has finished handling it. */
  send(
    body: SignedBody,
    options?: { headers?: Record<string, string>; timestampSeconds?: number; secret?: string },
  ): Promise<{ status: number; text: string; done: Promise<void> }>;
  /** Posts an interactive payload (button, shortcut, modal) and waits until the app has handled it. */
  interact(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** Posts an Events API callback around `event` and waits until the app has handled it. */
  event(event: Record<string, unknown>): Promise<{ status: number; body: string }>;
  url: string;
  close(): Promise<void>;
};

/** A request body and its tracking key (event_id or trigger_id) so the test can wait for its handling. */
export type SignedBody = { raw: string; contentType: string; key: string };

/** Builds a real core on a temporary SQLite store and the real Slack app on 127.0.0.1:0. */
export async function startTestSlack(
  options: {
    env?: Record<string, string>;
    configure?: (core: Core) => Core;
    app?: SlackAppOptions;
    /** Loads the real knowledge base (KNOWLEDGE_DIR); by default an empty one, so tests do not depend on content. */
    realKnowledge?: boolean;
    /** Leaves the installing workspace unknown, so the app finds it with `auth.test` as production does. */
    askForInstalledTeam?: boolean;
  } = {},
): Promise<TestSlack> {
  const dir = mkdtempSync(join(tmpdir(), 'skills-desk-slack-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    STORE_URL: `sqlite://${join(dir, 's.sqlite')}`,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${SLACK_API_ORIGIN}/api/`,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const { capture, destination } = createLogCapture();
  const log = createLogger({ level: 'debug', destination });
  const emptyKnowledge: Knowledge = { articles: new Map(), facts: new Map(), sections: [], version: 'empty' };
  const baseCore = await createCore(config, log, options.realKnowledge ? {} : { knowledge: emptyKnowledge });
  const core = options.configure ? options.configure(baseCore) : baseCore;
  if (core.config.slack === 'off') throw new Error('test Slack config is off');
  const slack = createSlackApp(core, core.config.slack as SlackSettings, {
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    // As production does without it, the app then asks Slack (`auth.test`) which workspace installed it.
    ...(!options.askForInstalledTeam && { teamId: TEAM_ID }),
    webApiRetries: 0,
    port: 0,
    host: '127.0.0.1',
    ...options.app,
  });

  // Runs after every other global middleware: resolves the request's promise once its listeners have finished.
  const pending = new Map<string, () => void>();
  slack.app.use(async ({ body, next }) => {
    try {
      await next();
    } finally {
      const key = trackingKey(body);
      if (key) pending.get(key)?.();
    }
  });

  const { port } = await slack.start();
  const url = `http://127.0.0.1:${port}`;

  async function send(body: SignedBody, sendOptions: Parameters<TestSlack['send']>[1] = {}) {
    const done = new Promise<void>((resolve) => pending.set(body.key, resolve));
    const headers = signSlackRequest(body.raw, sendOptions.secret ?? SIGNING_SECRET, sendOptions.timestampSeconds);
    const response = await fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': body.contentType, ...headers, ...sendOptions.headers },
      body: body.raw,
    });
    return { status: response.status, text: await response.text(), done };
  }
  const handled = async (body: SignedBody) => {
    const response = await send(body);
    await response.done;
    return { status: response.status, body: response.text };
  };

  return {
    core,
    slack,
    logs: capture,
    url,
    send,
    // A fresh trigger id for each payload, so presses sent at once are each waited for.
    interact: (payload) => handled(interactionBody({ ...payload, trigger_id: uniqueId('trigger.') })),
    event: (event) => handled(eventBody(event)),
    async close() {
      await slack.stop();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function trackingKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.event_id === 'string') return record.event_id;
  if (typeof record.trigger_id === 'string') return record.trigger_id;
  return undefined;
}

let counter = 0;
/** A unique id for events, triggers and message timestamps within one test run. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export function messageTs(): string {
  counter += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(counter).padStart(6, '0')}`;
}

/** An Events API envelope around `event`, as Slack sends it. */
export function eventBody(
  event: Record<string, unknown>,
  options: { eventId?: string; teamId?: string } = {},
): SignedBody {
  const eventId = options.eventId ?? uniqueId('Ev');
  const body = {
    token: 'legacy-verification-token',
    team_id: options.teamId ?? TEAM_ID,
    api_app_id: 'A0SKILLS',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  };
  return { raw: JSON.stringify(body), contentType: 'application/json', key: eventId };
}

/**
 * A slash command as Slack posts it (form-encoded). `teamId` is the invoker's own workspace (in Slack Connect another
 * organisation's); `extra` adds fields such as `enterprise_id` or `is_enterprise_install`.
 */
export function commandBody(fields: {
  text: string;
  userId: string;
  channelId: string;
  responsePath: string;
  teamId?: string;
  extra?: Record<string, string>;
}): SignedBody {
  const triggerId = uniqueId('trigger.');
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.teamId ?? TEAM_ID,
    team_domain: 'hackney-test',
    channel_id: fields.channelId,
    channel_name: 'employment-skills',
    user_id: fields.userId,
    user_name: 'officer',
    command: '/skills',
    text: fields.text,
    api_app_id: 'A0SKILLS',
    response_url: `${RESPONSE_URL_ORIGIN}${fields.responsePath}`,
    trigger_id: triggerId,
    ...fields.extra,
  });
  return { raw: form.toString(), contentType: 'application/x-www-form-urlencoded', key: triggerId };
}

/** An interactive payload (block_actions, view_submission) as Slack posts it: `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): SignedBody {
  const triggerId = uniqueId('trigger.');
  const withTrigger = { trigger_id: triggerId, ...payload };
  const form = new URLSearchParams({ payload: JSON.stringify(withTrigger) });
  return {
    raw: form.toString(),
    contentType: 'application/x-www-form-urlencoded',
    key: String(withTrigger.trigger_id),
  };
}

/** Parsed arguments of a Web API call (form fields, with JSON-valued fields such as `blocks` decoded). */
export type SlackCallArgs = Record<string, unknown>;

export function parseSlackCallBody(body: unknown): SlackCallArgs {
  if (typeof body === 'object' && body !== null) return decodeFields(body as Record<string, unknown>);
  const text = String(body ?? '');
  if (text.startsWith('{')) return JSON.parse(text) as SlackCallArgs;
  return decodeFields(Object.fromEntries(new URLSearchParams(text)));
}

function decodeFields(fields: Record<string, unknown>): SlackCallArgs {
  const decoded: SlackCallArgs = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && (value.startsWith('[') || value.startsWith('{'))) {
      try {
        decoded[key] = JSON.parse(value);
        continue;
      } catch {
        // Plain text that happens to start with a bracket.
      }
    }
    decoded[key] = value;
  }
  return decoded;
}

/**
 * Intercepts one Web API call; resolves with its arguments. `reply` is Slack's JSON answer.
 * The `calls` array collects every call to the method made while the interceptor is active.
 */
export function slackCall(
  method: string,
  reply: Record<string, unknown> = { ok: true },
  options: { times?: number; calls?: SlackCallArgs[] } = {},
): Promise<SlackCallArgs> {
  return new Promise((resolve) => {
    nock(SLACK_API_ORIGIN)
      .post(`/api/${method}`)
      .times(options.times ?? 1)
      .reply(200, (_uri, body) => {
        const args = parseSlackCallBody(body);
        options.calls?.push(args);
        resolve(args);
        return reply;
      });
  });
}

/** Intercepts a post to a response_url; resolves with the JSON posted. */
export function responseUrlCall(path: string): Promise<SlackCallArgs> {
  return new Promise((resolve) => {
    nock(RESPONSE_URL_ORIGIN)
      .post(path)
      .reply(200, (_uri, body) => {
        resolve(parseSlackCallBody(body));
        return { ok: true };
      });
  });
}

/** All text in a list of blocks (sections, contexts, buttons), for assertions about what a person reads. */
export function blocksText(blocks: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string') texts.push(record.text);
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'text' || typeof value === 'object') visit(value);
    }
  };
  visit(blocks);
  return texts.join('\n');
}

/** Action ids of every interactive element in the blocks. */
export function actionIds(blocks: unknown): string[] {
  const ids: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.action_id === 'string') ids.push(record.action_id);
    for (const value of Object.values(record)) visit(value);
  };
  visit(blocks);
  return ids;
}
