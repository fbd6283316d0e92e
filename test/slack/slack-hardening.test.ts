import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import { signSlackRequest } from '../helpers/sign-slack-request.js';
import {
  BOT_USER_ID,
  eventBody,
  interactionBody,
  messageTs,
  SIGNING_SECRET,
  type SlackCallArgs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF01';
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID, is_restricted: false, is_ultra_restricted: false } };
const PARTNER_TEAM = 'T0PARTNER';

/** An Events API envelope as Slack sends it in a Slack Connect channel: the envelope's team is the other org's. */
function connectEnvelope(event: Record<string, unknown>, envelopeTeam: string) {
  const body = eventBody(event);
  const parsed = JSON.parse(body.raw) as Record<string, unknown>;
  parsed.team_id = envelopeTeam;
  parsed.context_team_id = envelopeTeam;
  parsed.is_ext_shared_channel = true;
  return { ...body, raw: JSON.stringify(parsed) };
}

describe('Slack edge cases from Slack’s own payloads', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => {
    allowOnlyLoopback();
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('Slack Connect: reads the installed workspace from authorizations, not the envelope team_id', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    // A partner's user in our channel: the envelope says our team, the event says theirs.
    const partnerPost = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const partner = await slack.send(
      connectEnvelope(
        {
          type: 'app_mention',
          channel: 'C0SHARED',
          user: 'U0PARTNER',
          user_team: PARTNER_TEAM,
          source_team: PARTNER_TEAM,
          text: `<@${BOT_USER_ID}> LLW?`,
          ts: messageTs(),
        },
        TEAM_ID,
      ),
    );
    await partner.done;
    await partnerPost;
    // One of our staff in a partner's channel: the envelope carries the partner's team id.
    slackCall('users.info', staffInfo);
    const staffPost = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const member = await slack.send(
      connectEnvelope(
        {
          type: 'app_mention',
          channel: 'C0THEIRS',
          user: STAFF,
          user_team: TEAM_ID,
          source_team: TEAM_ID,
          text: `<@${BOT_USER_ID}> LLW?`,
          ts: messageTs(),
        },
        PARTNER_TEAM,
      ),
    );
    await member.done;
    await staffPost;

    expect(answerer.requests.map((request) => request.audience)).toEqual(['public', 'staff']);
  });

  it('answers an "Also send to channel" (thread_broadcast) follow-up in an answered thread', async () => {
    const answerer = fixtureAnswerer((request) => answerWithSources({ text: `Answer to: ${request.question}` }));
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', staffInfo);
    slackCall('conversations.replies', { ok: true, messages: [] }, { times: 2 });
    const rootTs = messageTs();
    const first = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    await (
      await slack.send(
        eventBody({
          type: 'app_mention',
          channel: 'C0EMPLOY',
          user: STAFF,
          text: `<@${BOT_USER_ID}> LLW?`,
          ts: rootTs,
        }),
      )
    ).done;
    await first;
    const second = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    await (
      await slack.send(
        eventBody({
          type: 'message',
          subtype: 'thread_broadcast',
          channel: 'C0EMPLOY',
          channel_type: 'channel',
          user: STAFF,
          text: 'And for under 18s?',
          ts: messageTs(),
          thread_ts: rootTs,
          root: { ts: rootTs, thread_ts: rootTs, user: STAFF, text: 'LLW?' },
        }),
      )
    ).done;
    expect(await second).toMatchObject({
      channel: 'C0EMPLOY',
      thread_ts: rootTs,
      text: 'Answer to: And for under 18s?',
    });
  });

  it('refuses a signed body of `null` (and `payload=null`) with 400 and keeps serving', async () => {
    slack = await startTestSlack();
    for (const [raw, contentType] of [
      ['null', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['[]', 'application/json'],
    ] as const) {
      const response = await fetch(`${slack.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...signSlackRequest(raw, SIGNING_SECRET) },
        body: raw,
      });
      expect(response.status).toBe(400);
    }
    expect((await fetch(`${slack.url}/healthz`)).status).toBe(200);
  });

  it('refuses a signed request dated more than five minutes in the future', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    const event = { type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() };
    const future = await slack.send(eventBody(event), { timestampSeconds: Math.floor(Date.now() / 1000) + 60 * 10 });
    expect(future.status).toBe(401);
    expect(answerer.requests).toEqual([]);
  });

  it('acknowledges a button, shortcut or modal close no feature handles', async () => {
    slack = await startTestSlack();
    const unknownButton = await slack.send(
      interactionBody({
        type: 'block_actions',
        user: { id: STAFF, team_id: TEAM_ID },
        team: { id: TEAM_ID },
        api_app_id: 'A0SKILLS',
        container: { type: 'message', message_ts: messageTs(), channel_id: 'C0EMPLOY' },
        channel: { id: 'C0EMPLOY' },
        actions: [{ type: 'button', action_id: 'legacy_button', block_id: 'old', value: 'x', action_ts: messageTs() }],
      }),
    );
    const closed = await slack.send(
      interactionBody({
        type: 'view_closed',
        user: { id: STAFF, team_id: TEAM_ID },
        team: { id: TEAM_ID },
        api_app_id: 'A0SKILLS',
        view: { id: 'V0X', callback_id: SLACK_IDS.views.enquiryForm, app_installed_team_id: TEAM_ID, type: 'modal' },
        is_cleared: false,
      }),
    );
    expect(unknownButton.status).toBe(200);
    expect(closed.status).toBe(200);
    await slack.logs.waitFor((line) => line.msg === 'acknowledged an interaction no feature handles');
  });

  it('still answers when the event claim cannot be written (store failing)', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    vi.spyOn(slack.core.store, 'insertIfAbsent').mockRejectedValue(new Error('SQLITE_FULL: database or disk is full'));
    slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const ts = messageTs();
    await (
      await slack.send(
        eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts }),
      )
    ).done;
    expect(await posted).toMatchObject({ channel: 'D0DM', thread_ts: ts });
    await slack.logs.waitFor((line) => line.msg === 'could not record the event claim; answering anyway');
  });

  it('logs a refused post with Slack’s own error code and apologises', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', staffInfo);
    slackCall('chat.postMessage', { ok: false, error: 'invalid_blocks' });
    const apology = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    await (
      await slack.send(
        eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() }),
      )
    ).done;
    expect(String((await apology).text)).toMatch(/^Sorry, something went wrong/);
    const logged = await slack.logs.waitFor((line) => line.msg === 'answer could not be posted');
    expect(logged).toMatchObject({ code: 'invalid_blocks' });
  });

  it('ends a failed stream with chat.stopStream before replacing it with the whole answer', async () => {
    const answerer = fixtureAnswerer((request) => {
      // Slack's streamer buffers 256 characters: the first flush starts the stream, the second appends.
      request.onText?.('x'.repeat(300));
      request.onText?.('y'.repeat(300));
      return answerWithSources({ mode: 'model' });
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
    const order: string[] = [];
    const calls: SlackCallArgs[] = [];
    slackCall('chat.startStream', { ok: true, ts: streamTs });
    nock('https://slack.test')
      .post('/api/chat.appendStream')
      .reply(200, () => {
        order.push('append');
        return { ok: false, error: 'message_not_in_streaming_state' };
      });
    nock('https://slack.test')
      .post('/api/chat.stopStream')
      .reply(200, () => {
        order.push('stop');
        return { ok: true, ts: streamTs };
      });
    const updated = slackCall('chat.update', { ok: true, ts: streamTs }, { calls });
    await (
      await slack.send(
        eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() }),
      )
    ).done;
    await updated;
    order.push('update');
    expect(order).toEqual(['append', 'stop', 'update']);
    expect(calls[0]).toMatchObject({ channel: 'D0DM', ts: streamTs });
  });
});
