import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { londonDate } from '../../src/enquiries/working-hours.js';
import { createCoreQuestionLog } from '../../src/reports/question-log.js';
import type { Store } from '../../src/store/create-store.js';
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

/** The store, with writes to the question log held until `release` is called. */
function holdingQuestionLog(store: Store): Store & { release(): void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    ...store,
    release: () => release(),
    namespace<Value>(name: string) {
      const keyv = store.namespace<Value>(name);
      if (name !== 'question-log') return keyv;
      return new Proxy(keyv, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          // The question log writes through `set` or, as one indexed write, through the namespace's serializer.
          if ((property !== 'set' && property !== 'serialize') || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            await held;
            return value.apply(target, args);
          };
        },
      });
    },
  };
}
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

  it('posts the answer without waiting for the question log, and keeps the question before it is done', async () => {
    const answerer = fixtureAnswerer(() => answerWithSources());
    let store: ReturnType<typeof holdingQuestionLog> | undefined;
    slack = await startTestSlack({
      configure: (core) => {
        store = holdingQuestionLog(core.store);
        return { ...core, store, answerer };
      },
    });
    slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const dm = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'LLW?', ts: messageTs() }),
    );
    // Posted while the question log still holds its write.
    expect(await posted).toMatchObject({ channel: 'D0DM' });
    store?.release();
    await dm.done;
    const today = londonDate(slack.core.now());
    const kept = await createCoreQuestionLog(slack.core).list({ from: today, to: today });
    expect(kept.map((question) => question.question)).toEqual(['LLW?']);
  });
});
