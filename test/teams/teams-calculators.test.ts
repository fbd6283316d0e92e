import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { citeArticles } from '../../src/answer/cite.js';
import {
  calculateLevy,
  checkEligibility,
  eligibilityFormFields,
  levyFormFields,
  parseEligibilityForm,
  parseLevyForm,
  renderEligibilitySummary,
  renderLevySummary,
} from '../../src/calculators/index.js';
import { teamsText } from '../../src/teams/render-answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
  createSigningKey,
  isolateNetwork,
  postActivity,
  serveAppToken,
  serveKeys,
  serveStaffMemberEverywhere,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

type Sent = {
  text?: string;
  entities?: { type: string; citation?: { position: number }[] }[];
  attachments?: {
    content: { body: { id?: string; value?: string; text?: string }[]; actions?: { data?: Record<string, unknown> }[] };
  }[];
};

const signingKey = createSigningKey();
let teams: TestTeams;

beforeAll(async () => {
  isolateNetwork();
  teams = await startTestTeams();
  serveAppToken().persist();
  serveStaffMemberEverywhere();
});

beforeEach(() => {
  isolateNetwork();
  serveKeys(signingKey.keySet);
});

afterAll(async () => {
  await teams.close();
  restoreNetwork();
});

async function send(activity: Record<string, unknown>): Promise<Sent> {
  const replies = captureReplies((activity['conversation'] as { id: string }).id);
  const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));
  expect(response.status).toBe(200);
  replies.scope.done();
  return replies.sent[0] as Sent;
}

const today = () => teams.core.now().toISOString().slice(0, 10);

describe('Teams calculator cards', () => {
  it('opens the levy calculator for "levy" with every field of the levy form', async () => {
    const sent = await send(teamsActivity({ text: 'levy' }));
    const card = sent.attachments?.[0]?.content;
    expect(card?.body.map((element) => element.id).filter(Boolean)).toEqual(levyFormFields.map((field) => field.name));
    expect(card?.actions?.[0]?.data).toMatchObject({ action: 'levy-submit' });
  });

  it('opens the eligibility checker for "eligibility"', async () => {
    const sent = await send(teamsActivity({ text: 'Eligibility' }));
    const ids = sent.attachments?.[0]?.content.body.map((element) => element.id).filter(Boolean);
    expect(ids).toEqual(eligibilityFormFields.map((field) => field.name));
  });

  it('works out the levy from a submitted card, with its sources', async () => {
    const values = { payBill: '£5m', englandShare: '100', isConnected: 'no', allowanceShare: '100' };
    const sent = await send(
      teamsActivity({ value: { action: 'levy-submit', submissionId: 'levy-card-0001', ...values } }),
    );

    const parsed = parseLevyForm(values);
    if (!parsed.ok) throw new Error('the levy form rejects a plain £5m pay bill');
    const result = calculateLevy(teams.core.knowledge, parsed.value, today());
    const citations = citeArticles(teams.core.knowledge, result.articleIds, result.rulesDate, today());
    expect(sent.text).toBe(teamsText(renderLevySummary(result, citations)));
    const entity = sent.entities?.find((item) => item.type === 'https://schema.org/Message');
    expect(entity?.citation?.map((claim) => claim.position)).toEqual(citations.map((citation) => citation.n));
  });

  it('returns the card with what to fix when the pay bill is not an amount, keeping what was typed', async () => {
    const sent = await send(
      teamsActivity({ value: { action: 'levy-submit', submissionId: 'levy-card-0002', payBill: 'lots' } }),
    );
    const body = sent.attachments?.[0]?.content.body ?? [];
    expect(body.find((element) => element.id === 'payBill')?.value).toBe('lots');
    expect(body.some((element) => element.text?.startsWith('Please check'))).toBe(true);
    expect(sent.text).toBeUndefined();
  });

  it('checks eligibility from a submitted card', async () => {
    const values = { age: '19', rightToWork: 'yes', residency: 'uk-national', worksMostlyInEngland: 'yes' };
    const sent = await send(
      teamsActivity({ value: { action: 'eligibility-submit', submissionId: 'eligibility-card-0001', ...values } }),
    );

    const parsed = parseEligibilityForm(values);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const result = checkEligibility(teams.core.knowledge, parsed.value, today());
    const citations = citeArticles(teams.core.knowledge, result.articleIds, result.rulesDate, today());
    // Teams takes at most 10 citations: markers past the tenth are left out with their entities.
    // The same lines as the engine's summary; Teams sets a blank line between a lead-in and its list.
    const lines = (text: string | undefined) => (text ?? '').replace(/\n+/g, '\n');
    expect(lines(sent.text)).toBe(
      lines(teamsText(renderEligibilitySummary(result, citations)).replace(/\s?\[(1[1-9]|[2-9]\d)\]/g, '')),
    );
  });
});
