import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAnswerActionValue } from '../../../src/slack/answer-action-value.js';
import { openEnquiryModal } from '../../../src/slack/enquiries/index.js';
import { SLACK_IDS } from '../../../src/slack/ids.js';
import { allowOnlyLoopback, restoreNetwork } from '../../helpers/network.js';
import {
  buttonOnMessage,
  ENQUIRY_ENV,
  expectSlackCall,
  type SlackCall,
  STAFF,
  submitView,
  TRIAGE_CHANNEL,
  visibleText,
} from '../../helpers/slack-payloads.js';
import { startTestSlack, TEAM_ID, type TestSlack } from '../../helpers/slack-test-app.js';

const MESSAGE_TEXT =
  "Hi, I'm Priya Shah from Dalston Bakery Ltd. We'd like to take on two apprentices next spring: how does the levy work for us? Email <mailto:priya@dalstonbakery.co.uk|priya@dalstonbakery.co.uk> or call 020 7946 0123.";
const PERMALINK = 'https://hackney.slack.com/archives/C0GENERAL/p1763892000000100';

function messageShortcut(options: { userTeam?: string } = {}) {
  return {
    type: 'message_action',
    token: 'legacy',
    action_ts: '1763892100.000100',
    team: { id: TEAM_ID, domain: 'hackney' },
    user: { id: STAFF, username: 'alex', name: 'alex', team_id: TEAM_ID },
    channel: { id: 'C0GENERAL', name: 'employers' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: SLACK_IDS.shortcuts.logEnquiryFromMessage,
    trigger_id: '7777.8888.trigger',
    response_url: 'https://hooks.slack.com/app/T0HACKNEY/2/def',
    message_ts: '1763892000.000100',
    message: {
      type: 'message',
      user: 'U0EMPLOYER',
      ts: '1763892000.000100',
      text: MESSAGE_TEXT,
      team: options.userTeam ?? TEAM_ID,
      ...(options.userTeam !== undefined && { user_team: options.userTeam }),
    },
  };
}

type InputBlock = { type: string; block_id: string; element: Record<string, unknown> };

function inputs(view: Record<string, unknown>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const block of view.blocks as InputBlock[]) {
    if (block.type !== 'input') continue;
    const element = block.element;
    found[block.block_id] =
      element.type === 'static_select'
        ? (element.initial_option as { value: string } | undefined)?.value
        : element.initial_value;
  }
  return found;
}

