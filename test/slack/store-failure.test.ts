import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFailingWrites } from '../conversation/failing-store.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import {
  BOT_USER_ID,
  eventBody,
  messageTs,
  parseSlackCallBody,
  SLACK_API_ORIGIN,
  type SlackCallArgs,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF09';

describe('Slack questions when the store cannot be written', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => allowOnlyLoopback());
  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('answers every question (DM, mention) once, retries included, when every write to the store fails', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    let store: ReturnType<typeof withFailingWrites> | undefined;
    slack = await startTestSlack({
      configure: (core) => {
        store = withFailingWrites(core.store);
        return { ...core, store, answerer };
      },
    });
    const posts: SlackCallArgs[] = [];
    const api = nock(SLACK_API_ORIGIN)
      .post('/api/users.info')
      .reply(200, { ok: true, user: { id: STAFF, team_id: TEAM_ID } })
      .post('/api/chat.postMessage')
      .times(3)
      .reply(200, (_uri, body) => {
        posts.push(parseSlackCallBody(body));
        return { ok: true, ts: messageTs() };
      });

    const dmTs = messageTs();
    const dm = eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: dmTs });
    const first = await slack.send(dm);
    await first.done;
    const mentionTs = messageTs();
    const mention = await slack.send(
      eventBody({
        type: 'app_mention',
        channel: 'C0STAFF',
        user: STAFF,
        text: `<@${BOT_USER_ID}> LLW?`,
        ts: mentionTs,
      }),
    );
    await mention.done;
    // Slack's retry of the DM while the store is still failing: caught without the store, not answered again.
    const retry = await slack.send(dm, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await retry.done;

    expect(store?.writes).toBeGreaterThan(0);
    expect(posts.map((post) => [post.channel, post.thread_ts])).toEqual([
      ['D0DM', dmTs],
      ['C0STAFF', mentionTs],
    ]);
    for (const post of posts) expect(post.text).toContain('London Living Wage');
    expect(answerer.requests).toHaveLength(2);
    // Room was left for a third post: only the retry could have used it.
    expect(api.pendingMocks().filter((mock) => mock.endsWith('chat.postMessage'))).toHaveLength(1);
  });
});
