import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
  citation,
  createSigningKey,
  isolateNetwork,
  postActivity,
  recordingAnswerer,
  serveAppToken,
  serveKeys,
  serveMember,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();

/** A levy answer with a numbered list whose items carry citations, a table, and the calculator's working. */
const structured: Answer = {
  kind: 'answer',
  text: 'To claim, in order: [1]\n\n1. Check the pay bill\n2. Register [2]\n\n- From 1 April 2024: Transfer limit 50%',
  blocks: [
    { kind: 'paragraph', text: 'To claim, in order: [1]' },
    { kind: 'list', ordered: true, items: ['Check the pay bill', 'Register [2]'] },
    { kind: 'list', ordered: false, items: ['Accounts are free [1]', 'Funds expire after 24 months'] },
    {
      kind: 'table',
      header: ['From', 'Transfer limit'],
      rows: [
        ['1 April 2018', '10%'],
        ['1 April 2024', '50%'],
      ],
    },
  ],
  citations: [citation(1), citation(2)],
  enquirySuggested: false,
  mode: 'extractive',
  asOf: '2026-11-23',
  figures: [],
  tool: 'levy',
  working: '**Levy for the 2026 to 2027 tax year**\n- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000',
};

type Element = { type: string; [key: string]: unknown };
type Sent = {
  text?: string;
  entities?: { type: string; citation?: { position: number }[] }[];
  attachments?: { content: { body: Element[]; actions?: Element[] } }[];
};

let teams: TestTeams | undefined;
beforeAll(() => isolateNetwork());
afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
  isolateNetwork();
});

describe('Teams renders the answer structure', () => {
  it('writes lists as lines that keep their citations, the table as a Table element and the working in a ShowCard', async () => {
    teams = await startTestTeams({ answerer: recordingAnswerer(() => structured).answerer });
    const keys = serveKeys(signingKey.keySet);
    const token = serveAppToken();
    const activity = teamsActivity({ text: 'How do I claim levy funds?' });
    const conversationId = (activity.conversation as { id: string }).id;
    const member = serveMember(conversationId);
    const replies = captureReplies(conversationId, { times: 2 });

    const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));
    expect(response.status).toBe(200);
    keys.done();
    token.done();
    member.done();
    replies.scope.done();

    const message = replies.sent[1] as Sent;
    // Markdown list items would show "[2]" as literal text in Teams: the items are lines, numbered from 1.
    expect(message.text).toBe(
      'To claim, in order: [1]\n\n**1.** Check the pay bill\n**2.** Register [2]\n\n• Accounts are free [1]\n• Funds expire after 24 months',
    );
    expect(message.text).not.toContain('|');
    const entity = message.entities?.find((candidate) => candidate.type === 'https://schema.org/Message');
    expect(entity?.citation?.map((claim) => claim.position)).toEqual([1, 2]);

    const card = message.attachments?.[0]?.content;
    const table = card?.body.find((element) => element.type === 'Table') as
      | { firstRowAsHeader: boolean; rows: { cells: { items: { text: string }[] }[] }[] }
      | undefined;
    expect(table?.firstRowAsHeader).toBe(true);
    expect(table?.rows.map((row) => row.cells.map((cell) => cell.items[0]?.text))).toEqual([
      ['From', 'Transfer limit'],
      ['1 April 2018', '10%'],
      ['1 April 2024', '50%'],
    ]);
    const working = card?.actions?.find((action) => action.title === 'Show working') as
      | { type: string; card: { body: { text: string }[] } }
      | undefined;
    expect(working?.type).toBe('Action.ShowCard');
    expect(working?.card.body.map((element) => element.text)).toEqual([
      '**Levy for the 2026 to 2027 tax year**',
      '- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000',
    ]);
  });
});
