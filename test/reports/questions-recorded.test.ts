import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/enquiries/working-hours.js';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../helpers/network.js';
import { runSkillsDesk } from '../helpers/run-cli.js';
import {
  eventBody,
  interactionBody,
  messageTs,
  slackCall,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import {
  captureReplies,
  createSigningKey,
  isolateNetwork,
  postActivity,
  SENDER_AAD_ID,
  serveAppToken,
  serveKeys,
  serveStaffMemberEverywhere,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from '../teams/teams-harness.js';

const STAFF = 'U0STAFF';
const staffInfo = { ok: true, user: { id: STAFF, team_id: TEAM_ID, is_restricted: false, is_ultra_restricted: false } };
const signingKey = createSigningKey();
const TODAY = londonDate(new Date());

type GapsJson = {
  digests: { owner: string; gaps: { articleId: string | null; questions: string[]; reasons: string[] }[] }[];
};

async function gapsOf(storeUrl: string): Promise<GapsJson['digests'][number]['gaps']> {
  const run = await runSkillsDesk(['gaps', '--json'], { env: { STORE_URL: storeUrl } });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as GapsJson).digests.flatMap((digest) => digest.gaps);
}

async function questionsInReport(storeUrl: string) {
  const run = await runSkillsDesk(['report', '--from', TODAY, '--to', TODAY, '--format', 'json'], {
    env: { STORE_URL: storeUrl },
  });
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { questions: { asked: number; byOutcome: { key: string; count: number }[] } })
    .questions;
}

describe('questions from Slack and Teams reach the question log', () => {
  let slack: TestSlack | undefined;
  let teams: TestTeams | undefined;

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    await teams?.close();
    slack = undefined;
    teams = undefined;
    restoreNetwork();
  });

  it('keeps a Slack question and its 👎, so the gaps digest shows it near the article it was answered from', async () => {
    allowOnlyLoopback();
    slack = await startTestSlack({ realKnowledge: true });
    const question = 'What is the London Living Wage?';
    const info = slackCall('users.info', staffInfo);
    const posted = slackCall('chat.postMessage', { ok: true, ts: messageTs() });
    const ts = messageTs();
    const asked = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: question, ts }),
    );
    await asked.done;
    await info;
    const message = await posted;
    const storeUrl = slack.core.config.storeUrl;

    // Answered and well served: counted in the report, not a gap.
    expect(await questionsInReport(storeUrl)).toMatchObject({
      asked: 1,
      byOutcome: [
        { key: 'answered', count: 1 },
        { key: 'declined', count: 0 },
        { key: 'passed_to_team', count: 0 },
      ],
    });
    expect(await gapsOf(storeUrl)).toEqual([]);

    const down = JSON.stringify(message.blocks).match(/"(down:[\w-]+)"/)?.[1];
    expect(down).toBeDefined();
    const prompt = nock('https://hooks.slack.test').post('/a/1').reply(200, { ok: true });
    const clicked = await slack.send(
      interactionBody({
        type: 'block_actions',
        api_app_id: 'A0SKILLS',
        team: { id: TEAM_ID },
        user: { id: STAFF, team_id: TEAM_ID },
        container: { type: 'message', message_ts: ts, channel_id: 'D0DM' },
        channel: { id: 'D0DM' },
        message: { type: 'message', ts, text: 'answer' },
        response_url: 'https://hooks.slack.test/a/1',
        actions: [{ type: 'button', action_id: SLACK_IDS.actions.feedback, value: down, action_ts: messageTs() }],
      }),
    );
    await clicked.done;
    prompt.done();

    const gaps = await gapsOf(storeUrl);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ questions: [question], reasons: ['thumbs_down'] });
    expect(gaps[0]?.articleId).toMatch(/llw/);
  });

  it('keeps a Teams question and its 👎, so the gaps digest shows it', async () => {
    isolateNetwork();
    teams = await startTestTeams({ env: { ANSWER_CACHE_TTL_HOURS: '0' } });
    serveKeys(signingKey.keySet);
    serveAppToken().persist();
    serveStaffMemberEverywhere();
    const question = 'How much levy does an employer with a £5m pay bill pay?';
    const activity = teamsActivity({ text: question });
    const conversationId = (activity['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId, { times: 2 });
    expect((await postActivity(teams.transport.url, activity, signingKey.sign({}))).status).toBe(200);
    replies.scope.done();
    const storeUrl = teams.core.config.storeUrl;
    expect((await questionsInReport(storeUrl)).asked).toBe(1);

    const invoke = teamsActivity({
      type: 'invoke',
      name: 'message/submitAction',
      conversationId,
      replyToId: replies.ids[1]!,
      value: {
        actionName: 'feedback',
        actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Wanted the monthly figure' }) },
      },
    });
    expect((await postActivity(teams.transport.url, invoke, signingKey.sign({}))).status).toBe(200);
    expect(await teams.core.feedback.get('teams', replies.ids[1]!, SENDER_AAD_ID)).toMatchObject({ rating: 'down' });

    const gaps = await gapsOf(storeUrl);
    expect(gaps).toEqual([expect.objectContaining({ questions: [question], reasons: ['thumbs_down'] })]);
  });
});
