import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { allowOnlyLoopback } from '../helpers/network.js';
import {
  actionIds,
  blocksText,
  eventBody,
  interactionBody,
  messageTs,
  parseSlackCallBody,
  RESPONSE_URL_ORIGIN,
  SLACK_API_ORIGIN,
  type SlackCallArgs,
  startTestSlack,
  TEAM_ID,
  type TestSlack,
} from '../helpers/slack-test-app.js';
import { answerWithSources, fixtureAnswerer } from './fixture-answers.js';

const STAFF = 'U0STAFF07';

/** An answer with a numbered list, a table and a calculator's working, as the engine returns it. */
const structured = answerWithSources({
  text: 'To claim, in order: [1]\n\n1. Check the pay bill\n2. Register [2]\n3. Declare monthly\n\n- From 1 April 2024: Transfer limit 50%',
  blocks: [
    { kind: 'paragraph', text: 'To claim, in order: [1]' },
    { kind: 'list', ordered: true, items: ['Check the pay bill', 'Register [2]', 'Declare monthly'] },
    {
      kind: 'table',
      header: ['From', 'Transfer limit'],
      rows: [
        ['1 April 2018', '10%'],
        ['1 April 2024', '50%'],
      ],
    },
  ],
  tool: 'levy',
  working:
    '**Levy for the 2026 to 2027 tax year**\n- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000; minus the £15,000 allowance',
});

type Block = { type: string; elements?: unknown[]; rows?: unknown[][]; [key: string]: unknown };

describe('Slack renders the answer structure', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => allowOnlyLoopback());
  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('shows a numbered list whole, a table block with its header, and the working behind "Show working"', async () => {
    slack = await startTestSlack({ configure: (core) => ({ ...core, answerer: fixtureAnswerer(() => structured) }) });
    const ts = messageTs();
    let posted: SlackCallArgs | undefined;
    const api = nock(SLACK_API_ORIGIN)
      .post('/api/users.info')
      .reply(200, { ok: true, user: { id: STAFF, team_id: TEAM_ID } })
      .post('/api/chat.postMessage')
      .reply(200, (_uri, body) => {
        posted = parseSlackCallBody(body);
        return { ok: true, ts, channel: 'D0DM' };
      });
    const asked = await slack.send(
      eventBody({ type: 'message', channel: 'D0DM', channel_type: 'im', user: STAFF, text: 'how do I claim?', ts }),
    );
    await asked.done;
    api.done();

    const blocks = posted?.blocks as Block[];
    const list = blocks.find((block) => block.type === 'rich_text');
    expect(list?.elements?.[0]).toMatchObject({ type: 'rich_text_list', style: 'ordered' });
    const items = (list?.elements?.[0] as { elements?: unknown[] } | undefined)?.elements ?? [];
    expect(items.map((item) => blocksText(item))).toEqual(['Check the pay bill', 'Register [2]', 'Declare monthly']);

    const table = blocks.find((block) => block.type === 'table');
    expect(table?.rows).toHaveLength(3);
    expect(blocksText(table?.rows?.[0])).toBe('From\nTransfer limit');
    expect(table?.rows?.[0]?.[0]).toMatchObject({ type: 'rich_text' });
    expect(table?.rows?.[2]).toEqual([
      { type: 'raw_text', text: '1 April 2024' },
      { type: 'raw_text', text: '50%' },
    ]);
    // No raw markdown table and no list squashed into a paragraph.
    const sections = blocks
      .filter((block) => block.type === 'section' && block.block_id !== 'answer_sources')
      .map((block) => blocksText(block));
    expect(sections).toEqual(['To claim, in order: [1]']);
    expect(sections.join('\n')).not.toMatch(/\||1\. Check/);
    expect(actionIds(blocks)).toContain(SLACK_IDS.actions.showWorking);

    const showWorking = elementWith(blocks, SLACK_IDS.actions.showWorking) as { value: string };
    let shown: SlackCallArgs | undefined;
    const hook = nock(RESPONSE_URL_ORIGIN)
      .post('/actions/working')
      .reply(200, (_uri, body) => {
        shown = parseSlackCallBody(body);
        return { ok: true };
      });
    const pressed = await slack.send(
      interactionBody({
        type: 'block_actions',
        api_app_id: 'A0SKILLS',
        team: { id: TEAM_ID, domain: 'hackney-test' },
        user: { id: STAFF, username: 'staff', team_id: TEAM_ID },
        container: { type: 'message', message_ts: ts, channel_id: 'D0DM', is_ephemeral: false },
        channel: { id: 'D0DM', name: 'directmessage' },
        message: { type: 'message', ts, text: 'answer' },
        response_url: `${RESPONSE_URL_ORIGIN}/actions/working`,
        actions: [
          {
            type: 'button',
            action_id: SLACK_IDS.actions.showWorking,
            block_id: 'answer_actions',
            value: showWorking.value,
            action_ts: messageTs(),
          },
        ],
      }),
    );
    expect(pressed.status).toBe(200);
    await pressed.done;
    hook.done();
    expect(shown).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const workingBlocks = shown?.blocks as Block[];
    expect(blocksText(workingBlocks)).toContain('*Levy for the 2026 to 2027 tax year*');
    expect(workingBlocks.find((block) => block.type === 'rich_text')?.elements?.[0]).toMatchObject({
      type: 'rich_text_list',
      style: 'bullet',
    });
    expect(blocksText(workingBlocks)).toContain('0.5% × £5,000,000 = £25,000');
  });
});

function elementWith(blocks: unknown, actionId: string): unknown {
  let found: unknown;
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.action_id === actionId) found = record;
    Object.values(record).forEach(visit);
  };
  visit(blocks);
  return found;
}
