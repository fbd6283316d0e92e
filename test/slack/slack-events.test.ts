import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/create-slack-app.js';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { toSlackMrkdwn } from '../../src/slack/render-answer.js';
import type { SlackSettings } from '../../src/slack/slack-deps.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import {
  actionIds,
  BOT_ID,
  BOT_USER_ID,
  blocksText,
  eventBody,
  messageTs,
  parseSlackCallBody,
  type SlackCallArgs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF01';
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID, is_restricted: false, is_ultra_restricted: false } };

describe('Slack questions in DMs, mentions and threads', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => {
    allowOnlyLoopback();
  });

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('answers a direct message in its thread with the engine’s answer, sources and buttons', async () => {
    slack = await startTestSlack({ realKnowledge: true });
    const question = 'What is the London Living Wage?';
    const expected = await slack.core.answerer.answer({ question, audience: 'staff' });
    const ts = messageTs();
    const info = slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });

    const response = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: question, ts }),
    );
    expect(response.status).toBe(200);
    const message = await posted;
    await response.done;

    expect(await info).toMatchObject({ user: STAFF });
    expect(message).toMatchObject({ channel: 'D0DM', thread_ts: ts });
    const text = blocksText(message.blocks);
    for (const line of expected.text.split('\n')) expect(text).toContain(toSlackMrkdwn(line));
    for (const citation of expected.citations) {
      expect(text).toContain(`[${citation.n}] <${citation.url}|${citation.title}`);
    }
    expect(actionIds(message.blocks)).toEqual(
      expect.arrayContaining([SLACK_IDS.actions.askTheTeam, SLACK_IDS.actions.feedback]),
    );
  });

  it('shows a thinking status in the thread while a slow answer is being worked out', async () => {
    let statusSeen: (args: SlackCallArgs) => void = () => {};
    const seen = new Promise<SlackCallArgs>((resolve) => {
      statusSeen = resolve;
    });
    // The answer is ready only once the status has been set: as if the engine were slow.
    const answerer = fixtureAnswerer(async () => {
      await seen;
      return answerWithSources();
    });
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }), app: { statusDelayMs: 0 } });
    slackCall('users.info', staffInfo);
    nock('https://slack.test')
      .post('/api/assistant.threads.setStatus')
      .reply(200, (_uri, body) => {
        statusSeen(parseSlackCallBody(body));
        return { ok: true };
      });
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const ts = messageTs();

    const response = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts }),
    );
    await response.done;

    const status = await seen;
    expect(status).toMatchObject({ channel_id: 'D0DM', thread_ts: ts, status: 'is looking this up…' });
    expect(status.loading_messages).toEqual(expect.arrayContaining(['Searching the knowledge base…']));
    expect(await posted).toMatchObject({ channel: 'D0DM', thread_ts: ts });
  });

  it('renders numbered sources with review dates and flags one due for review', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });

    const ts = messageTs();
    await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts }),
    );
    const text = blocksText((await posted).blocks);

    expect(text).toContain('The *London Living Wage* is £14.80 an hour [1]');
    // The list is a rich-text list, every item in it.
    const list = ((await posted).blocks as { type: string; elements?: { type: string; style?: string }[] }[]).find(
      (block) => block.type === 'rich_text',
    );
    expect(list?.elements?.[0]).toMatchObject({ type: 'rich_text_list', style: 'bullet' });
    expect(text).toContain('Applies across London');
    expect(text).toContain('Voluntary');
    expect(text).toMatch(
      /\[1\] <https:\/\/www\.livingwage\.org\.uk\/what-real-living-wage\|London Living Wage rates: Current rate> · last reviewed 23 October 2026\n/,
    );
    expect(text).toContain(
      '[2] <https://www.livingwage.org.uk/accreditation|Becoming a Living Wage employer> · last reviewed 10 January 2025 · :warning: due for review (was due 10 July 2025)',
    );
    expect(text).toContain('Figures as of 23 November 2026.');
  });

  it('answers an @mention in the thread and takes follow-ups there without a new mention, with the thread as history', async () => {
    const answerer = fixtureAnswerer((request) =>
      answerWithSources({ text: `Answer to: ${request.question}`, citations: [], figures: [] }),
    );
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    const channel = 'C0EMPLOY';
    const rootTs = messageTs();
    slackCall('users.info', staffInfo, { times: 2 });
    const firstPost = slackCall('chat.postMessage', { ok: true, ts: messageTs() });

    const mention = await slack.send(
      eventBody({
        type: 'app_mention',
        channel,
        user: STAFF,
        text: `<@${BOT_USER_ID}> Who pays the levy?`,
        ts: rootTs,
      }),
    );
    await mention.done;
    expect(await firstPost).toMatchObject({ channel, thread_ts: rootTs, text: 'Answer to: Who pays the levy?' });

    const answerTs = messageTs();
    const followUpTs = messageTs();
    const replies = slackCall('conversations.replies', {
      ok: true,
      messages: [
        { ts: rootTs, user: STAFF, text: `<@${BOT_USER_ID}> Who pays the levy?` },
        { ts: answerTs, user: BOT_USER_ID, bot_id: BOT_ID, text: 'Answer to: Who pays the levy?' },
        { ts: followUpTs, user: STAFF, text: 'And what rate?' },
      ],
    });
    const secondPost = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const followUp = await slack.send(
      eventBody({
        type: 'message',
        channel,
        channel_type: 'channel',
        user: STAFF,
        text: 'And what rate?',
        ts: followUpTs,
        thread_ts: rootTs,
      }),
    );
    await followUp.done;

    expect(await replies).toMatchObject({ channel, ts: rootTs });
    expect(await secondPost).toMatchObject({ channel, thread_ts: rootTs, text: 'Answer to: And what rate?' });
    expect(answerer.requests[1]?.history).toEqual([
      { role: 'user', text: 'Who pays the levy?' },
      { role: 'assistant', text: 'Answer to: Who pays the levy?' },
    ]);
  });

  it('ignores replies in threads it has not answered in, and messages from bots', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });

    const unknownThread = await slack.send(
      eventBody({
        type: 'message',
        channel: 'C0OTHER',
        channel_type: 'channel',
        user: STAFF,
        text: 'LLW?',
        ts: messageTs(),
        thread_ts: messageTs(),
      }),
    );
    const otherBot = await slack.send(
      eventBody({
        type: 'message',
        channel: 'D0DM',
        channel_type: 'im',
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER',
        text: 'LLW?',
        ts: messageTs(),
      }),
    );
    const botSubtype = await slack.send(
      eventBody({
        type: 'message',
        subtype: 'bot_message',
        channel: 'D0DM',
        channel_type: 'im',
        bot_id: 'B0OTHER',
        text: 'LLW?',
        ts: messageTs(),
      }),
    );
    await Promise.all([unknownThread.done, otherBot.done, botSubtype.done]);

    expect(answerer.requests).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('answers a retried event once', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    const posts: SlackCallArgs[] = [];
    slackCall('users.info', staffInfo);
    // Room for a second post, so an answered retry would be seen rather than refused by nock.
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() }, { calls: posts, times: 2 });
    const event = { type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() };

    const first = await slack.send(eventBody(event, { eventId: 'EvRETRY1' }));
    await first.done;
    await posted;
    const retry = await slack.send(eventBody(event, { eventId: 'EvRETRY1' }), {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    // Wait until the retry has been fully handled, then count what the person saw.
    await retry.done;
    await slack.logs.waitFor((line) => line.msg === 'ignored a repeated event' && line.eventId === 'EvRETRY1');

    expect(posts).toHaveLength(1);
    expect(answerer.requests).toHaveLength(1);
  });

  it('gives guests and Slack Connect users only public articles', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', { ok: true, user: { id: 'U0GUEST', team_id: TEAM_ID, is_restricted: true } });
    const guestPost = slackCall('chat.postMessage', { ok: true, ts: messageTs() });

    const guest = await slack.send(
      eventBody({
        type: 'message',
        channel: 'D0GUEST',
        channel_type: 'im',
        user: 'U0GUEST',
        text: 'LLW?',
        ts: messageTs(),
      }),
    );
    await guest.done;
    const guestButtons = actionIds((await guestPost).blocks);

    const connectPost = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const connect = await slack.send(
      eventBody({
        type: 'app_mention',
        channel: 'C0SHARED',
        user: 'U0PARTNER',
        user_team: 'T0PARTNER',
        text: `<@${BOT_USER_ID}> LLW?`,
        ts: messageTs(),
      }),
    );
    await connect.done;
    await connectPost;

    expect(answerer.requests.map((request) => request.audience)).toEqual(['public', 'public']);
    // People outside the organisation are not offered the team's enquiry buttons.
    expect(guestButtons).toEqual([SLACK_IDS.actions.feedback]);
  });

  it('posts a fixed apology in the thread when the engine fails, and logs the failure', async () => {
    const answerer = fixtureAnswerer(() => {
      throw new Error('database password is hunter2');
    });
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const ts = messageTs();

    const response = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts }),
    );
    await response.done;
    const apology = await posted;

    expect(apology).toMatchObject({ channel: 'D0DM', thread_ts: ts });
    expect(String(apology.text)).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(apology)).not.toContain('hunter2');
    const logged = await slack.logs.waitFor((line) => line.msg === 'answer failed');
    expect(logged).toMatchObject({ code: 'internal', channel: 'D0DM', userId: STAFF });
  });

  it('tells a person politely when they pass the per-minute limit, and lets them ask again a minute later', async () => {
    // Only Date is faked: the shared rate limiter (rate-limiter-flexible) reads the clock itself.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-11-23T10:00:00Z'));
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({
      env: { SLACK_RATE_LIMIT_PER_MINUTE: '1' },
      configure: (core) => ({ ...core, answerer }),
    });
    slackCall('users.info', staffInfo);
    slackCall('chat.postMessage', { ok: true, ts: messageTs() }, { times: 2 });
    const dm = () =>
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() });

    await (await slack.send(dm())).done;
    const limited = slackCall('chat.postEphemeral', { ok: true, message_ts: messageTs() });
    await (await slack.send(dm())).done;
    expect(await limited).toMatchObject({ channel: 'D0DM', user: STAFF });
    expect(String((await limited).text)).toContain('Please wait a moment');

    vi.setSystemTime(Date.parse('2026-11-23T10:01:01Z'));
    await (await slack.send(dm())).done;
    expect(answerer.requests).toHaveLength(2);
    vi.useRealTimers();
  });

  it('rejects a bad signature or a stale timestamp with 401 and does nothing', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    const event = { type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() };

    const forged = await slack.send(eventBody(event), { secret: 'not-the-secret' });
    const stale = await slack.send(eventBody(event), { timestampSeconds: Math.floor(Date.now() / 1000) - 60 * 10 });

    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(answerer.requests).toEqual([]);
  });

  it('streams a model answer and keeps it when it matches the final text', async () => {
    const text = 'The levy is **0.5%** of pay bill [1].';
    const answerer = fixtureAnswerer((request) => {
      request.onText?.('The levy is **0.5%** ');
      request.onText?.('of pay bill [1].');
      return answerWithSources({ text, mode: 'model' });
    });
    slack = await startTestSlack({
      configure: (core) => ({
        ...core,
        answerer,
        config: { ...core.config, model: { apiKey: 'sk-test', model: 'gpt-test', timeoutMs: 1_000 } },
      }),
    });
    slackCall('users.info', staffInfo);
    const streamTs = messageTs();
    const started = slackCall('chat.startStream', { ok: true, ts: streamTs });
    const stopped = slackCall('chat.stopStream', { ok: true, ts: streamTs });
    const ts = messageTs();

    const response = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'Levy?', ts }),
    );
    await response.done;

    expect(await started).toMatchObject({ channel: 'D0DM', thread_ts: ts, recipient_user_id: STAFF });
    const stop = await stopped;
    const streamedText = [...((stop.chunks as { text?: string }[] | undefined) ?? [])]
      .map((chunk) => chunk.text)
      .join('');
    expect(`${String((await started).markdown_text ?? '')}${streamedText}`).toBe(text);
    expect(blocksText(stop.blocks)).toContain('[1] <https://www.livingwage.org.uk/what-real-living-wage|');
    expect(actionIds(stop.blocks)).toContain(SLACK_IDS.actions.feedback);
  });

  it('replaces a streamed message with the final answer when the engine fell back', async () => {
    const answerer = fixtureAnswerer((request) => {
      request.onText?.('Half-written model text');
      return answerWithSources({
        mode: 'extractive',
        notice: 'The writing model was unavailable, so this quotes the sources.',
      });
    });
    slack = await startTestSlack({
      configure: (core) => ({
        ...core,
        answerer,
        config: { ...core.config, model: { apiKey: 'sk-test', model: 'gpt-test', timeoutMs: 1_000 } },
      }),
    });
    slackCall('users.info', staffInfo);
    const streamTs = messageTs();
    slackCall('chat.startStream', { ok: true, ts: streamTs });
    slackCall('chat.stopStream', { ok: true, ts: streamTs });
    const updated = slackCall('chat.update', { ok: true, ts: streamTs });

    const response = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() }),
    );
    await response.done;
    const update = await updated;

    expect(update).toMatchObject({ channel: 'D0DM', ts: streamTs });
    const text = blocksText(update.blocks);
    expect(text).toContain('The *London Living Wage* is £14.80 an hour [1]');
    expect(text).toContain(':information_source: The writing model was unavailable');
    expect(text).not.toContain('Half-written');
  });

  it('offers suggested prompts for the four topics when the Messages tab opens', async () => {
    slack = await startTestSlack();
    const prompts = slackCall('assistant.threads.setSuggestedPrompts');
    const response = await slack.send(
      eventBody({ type: 'app_home_opened', user: STAFF, channel: 'D0DM', tab: 'messages' }),
    );
    await response.done;
    const call = await prompts;
    expect(call.channel_id).toBe('D0DM');
    const titles = (call.prompts as { title: string }[]).map((prompt) => prompt.title);
    expect(titles).toEqual(['Apprenticeship levy', 'London Living Wage', 'Hackney 100', 'Section 106']);
  });

  it('answers GET /healthz with 200 JSON', async () => {
    slack = await startTestSlack();
    const response = await fetch(`${slack.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', slack: 'http' });
  });
});

describe('Slack connection modes', () => {
  afterEach(() => {
    nock.cleanAll();
  });

  it('stops listening when stopped', async () => {
    const slack = await startTestSlack();
    const url = `${slack.url}/healthz`;
    expect((await fetch(url)).status).toBe(200);
    await slack.close();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('connects over Socket Mode when SLACK_APP_TOKEN is set, with no HTTP events endpoint', async () => {
    allowOnlyLoopback();
    const opened = new Promise<string | undefined>((resolve) => {
      nock('https://slack.test')
        .post('/api/apps.connections.open')
        .reply(200, function reply() {
          resolve(this.req.headers.authorization as string | undefined);
          return { ok: false, error: 'invalid_auth' };
        });
    });
    const dir = mkdtempSync(join(tmpdir(), 'skills-desk-socket-'));
    const config = loadConfig({
      STORE_URL: `sqlite://${join(dir, 's.sqlite')}`,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_API_URL: 'https://slack.test/api/',
      LOG_LEVEL: 'silent',
    });
    const core = await createCore(config, createLogger({ level: 'silent' }), {
      knowledge: { articles: new Map(), facts: new Map(), sections: [], version: 'empty' },
    });
    const slack = createSlackApp(core, config.slack as SlackSettings, {
      botId: BOT_ID,
      botUserId: BOT_USER_ID,
      webApiRetries: 0,
      port: 0,
    });
    try {
      expect(config.slack).toMatchObject({ mode: 'socket' });
      await expect(slack.start()).rejects.toThrow(/invalid_auth/);
    } finally {
      await slack.stop();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await opened).toBe('Bearer xapp-1-test');
  });
});
