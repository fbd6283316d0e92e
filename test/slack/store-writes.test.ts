import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allowOnlyLoopback } from '../helpers/network.js';
import {
  BOT_USER_ID,
  eventBody,
  messageTs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF11';
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID, is_restricted: false, is_ultra_restricted: false } };

describe('Slack questions and the store', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => allowOnlyLoopback());
  afterEach(async () => {
    nock.cleanAll();
    vi.restoreAllMocks();
    await slack?.close();
    slack = undefined;
  });

  it('claims and records a DM or a mention in one write, which also marks the thread it starts', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    const writes = vi.spyOn(slack.core.store, 'insertIfAbsent');
    slackCall('users.info', staffInfo);
    const dmPosted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const dm = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() }),
    );
    await dm.done;
    await dmPosted;
    expect(writes).toHaveBeenCalledTimes(1);

    const mentionPosted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
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
    await mentionPosted;
    expect(writes).toHaveBeenCalledTimes(2);
    expect(await slack.core.store.readUnique('slack-answers', `thread-C0STAFF-${mentionTs.replace('.', '-')}`)).toEqual(
      expect.objectContaining({ question: 'LLW?', channel: 'C0STAFF' }),
    );
  });
});