describe('Slack enquiry capture', () => {
  let slack: TestSlack;
  let calls: SlackCall[];

  beforeEach(async () => {
    allowOnlyLoopback();
    calls = [];
    slack = await startTestSlack({ env: ENQUIRY_ENV });
  });

  afterEach(async () => {
    restoreNetwork();
    await slack.close();
  });

  async function openFromShortcut(options: { userTeam?: string } = {}) {
    const scope = expectSlackCall(calls, 'chat.getPermalink', () => ({ channel: 'C0GENERAL', permalink: PERMALINK }));
    expectSlackCall(calls, 'views.open', () => ({ view: { id: 'V0FORM' } }));
    const response = await slack.interact(messageShortcut(options));
    expect(response.status).toBe(200);
    scope.done();
    const open = calls.find((call) => call.method === 'views.open');
    expect(open).toBeDefined();
    return open!.args.view as Record<string, unknown>;
  }

  it('opens the form from the message shortcut, filled in from the message and linked to it', async () => {
    const view = await openFromShortcut();

    expect(view.callback_id).toBe(SLACK_IDS.views.enquiryForm);
    expect(inputs(view)).toEqual({
      organisation: 'Dalston Bakery Ltd',
      contact_name: 'Priya Shah',
      email: 'priya@dalstonbakery.co.uk',
      phone: '020 7946 0123',
      topic: 'apprenticeships',
      description: expect.stringContaining('how does the levy work for us?'),
    });
    expect(inputs(view).description).not.toContain('mailto:');
    expect(visibleText(view.blocks)).toContain(PERMALINK);
    expect(calls.find((call) => call.method === 'chat.getPermalink')?.args).toMatchObject({
      channel: 'C0GENERAL',
      message_ts: '1763892000.000100',
    });
  });

  it('logs the enquiry on submission, tells the person its reference and posts it to the triage channel', async () => {
    const view = await openFromShortcut();
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: STAFF, ts: '1763892200.000100' }));
    const triage = expectSlackCall(calls, 'chat.postMessage', () => ({
      channel: TRIAGE_CHANNEL,
      ts: '1763892200.000200',
    }));

    const response = await slack.interact(submitView(view, {}, { userId: STAFF, viewId: 'V0FORM' }));

    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    triage.done();
    const [enquiry] = await slack.core.enquiries.list();
    expect(enquiry).toMatchObject({
      organisation: 'Dalston Bakery Ltd',
      contactName: 'Priya Shah',
      email: 'priya@dalstonbakery.co.uk',
      topic: 'apprenticeships',
      arrivedVia: 'staff',
      sourceLink: PERMALINK,
      loggedBy: { platform: 'slack', userId: STAFF },
    });
    expect(enquiry?.reference).toMatch(/^ENQ-2026-\d{4}$/);

    const [confirmation, post] = calls.filter((call) => call.method === 'chat.postMessage');
    expect(confirmation?.args.channel).toBe(STAFF);
    expect(confirmation?.args.text).toContain(enquiry!.reference);
    expect(confirmation?.args.text).not.toContain('priya@');

    expect(post?.args.channel).toBe(TRIAGE_CHANNEL);
    const seen = visibleText(post?.args.blocks);
    expect(seen).toContain(enquiry!.reference);
    expect(seen).toContain('Priya Shah · priya@dalstonbakery.co.uk · 020 7946 0123');
    expect(seen).toContain(PERMALINK);
    expect((await slack.core.enquiries.get(enquiry!.reference))?.posts).toEqual([
      { platform: 'slack', channel: TRIAGE_CHANNEL, messageId: '1763892200.000200' },
    ]);

    // The logs say what happened without the enquirer's details.
    const logs = JSON.stringify(slack.logs.lines);
    expect(logs).toContain(enquiry!.reference);
    for (const detail of ['Priya', 'priya@', '7946', 'xoxb-']) expect(logs).not.toContain(detail);
  });

  it('marks an enquiry from someone in another organisation as external', async () => {
    const view = await openFromShortcut({ userTeam: 'T0OTHERORG' });
    expect(visibleText(view.blocks)).toContain('outside the organisation');
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: STAFF, ts: '1.1' }));
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.2' }));

    await slack.interact(submitView(view, {}, { userId: STAFF, viewId: 'V0FORM' }));

    const [enquiry] = await slack.core.enquiries.list();
    expect(enquiry?.arrivedVia).toBe('external');
  });

  it('marks an enquiry someone from another organisation submits themselves as external, topic worked out', async () => {
    expectSlackCall(calls, 'views.open');
    await openEnquiryModal(slack.slack.app.client, '1234.5678.trigger');
    const view = calls[0]!.args.view as Record<string, unknown>;
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: 'U0GUEST', ts: '1.1' }));
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.2' }));

    await slack.interact(
      submitView(
        view,
        {
          organisation: 'Lea Bridge Logistics',
          contact_name: 'Kim Hart',
          email: 'kim@leabridge.example',
          description: 'We want to offer a Hackney 100 placement this summer.',
        },
        { userId: 'U0GUEST', viewId: 'V0GUEST', userTeamId: 'T0OTHERORG' },
      ),
    );

    const [enquiry] = await slack.core.enquiries.list();
    expect(enquiry).toMatchObject({ arrivedVia: 'external', topic: 'hackney-100' });
  });

  it('returns field errors for a bad submission and stores nothing', async () => {
    const view = await openFromShortcut();
    calls.length = 0;

    const response = await slack.interact(
      submitView(view, { organisation: '', email: 'priya at dalston', phone: '' }, { userId: STAFF, viewId: 'V0FORM' }),
    );

    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['email', 'organisation']);
    expect(body.errors.email).toMatch(/email address/i);
    expect(body.errors.organisation).toMatch(/organisation/i);
    expect(await slack.core.enquiries.list()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('asks for an email or phone number when both are left out', async () => {
    const view = await openFromShortcut();

    const response = await slack.interact(
      submitView(view, { email: '', phone: '' }, { userId: STAFF, viewId: 'V0FORM' }),
    );

    const body = JSON.parse(response.body) as { errors: Record<string, string> };
    expect(body.errors).toEqual({ email: expect.stringMatching(/email address or a UK phone number/) });
    expect(await slack.core.enquiries.list()).toEqual([]);
  });

  it('logs a retried submission of the same form once', async () => {
    const view = await openFromShortcut();
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: STAFF, ts: '1.1' }));
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.2' }));
    const submission = submitView(view, {}, { userId: STAFF, viewId: 'V0FORM' });

    const first = await slack.interact(submission);
    const second = await slack.interact(submission);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await slack.core.enquiries.list()).toHaveLength(1);
    expect(calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(2);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('tells the person about enquiries it may repeat', async () => {
    const first = await openFromShortcut();
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: STAFF, ts: '1.1' }));
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.2' }));
    await slack.interact(submitView(first, {}, { userId: STAFF, viewId: 'V0FORM1' }));
    const [earlier] = await slack.core.enquiries.list();

    const again = await openFromShortcut();
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: STAFF, ts: '1.3' }));
    expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.4' }));
    await slack.interact(
      submitView(again, { description: 'Following up on apprentices' }, { userId: STAFF, viewId: 'V0FORM2' }),
    );

    const confirmations = calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === STAFF);
    expect(confirmations[1]?.args.text).toContain(`may repeat an enquiry`);
    expect(confirmations[1]?.args.text).toContain(earlier!.reference);
  });

  describe('buttons under an answer', () => {
    const answerValue = (isExternal = false) =>
      encodeAnswerActionValue({
        question: 'Can Dalston Bakery Ltd get help paying an apprentice the London Living Wage?',
        channel: 'C0ASK',
        threadTs: '1763891000.000100',
        isExternal,
      });
    const threadLink = 'https://hackney.slack.com/archives/C0ASK/p1763891000000100';

    it('"Log employer enquiry" opens the form filled in from the question', async () => {
      expectSlackCall(calls, 'chat.getPermalink', () => ({ permalink: threadLink }));
      expectSlackCall(calls, 'views.open');

      await slack.interact(
        buttonOnMessage({
          userId: STAFF,
          actionId: SLACK_IDS.actions.logEnquiryFromAnswer,
          value: answerValue(),
          channel: 'C0ASK',
          messageTs: '1763891000.000200',
        }),
      );

      const view = calls.find((call) => call.method === 'views.open')?.args.view as Record<string, unknown>;
      expect(inputs(view)).toMatchObject({ organisation: 'Dalston Bakery Ltd', topic: 'llw' });
      expect(visibleText(view.blocks)).toContain(threadLink);
    });

    it('"Ask the team" logs the question at once with the asker as contact and confirms privately', async () => {
      expectSlackCall(calls, 'chat.getPermalink', () => ({ permalink: threadLink }));
      expectSlackCall(calls, 'users.info', () => ({
        user: {
          id: STAFF,
          real_name: 'Alex Morgan',
          profile: { real_name: 'Alex Morgan', email: 'alex.morgan@hackney.gov.uk' },
        },
      }));
      expectSlackCall(calls, 'chat.postEphemeral', () => ({ message_ts: '1.5' }));
      expectSlackCall(calls, 'chat.postMessage', () => ({ channel: TRIAGE_CHANNEL, ts: '1.6' }));

      const press = buttonOnMessage({
        userId: STAFF,
        actionId: SLACK_IDS.actions.askTheTeam,
        value: answerValue(),
        channel: 'C0ASK',
        messageTs: '1763891000.000200',
      });
      await slack.interact(press);

      const [enquiry] = await slack.core.enquiries.list();
      expect(enquiry).toMatchObject({
        organisation: 'Internal question',
        contactName: 'Alex Morgan',
        email: 'alex.morgan@hackney.gov.uk',
        arrivedVia: 'bot',
        topic: 'llw',
        sourceLink: threadLink,
      });
      const ephemeral = calls.find((call) => call.method === 'chat.postEphemeral');
      expect(ephemeral?.args).toMatchObject({ channel: 'C0ASK', user: STAFF, thread_ts: '1763891000.000100' });
      expect(ephemeral?.args.text).toContain(enquiry!.reference);
      expect(nock.pendingMocks()).toEqual([]);

      // Pressing it again does not log the question twice.
      expectSlackCall(calls, 'chat.getPermalink', () => ({ permalink: threadLink }));
      expectSlackCall(calls, 'users.info', () => ({
        user: { id: STAFF, profile: { email: 'alex.morgan@hackney.gov.uk' } },
      }));
      expectSlackCall(calls, 'chat.postEphemeral', () => ({ message_ts: '1.7' }));
      await slack.interact(press);
      expect(await slack.core.enquiries.list()).toHaveLength(1);
      expect(calls.at(-1)?.args.text).toContain(`already passed this question to the team as *${enquiry!.reference}*`);
    });

    it('"Ask the team" opens the form when the asker has no email or phone on their profile', async () => {
      expectSlackCall(calls, 'chat.getPermalink', () => ({ permalink: threadLink }));
      expectSlackCall(calls, 'users.info', () => ({ user: { id: STAFF, real_name: 'Alex Morgan', profile: {} } }));
      expectSlackCall(calls, 'views.open');

      await slack.interact(
        buttonOnMessage({
          userId: STAFF,
          actionId: SLACK_IDS.actions.askTheTeam,
          value: answerValue(),
          channel: 'C0ASK',
          messageTs: '1763891000.000200',
        }),
      );

      const view = calls.find((call) => call.method === 'views.open')?.args.view as Record<string, unknown>;
      expect(inputs(view)).toMatchObject({
        organisation: 'Internal question',
        contact_name: 'Alex Morgan',
        topic: 'llw',
      });
      expect(await slack.core.enquiries.list()).toEqual([]);
    });

    it('"Ask the team" from someone outside the organisation asks who they are first', async () => {
      expectSlackCall(calls, 'chat.getPermalink', () => ({ permalink: threadLink }));
      expectSlackCall(calls, 'views.open');

      await slack.interact(
        buttonOnMessage({
          userId: 'U0GUEST',
          actionId: SLACK_IDS.actions.askTheTeam,
          value: answerValue(true),
          channel: 'C0ASK',
          messageTs: '1763891000.000200',
        }),
      );

      const view = calls.find((call) => call.method === 'views.open')?.args.view as Record<string, unknown>;
      expect(JSON.parse(String(view.private_metadata))).toEqual({ arrivedVia: 'external', sourceLink: threadLink });
      expect(await slack.core.enquiries.list()).toEqual([]);
    });
  });
});
