import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import {
  actionIds,
  blocksText,
  commandBody,
  eventBody,
  interactionBody,
  messageTs,
  responseUrlCall,
  type SlackCallArgs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
  uniqueId,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF02';
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID } };

function elementValue(blocks: unknown, predicate: (element: Record<string, unknown>) => boolean): unknown {
  let found: unknown;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (predicate(record)) found = record;
    Object.values(record).forEach(visit);
  };
  visit(blocks);
  return found;
}

function feedbackValues(blocks: unknown): { up: string; down: string } {
  const element = elementValue(blocks, (node) => node.type === 'feedback_buttons') as {
    positive_button: { value: string };
    negative_button: { value: string };
  };
  return { up: element.positive_button.value, down: element.negative_button.value };
}

function blockAction(fields: {
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
  responsePath: string;
  isEphemeral?: boolean;
}) {
  return interactionBody({
    type: 'block_actions',
    token: 'legacy-verification-token',
    api_app_id: 'A0SKILLS',
    team: { id: TEAM_ID, domain: 'hackney-test' },
    user: { id: STAFF, username: 'officer', team_id: TEAM_ID },
    container: {
      type: 'message',
      message_ts: fields.messageTs,
      channel_id: fields.channel,
      is_ephemeral: fields.isEphemeral ?? false,
    },
    channel: { id: fields.channel, name: 'employment-skills' },
    message: { type: 'message', ts: fields.messageTs, text: 'answer' },
    response_url: `https://hooks.slack.test${fields.responsePath}`,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'answer_feedback',
        value: fields.value,
        action_ts: messageTs(),
      },
    ],
  });
}

