import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowOnlyLoopback } from '../helpers/network.js';
import { eventBody, messageTs, slackCall, startTestSlack, TEAM_ID, type TestSlack } from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF01';
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID, is_restricted: false, is_ultra_restricted: false } };

describe('Slack streamed answers', () => {
  let slack: TestSlack | undefined;
  beforeEach(allowOnlyLoopback);
  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('escape what the model streams, so no mention or link reaches the channel through the stream', async () => {
    const answerer = fixtureAnswerer((request) => {
      request.onText?.('Ask <!channel> about ');
      request.onText?.('<https://x.test|this> & more');
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
    const started = slackCall('chat.startStream', { ok: true, ts: streamTs });
    const stopped = slackCall('chat.stopStream', { ok: true, ts: streamTs });
    slackCall('chat.update', { ok: true, ts: streamTs });

    const response = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'Levy?', ts: messageTs() }),
    );
    await response.done;

    const chunks = ((await stopped).chunks as { text?: string }[] | undefined) ?? [];
    const streamed = `${String((await started).markdown_text ?? '')}${chunks.map((chunk) => chunk.text).join('')}`;
    expect(streamed).toContain('Ask &lt;!channel&gt; about &lt;https://x.test|this&gt; &amp; more');
    expect(streamed).not.toMatch(/<!channel>|<https:/);
  });
});
