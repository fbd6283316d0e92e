import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { postDueDigests } from '../../src/reports/digest-schedule.js';
import { createCoreGapDecisions } from '../../src/reports/gap-decisions.js';
import { computeOutcomeFigures } from '../../src/reports/outcome-figures.js';
import { buildDigests } from '../../src/reports/owner-digests.js';
import { createCoreQuestionLog } from '../../src/reports/question-log.js';
import { buildReportSummary } from '../../src/reports/report-summary.js';
import { createTeamsReportPublishers } from '../../src/teams/reports/teams-report-publishers.js';
import { restoreNetwork } from '../helpers/network.js';
import { runSkillsDesk } from '../helpers/run-cli.js';
import {
  captureReplies,
  createSigningKey,
  isolateNetwork,
  postActivity,
  SERVICE_URL,
  serveAppToken,
  serveKeys,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from '../teams/teams-harness.js';
import { knowledgeCopy, nextMondayMorning, OWNER, seedGapQuestions } from './digest-fixtures.js';

const OWNER_CONVERSATION = '19:apprenticeships0owners@thread.tacv2';
const TRIAGE = JSON.stringify({ serviceUrl: SERVICE_URL, conversation: { id: '19:triage0channel@thread.tacv2' } });
const signingKey = createSigningKey();

type Card = {
  body: { type: string; text?: string; actions?: { title: string; verb: string; data: Record<string, string> }[] }[];
};

const cardText = (card: Card) => card.body.map((element) => element.text ?? '').join('\n');

describe('the weekly knowledge digest in Teams', () => {
  let teams: TestTeams | undefined;

  afterEach(async () => {
    nock.cleanAll();
    await teams?.close();
    teams = undefined;
    restoreNetwork();
  });

  it('posts the owner’s digest card, and a button pressed through the endpoint is kept and shown on the card and in `gaps`', async () => {
    isolateNetwork();
    const knowledgeDir = knowledgeCopy();
    teams = await startTestTeams({
      env: {
        KNOWLEDGE_DIR: knowledgeDir,
        KNOWLEDGE_SNAPSHOT: 'off',
        TEAMS_ENQUIRY_CHANNEL: TRIAGE,
        CONTENT_OWNER_CHANNELS: JSON.stringify({ [OWNER]: { teams: OWNER_CONVERSATION } }),
      },
    });
    const core = teams.core;
    if (core.config.teams === 'off') throw new Error('Teams is configured in this test');
    const asked = await seedGapQuestions(core.store);
    const monday = nextMondayMorning();
    serveAppToken().persist();
    const replies = captureReplies(OWNER_CONVERSATION);

    const posted = await postDueDigests({
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
      publishers: [createTeamsReportPublishers(core, core.config.teams).digest],
      ownerChannels: core.config.reports.ownerChannels,
    });
    expect(posted).toEqual([expect.objectContaining({ owner: OWNER, platform: 'teams' })]);
    replies.scope.done();
    const card = (replies.sent[0] as { attachments: { content: Card }[] }).attachments[0]!.content;
    expect(cardText(card)).toContain(`Knowledge digest: ${OWNER}`);
    expect(cardText(card)).toContain(asked.thumbsDown);
    expect(cardText(card)).toContain('It did not say 25%');

    const declinedAt = card.body.findIndex((element) => element.text?.includes(asked.declined));
    const buttons = card.body.slice(declinedAt).find((element) => element.type === 'ActionSet')!.actions!;
    expect(buttons.map((button) => button.title)).toEqual([
      'Mark handled',
      'Add to article questions',
      'Add as labelled example',
    ]);

    serveKeys(signingKey.keySet);
    const press = teamsActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversationType: 'channel',
      conversationId: OWNER_CONVERSATION,
      value: { action: { type: 'Action.Execute', verb: buttons[0]!.verb, data: buttons[0]!.data } },
    });
    nock(SERVICE_URL.replace(/\/teams\/$/, ''))
      .get((uri) => uri.includes('/members/'))
      .reply(200, { id: 'x', userRole: 'user', tenantId: core.config.teams.tenantId })
      .persist();
    const response = await postActivity(teams.transport.url, press, signingKey.sign({}));
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { type: string; value: Card };
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(reply.value)).toContain('✓ marked handled');

    const gaps = await runSkillsDesk(['gaps'], {
      env: { STORE_URL: core.config.storeUrl, KNOWLEDGE_DIR: knowledgeDir, KNOWLEDGE_SNAPSHOT: 'off' },
    });
    expect(gaps.stdout).toMatch(new RegExp(`"${asked.declined}".*marked handled`));
  });

  it('posts the scheduled report summary to the triage channel with every chart as an inline PNG', async () => {
    isolateNetwork();
    teams = await startTestTeams({ env: { KNOWLEDGE_SNAPSHOT: 'off', TEAMS_ENQUIRY_CHANNEL: TRIAGE } });
    if (teams.core.config.teams === 'off') throw new Error('Teams is configured in this test');
    serveAppToken().persist();
    const replies = captureReplies('19:triage0channel@thread.tacv2');
    const figures = computeOutcomeFigures({
      from: '2026-11-01',
      to: '2026-11-30',
      enquiries: [],
      questions: [],
      slaHours: 8,
    });
    const summary = await buildReportSummary(figures, 'Monthly');
    const publisher = createTeamsReportPublishers(teams.core, teams.core.config.teams).summary;
    await publisher?.postSummary(summary);
    replies.scope.done();

    const sent = replies.sent[0] as {
      text: string;
      attachments: { contentType: string; contentUrl: string; name: string }[];
    };
    expect(sent.text).toContain('**Monthly report: 1 November 2026 to 30 November 2026**');
    expect(sent.text).toContain('- Enquiries logged: 0');
    expect(sent.attachments.map((attachment) => attachment.name)).toEqual(
      summary.charts.map((chart) => `${chart.id}.png`),
    );
    for (const attachment of sent.attachments) {
      expect(attachment.contentType).toBe('image/png');
      const png = Buffer.from(attachment.contentUrl.replace('data:image/png;base64,', ''), 'base64');
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    }
  });
});