describe('Slack feedback, /skills and sharing', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => {
    allowOnlyLoopback();
  });

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  /** Asks in a DM and returns the posted answer and its ts. */
  async function askInDm(test: TestSlack, question: string): Promise<{ posted: SlackCallArgs; ts: string }> {
    const ts = messageTs();
    slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts });
    const response = await test.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: question, ts: messageTs() }),
    );
    await response.done;
    return { posted: await posted, ts };
  }

  it('stores the last feedback choice per person with the question, answer and sources', async () => {
    const answer = answerWithSources();
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer: fixtureAnswerer(() => answer) }) });
    const { posted, ts } = await askInDm(slack, 'What is the LLW?');
    const values = feedbackValues(posted.blocks);

    const up = await slack.send(
      blockAction({
        actionId: SLACK_IDS.actions.feedback,
        value: values.up,
        channel: 'D0DM',
        messageTs: ts,
        responsePath: '/a/1',
      }),
    );
    await up.done;
    expect(await slack.core.feedback.get('slack', ts, STAFF)).toMatchObject({
      rating: 'up',
      question: 'What is the LLW?',
      answerText: answer.text,
      sources: [
        { articleId: 'llw-rates', title: 'London Living Wage rates' },
        { articleId: 'llw-accreditation', title: 'Becoming a Living Wage employer' },
      ],
    });

    const reasonPrompt = responseUrlCall('/a/2');
    const down = await slack.send(
      blockAction({
        actionId: SLACK_IDS.actions.feedback,
        value: values.down,
        channel: 'D0DM',
        messageTs: ts,
        responsePath: '/a/2',
      }),
    );
    await down.done;
    expect((await slack.core.feedback.get('slack', ts, STAFF))?.rating).toBe('down');
    const prompt = await reasonPrompt;
    expect(prompt).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(actionIds(prompt.blocks)).toEqual([SLACK_IDS.actions.feedbackReason]);
  });

  it('collects a reason for a 👎 through a small form, rejecting one that is too short', async () => {
    slack = await startTestSlack({
      configure: (core) => ({ ...core, answerer: fixtureAnswerer(() => answerWithSources()) }),
    });
    const { posted, ts } = await askInDm(slack, 'What is the LLW?');
    const reasonPrompt = responseUrlCall('/b/1');
    await (
      await slack.send(
        blockAction({
          actionId: SLACK_IDS.actions.feedback,
          value: feedbackValues(posted.blocks).down,
          channel: 'D0DM',
          messageTs: ts,
          responsePath: '/b/1',
        }),
      )
    ).done;
    const reasonButton = elementValue(
      (await reasonPrompt).blocks,
      (node) => node.action_id === SLACK_IDS.actions.feedbackReason,
    ) as { value: string };

    const opened = slackCall('views.open', { ok: true, view: { id: 'V0REASON' } });
    await (
      await slack.send(
        blockAction({
          actionId: SLACK_IDS.actions.feedbackReason,
          value: reasonButton.value,
          channel: 'D0DM',
          messageTs: messageTs(),
          responsePath: '/b/2',
          isEphemeral: true,
        }),
      )
    ).done;
    const view = (await opened).view as { callback_id: string; private_metadata: string; blocks: unknown };
    expect(view.callback_id).toBe(SLACK_IDS.views.feedbackReasonForm);
    expect(blocksText(view.blocks)).toContain('What was wrong with the answer?');

    const submit = (reason: string) =>
      interactionBody({
        type: 'view_submission',
        team: { id: TEAM_ID },
        user: { id: STAFF, team_id: TEAM_ID },
        api_app_id: 'A0SKILLS',
        view: {
          id: uniqueId('V'),
          type: 'modal',
          callback_id: SLACK_IDS.views.feedbackReasonForm,
          private_metadata: view.private_metadata,
          state: { values: { reason: { reason: { type: 'plain_text_input', value: reason } } } },
        },
      });

    const tooShort = await slack.send(submit('no'));
    await tooShort.done;
    expect(JSON.parse(tooShort.text)).toEqual({
      response_action: 'errors',
      errors: { reason: 'Tell us a little more (at least 3 characters).' },
    });
    expect((await slack.core.feedback.get('slack', ts, STAFF))?.reason).toBeUndefined();

    const good = await slack.send(submit('The rate quoted is last year’s'));
    await good.done;
    expect(JSON.parse(good.text)).toMatchObject({ response_action: 'update' });
    expect(await slack.core.feedback.get('slack', ts, STAFF)).toMatchObject({
      rating: 'down',
      reason: 'The rate quoted is last year’s',
    });
  });

  it('answers /skills privately with a Share button, and sharing posts it in the channel', async () => {
    const answer = answerWithSources({ enquirySuggested: true });
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer: fixtureAnswerer(() => answer) }) });
    slackCall('users.info', staffInfo);
    const privateReply = responseUrlCall('/commands/1');

    const command = await slack.send(
      commandBody({ text: 'What is the LLW?', userId: STAFF, channelId: 'C0EMPLOY', responsePath: '/commands/1' }),
    );
    expect(command.status).toBe(200);
    await command.done;
    const reply = await privateReply;
    expect(reply.response_type).toBe('ephemeral');
    expect(blocksText(reply.blocks)).toContain('You asked: _What is the LLW?_');
    expect(blocksText(reply.blocks)).toContain('The *London Living Wage* is £14.80 an hour [1]');
    expect(actionIds(reply.blocks)).toEqual([SLACK_IDS.actions.shareAnswer, SLACK_IDS.actions.feedback]);

    const shareValue = (
      elementValue(reply.blocks, (node) => node.action_id === SLACK_IDS.actions.shareAnswer) as {
        value: string;
      }
    ).value;
    const sharedTs = messageTs();
    const posted = slackCall('chat.postMessage', { ok: true, ts: sharedTs });
    const updated = slackCall('chat.update', { ok: true, ts: sharedTs });
    const removed = responseUrlCall('/share/1');
    await (
      await slack.send(
        blockAction({
          actionId: SLACK_IDS.actions.shareAnswer,
          value: shareValue,
          channel: 'C0EMPLOY',
          messageTs: messageTs(),
          responsePath: '/share/1',
          isEphemeral: true,
        }),
      )
    ).done;

    expect(await posted).toMatchObject({ channel: 'C0EMPLOY' });
    expect(blocksText((await posted).blocks)).toContain(`<@${STAFF}> asked: _What is the LLW?_`);
    const update = await updated;
    expect(update).toMatchObject({ channel: 'C0EMPLOY', ts: sharedTs });
    expect(actionIds(update.blocks)).toEqual([
      SLACK_IDS.actions.askTheTeam,
      SLACK_IDS.actions.logEnquiryFromAnswer,
      SLACK_IDS.actions.feedback,
    ]);
    const askValue = JSON.parse(
      (elementValue(update.blocks, (node) => node.action_id === SLACK_IDS.actions.askTheTeam) as { value: string })
        .value,
    );
    expect(askValue).toMatchObject({
      question: 'What is the LLW?',
      channel: 'C0EMPLOY',
      threadTs: sharedTs,
      isExternal: false,
    });
    expect(await removed).toEqual({ delete_original: true });
  });

  it('explains itself for /skills help and an empty /skills', async () => {
    slack = await startTestSlack();
    for (const [text, path] of [
      ['help', '/help/1'],
      ['', '/help/2'],
    ] as const) {
      const reply = responseUrlCall(path);
      const response = await slack.send(
        commandBody({ text, userId: STAFF, channelId: 'C0EMPLOY', responsePath: path }),
      );
      await response.done;
      const body = await reply;
      expect(body.response_type).toBe('ephemeral');
      expect(String(body.text)).toContain('`/skills levy`');
      expect(String(body.text)).toContain('`/skills enquiry`');
    }
  });

  it('opens the levy, eligibility and enquiry forms from /skills with the command’s trigger', async () => {
    slack = await startTestSlack();
    for (const [text, callbackId] of [
      ['levy', SLACK_IDS.views.levyForm],
      ['Eligibility', SLACK_IDS.views.eligibilityForm],
      ['enquiry', SLACK_IDS.views.enquiryForm],
    ] as const) {
      const opened = slackCall('views.open', { ok: true, view: { id: uniqueId('V') } });
      const body = commandBody({ text, userId: STAFF, channelId: 'C0EMPLOY', responsePath: `/forms/${text}` });
      const response = await slack.send(body);
      expect(response.status).toBe(200);
      await response.done;
      const call = await opened;
      expect(call.trigger_id).toBe(body.key);
      expect((call.view as { callback_id: string }).callback_id).toBe(callbackId);
    }
  });

  it('apologises privately when /skills cannot answer, without showing the error', async () => {
    const answerer = fixtureAnswerer(() => {
      throw new Error('connection refused: postgres://admin:secret@db');
    });
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer }) });
    slackCall('users.info', staffInfo);
    const reply = responseUrlCall('/commands/fail');
    const response = await slack.send(
      commandBody({ text: 'What is the LLW?', userId: STAFF, channelId: 'C0EMPLOY', responsePath: '/commands/fail' }),
    );
    await response.done;
    const body = await reply;
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('asks to be invited when it cannot post a shared answer in the channel', async () => {
    slack = await startTestSlack({
      configure: (core) => ({ ...core, answerer: fixtureAnswerer(() => answerWithSources()) }),
    });
    slackCall('users.info', staffInfo);
    const privateReply = responseUrlCall('/commands/2');
    await (
      await slack.send(
        commandBody({ text: 'What is the LLW?', userId: STAFF, channelId: 'C0PRIVATE', responsePath: '/commands/2' }),
      )
    ).done;
    const shareValue = (
      elementValue((await privateReply).blocks, (node) => node.action_id === SLACK_IDS.actions.shareAnswer) as {
        value: string;
      }
    ).value;
    slackCall('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const told = responseUrlCall('/share/3');
    await (
      await slack.send(
        blockAction({
          actionId: SLACK_IDS.actions.shareAnswer,
          value: shareValue,
          channel: 'C0PRIVATE',
          messageTs: messageTs(),
          responsePath: '/share/3',
          isEphemeral: true,
        }),
      )
    ).done;
    expect(String((await told).text)).toContain("I can't post in <#C0PRIVATE>. Invite me to the channel first");
  });

  it('tells the asker when a shared answer has expired', async () => {
    slack = await startTestSlack();
    const reply = responseUrlCall('/share/2');
    const response = await slack.send(
      blockAction({
        actionId: SLACK_IDS.actions.shareAnswer,
        value: 'missing-answer',
        channel: 'C0EMPLOY',
        messageTs: messageTs(),
        responsePath: '/share/2',
        isEphemeral: true,
      }),
    );
    await response.done;
    expect(await reply).toMatchObject({ text: 'That answer is no longer available. Please ask the question again.' });
  });
});
