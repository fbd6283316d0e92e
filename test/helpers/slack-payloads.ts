import nock from 'nock';
import { vi } from 'vitest';
import { parseSlackCallBody, SLACK_API_ORIGIN, TEAM_ID } from './slack-test-app.js';

// Slack payloads for the enquiry features (button presses, modal submissions), shaped as Slack sends them, and a
// recorder for the Web API calls the production app makes in reply. Used with startTestSlack (the production app).

export const OFFICER = 'U0OFFICER1';
export const OTHER_OFFICER = 'U0OFFICER2';
export const STAFF = 'U0STAFF01';
export const TRIAGE_CHANNEL = 'C0TRIAGE';

/** The environment the enquiry tests run the app with: two officers and a triage channel. */
export const ENQUIRY_ENV = { SLACK_OFFICER_IDS: `${OFFICER},${OTHER_OFFICER}`, SLACK_ENQUIRY_CHANNEL: TRIAGE_CHANNEL };

export type SlackCall = { method: string; args: Record<string, unknown> };

/** Intercepts one call to a Slack Web API method, records what was sent, and replies like Slack. */
export function expectSlackCall(
  calls: SlackCall[],
  method: string,
  reply: (args: Record<string, unknown>) => Record<string, unknown> = () => ({}),
): nock.Scope {
  return nock(SLACK_API_ORIGIN)
    .post(`/api/${method}`)
    .reply(200, (_uri, body) => {
      const args = parseSlackCallBody(body);
      calls.push({ method, args });
      return { ok: true, ...reply(args) };
    });
}

/**
 * A clock the test moves by hand: the process's Date is held at `start` (timers still run), so the app's core, Bolt's
 * signature check, the receiver's replay check and the signed test requests all read the same time. Call
 * `vi.useRealTimers()` after the test.
 */
export function testClock(start = '2026-11-23T10:00:00Z') {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(start) });
  return {
    set: (iso: string) => {
      vi.setSystemTime(new Date(iso));
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
    response_url: 'https://hooks.slack.test/actions/T0HACKNEY/1/abc',
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
      app_installed_team_id: TEAM_ID,
      bot_id: 'B0SKILLSBOT',
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
