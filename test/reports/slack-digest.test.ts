import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { postDueDigests } from '../../src/reports/digest-schedule.js';
import { createCoreGapDecisions } from '../../src/reports/gap-decisions.js';
import { buildDigests } from '../../src/reports/owner-digests.js';
import { createCoreQuestionLog } from '../../src/reports/question-log.js';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { createSlackDigestPublisher } from '../../src/slack/reports/index.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import { runSkillsDesk } from '../helpers/run-cli.js';
import {
  blocksText,
  interactionBody,
  messageTs,
  parseSlackCallBody,
  SLACK_API_ORIGIN,
  type SlackCallArgs,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { knowledgeCopy, NEAR_ARTICLE, nextMondayMorning, OWNER, seedGapQuestions } from './digest-fixtures.js';

const OWNER_CHANNEL = 'C0APPRENTICES';
const OWNER_USER = 'U0CONTENTOWNER';

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[] };

function buttonValue(blocks: Block[], question: string, actionId: string): string {
  const at = blocks.findIndex((block) => JSON.stringify(block).includes(question));
  const actions = blocks[at + 1];
  const value = actions?.elements?.find((element) => element.action_id === actionId)?.value;
  if (value === undefined) throw new Error(`no ${actionId} button under "${question}"`);
  return value;
}

function digestButton(value: string, actionId: string, posted: SlackCallArgs, ts: string) {
  return interactionBody({
    type: 'block_actions',
    api_app_id: 'A0SKILLS',
    team: { id: TEAM_ID },
    user: { id: OWNER_USER, team_id: TEAM_ID },
    container: { type: 'message', message_ts: ts, channel_id: OWNER_CHANNEL },
    channel: { id: OWNER_CHANNEL },
    message: { type: 'message', ts, text: posted.text, blocks: posted.blocks },
    response_url: 'https://hooks.slack.test/digest/1',
    actions: [{ type: 'button', action_id: actionId, block_id: 'x', value, action_ts: messageTs() }],
  });
}

describe('the weekly knowledge digest in Slack', () => {
  let slack: TestSlack | undefined;

  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('posts one digest to the owner’s channel, and its buttons change what `gaps` shows and what `gaps apply` writes', async () => {
    allowOnlyLoopback();
    const knowledgeDir = knowledgeCopy();
    const env = {
      KNOWLEDGE_DIR: knowledgeDir,
      KNOWLEDGE_SNAPSHOT: 'off',
      CONTENT_OWNER_CHANNELS: JSON.stringify({ [OWNER]: { slack: OWNER_CHANNEL } }),
    };
    slack = await startTestSlack({ realKnowledge: true, env });
    const core = slack.core;
    const asked = await seedGapQuestions(core.store);
    const monday = nextMondayMorning();

    let posted: SlackCallArgs = {};
    const ts = messageTs();
    const post = nock(SLACK_API_ORIGIN)
      .post('/api/chat.postMessage', (body) => {
        posted = parseSlackCallBody(body);
        return true;
      })
      .reply(200, { ok: true, channel: OWNER_CHANNEL, ts });
    const digestDeps = {
      store: core.store,
      log: createLogger({ level: 'silent' }),
      now: () => monday,
      build: () =>
        buildDigests({
          knowledge: core.knowledge,
          questions: createCoreQuestionLog(core),
          decisions: createCoreGapDecisions(core),
          now: () => monday,
        }),
      publishers: [createSlackDigestPublisher(slack.slack.app.client)],
      ownerChannels: core.config.reports.ownerChannels,
    };
    expect(await postDueDigests(digestDeps)).toEqual([expect.objectContaining({ owner: OWNER, platform: 'slack' })]);
    post.done();
    // Once a week: a second run that Monday posts nothing (nock would refuse a second post).
    expect(await postDueDigests(digestDeps)).toEqual([]);

    expect(posted.channel).toBe(OWNER_CHANNEL);
    const blocks = posted.blocks as Block[];
    const text = blocksText(blocks);
    expect(text).toContain(`Knowledge digest: ${OWNER}`);
    expect(text).toContain(asked.declined);
    expect(text).toContain(asked.thumbsDown);
    expect(text).toContain('It did not say 25%');
    expect(text).not.toContain(asked.unassigned); // no article came close: not this owner's

    // Mark handled: the gap's buttons become a line saying who decided, and `gaps` shows it as handled.
    const updates: SlackCallArgs[] = [];
    const update = nock(SLACK_API_ORIGIN)
      .post('/api/chat.update', (body) => {
        updates.push(parseSlackCallBody(body));
        return true;
      })
      .times(3)
      .reply(200, { ok: true });
    const handledValue = buttonValue(blocks, asked.declined, SLACK_IDS.actions.gapMarkHandled);
    const handled = await slack.send(digestButton(handledValue, SLACK_IDS.actions.gapMarkHandled, posted, ts));
    expect(handled.status).toBe(200);
    await handled.done;
    expect(blocksText(updates[0]?.blocks)).toContain(`✓ marked handled by <@${OWNER_USER}>`);

    const questionValue = buttonValue(blocks, asked.thumbsDown, SLACK_IDS.actions.gapAddQuestion);
    await (await slack.send(digestButton(questionValue, SLACK_IDS.actions.gapAddQuestion, posted, ts))).done;
    // The same gap, now as a labelled example too: the later decision is the one kept.
    const exampleValue = buttonValue(blocks, asked.declined, SLACK_IDS.actions.gapAddExample);
    await (await slack.send(digestButton(exampleValue, SLACK_IDS.actions.gapAddExample, posted, ts))).done;
    update.done();

    const cliEnv = { STORE_URL: core.config.storeUrl, KNOWLEDGE_DIR: knowledgeDir, KNOWLEDGE_SNAPSHOT: 'off' };
    const gaps = await runSkillsDesk(['gaps'], { env: cliEnv });
    expect(gaps.stdout).toMatch(new RegExp(`"${asked.thumbsDown}".*question to be added to ${NEAR_ARTICLE}`));
    expect(gaps.stdout).toMatch(new RegExp(`"${asked.declined}".*to be added as a labelled example \\(topic levy\\)`));
    expect(gaps.stdout).toMatch(new RegExp(`"${asked.unassigned}" \\([0-9a-f]{16}\\)\\n`));

    const applied = await runSkillsDesk(['gaps', 'apply'], { env: cliEnv });
    expect(applied.code).toBe(0);
    const article = readFileSync(join(knowledgeDir, 'levy', 'levy-co-investment.md'), 'utf8');
    expect(article).toContain(`  - ${asked.thumbsDown}\n`);
    const original = readFileSync(join('knowledge', 'levy', 'levy-co-investment.md'), 'utf8');
    // One line added after the last question; every other byte as it was.
    expect(article.replace(`  - ${asked.thumbsDown}\n`, '')).toBe(original);
    const examples = readFileSync(join(knowledgeDir, 'understanding', 'questions-levy.yml'), 'utf8');
    expect(examples).toContain(`- { text: "${asked.declined}", intent: question, topic: levy`);
    expect((await runSkillsDesk(['gaps'], { env: cliEnv })).stdout).toContain('written to the knowledge files');
    // Applied once: a second run has nothing left to write.
    expect((await runSkillsDesk(['gaps', 'apply'], { env: cliEnv })).stdout).toContain('Nothing to apply');
  });
});
