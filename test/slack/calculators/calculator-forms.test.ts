import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { figureAsOf } from '../../../src/knowledge/figure-as-of.js';
import { formatMoney } from '../../../src/knowledge/format.js';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { openEligibilityModal, openLevyModal } from '../../../src/slack/calculators/index.js';
import { SLACK_IDS } from '../../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../../helpers/network.js';
import {
  expectSlackCall,
  type SlackCall,
  STAFF,
  submitView,
  testClock,
  visibleText,
} from '../../helpers/slack-payloads.js';
import { startTestSlack, type TestSlack } from '../../helpers/slack-test-app.js';

/** A figure from the facts table as in force on the day, so the test knows the answer without the calculator. */
function fact(knowledge: Knowledge, key: string, day: string): number {
  const entry = knowledge.facts.get(key);
  const value = entry ? figureAsOf(entry, day)?.value : undefined;
  if (typeof value !== 'number') throw new Error(`no numeric ${key} on ${day}`);
  return value;
}

describe('Slack calculator forms', () => {
  let knowledge: Knowledge;
  let slack: TestSlack;
  let calls: SlackCall[];
  const today = '2026-11-23';

  beforeAll(async () => {
    knowledge = await loadKnowledge('knowledge');
  });

  beforeEach(async () => {
    allowOnlyLoopback();
    calls = [];
    testClock(`${today}T11:00:00Z`);
    // The production app on the real knowledge base, which the expected figures above are read from too.
    slack = await startTestSlack({ realKnowledge: true });
  });

  afterEach(async () => {
    vi.useRealTimers();
    restoreNetwork();
    await slack.close();
  });

  async function openForm(open: typeof openLevyModal) {
    const scope = expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0CALC' } }));
    await open(slack.slack.app.client, '9999.1111.trigger');
    scope.done();
    return calls.at(-1)!.args.view as Record<string, unknown>;
  }

  it('opens the levy form with an input for every field, the pay bill required', async () => {
    const view = await openForm(openLevyModal);

    expect(view.callback_id).toBe(SLACK_IDS.views.levyForm);
    const inputs = (view.blocks as { type: string; block_id?: string; optional?: boolean }[]).filter(
      (block) => block.type === 'input',
    );
    expect(inputs.find((block) => block.block_id === 'payBill')?.optional).toBe(false);
    expect(inputs.filter((block) => block.optional === false)).toHaveLength(1);
    expect(visibleText(view.blocks)).toContain('Annual pay bill');
  });

  it('sends the levy breakdown, worked out from the facts in force, as a direct message with its sources', async () => {
    const view = await openForm(openLevyModal);
    const dm = expectSlackCall(calls, 'chat.postMessage', () => ({ channel: 'D0STAFF', ts: '1.1' }));

    const response = await slack.interact(submitView(view, { payBill: '£5m' }, { userId: STAFF, viewId: 'V0CALC' }));

    expect(response.body).toBe('');
    dm.done();
    const message = calls.at(-1)!.args;
    expect(message.channel).toBe(STAFF);
    const rate = fact(knowledge, 'levy.rate', today);
    const allowance = fact(knowledge, 'levy.allowance', today);
    const expectedLevy = formatMoney(5_000_000 * (rate / 100) - allowance);
    const seen = visibleText(message.blocks);
    expect(seen).toContain(`Levy due a year: *${expectedLevy}*`);
    expect(seen).toContain('*Sources*');
    expect(seen).toMatch(/\[1\] <https:\/\/www\.gov\.uk\/[^|]+\|[^>]+> · last reviewed \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(seen).toContain('Figures as in force on');
    expect(seen).not.toContain('**');
  });

  it('returns field errors for an unreadable pay bill and sends nothing', async () => {
    const view = await openForm(openLevyModal);
    calls.length = 0;

    const response = await slack.interact(
      submitView(view, { payBill: 'lots', englandShare: '250' }, { userId: STAFF, viewId: 'V0CALC' }),
    );

    const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.payBill).toMatch(/^Pay bill must be an amount in pounds/);
    expect(body.errors.englandShare).toMatch(/^England share must be a number from 0 to 1/);
    expect(calls).toEqual([]);
  });

  it('tells a manager a 14-year-old cannot start yet and why, with the minimum age from the facts', async () => {
    const view = await openForm(openEligibilityModal);
    expect(view.callback_id).toBe(SLACK_IDS.views.eligibilityForm);
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: 'D0STAFF', ts: '1.2' }));

    await slack.interact(
      submitView(view, { age: '14', startDate: '2026-12-01' }, { userId: STAFF, viewId: 'V0CALC2' }),
    );

    const seen = visibleText(calls.at(-1)!.args.blocks);
    expect(seen).toMatch(/Apprenticeship eligibility: not eligible\*/);
    expect(seen).toContain('1 December 2026');
    expect(seen).toContain(`${fact(knowledge, 'apprenticeship.minimum-age', '2026-12-01')}`);
    expect(seen).toContain('*Sources*');
    expect(seen).not.toMatch(/Sources: \[1\]/);
  });
});
