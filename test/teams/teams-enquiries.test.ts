import { randomUUID } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
  captureUpdates,
  createSigningKey,
  isolateNetwork,
  OTHER_TENANT_ID,
  postActivity,
  recordingAnswerer,
  SENDER_AAD_ID,
  SERVICE_URL,
  serveAppToken,
  serveKeys,
  serveMember,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const signingKey = createSigningKey();
const TRIAGE_CHANNEL = '19:triage0channel@thread.tacv2';
const declining = recordingAnswerer(
  (): Answer => ({
    kind: 'decline',
    text: 'I could not find that in the knowledge base.',
    citations: [],
    enquirySuggested: false,
    mode: 'extractive',
    asOf: '2026-11-23',
    figures: [],
  }),
);

type Sent = { type?: string; text?: string; attachments?: { content: Record<string, unknown> }[] };

function cardText(sent: Sent | undefined): string {
  return JSON.stringify(sent?.attachments?.[0]?.content ?? {});
}

function enquirySubmission(submissionId: string, fields: Record<string, string> = {}) {
  return {
    action: 'enquiry-submit',
    submissionId,
    arrivedVia: 'bot',
    organisation: 'Acme Builders Ltd',
    contactName: 'Sam Okoro',
    email: 'sam.okoro@acme-builders.example',
    topic: 'apprenticeships',
    description: 'Wants to take on two level 3 apprentices next spring.',
    ...fields,
  };
}

let teams: TestTeams | undefined;

beforeEach(isolateNetwork);

afterEach(async () => {
  await teams?.close();
  teams = undefined;
  restoreNetwork();
});

describe('Teams enquiry form', () => {
  it('opens the enquiry form for "enquiry" in a personal chat', async () => {
    teams = await startTestTeams({ answerer: declining.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({ text: 'enquiry' });
    const conversationId = (activity['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId);
    serveMember(conversationId);

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    const card = (replies.sent[0] as Sent).attachments?.[0]?.content as { version: string; body: { id?: string }[] };
    expect(card.version).toBe('1.5');
    expect(card.body.map((element) => element.id).filter(Boolean)).toEqual([
      'organisation',
      'contactName',
      'email',
      'phone',
      'topic',
      'description',
    ]);
  });

  it('logs an enquiry from a card submission once, even when Teams sends it again', async () => {
    teams = await startTestTeams({ answerer: declining.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const submissionId = randomUUID();
    const activity = teamsActivity({ value: enquirySubmission(submissionId), replyToId: '1700card0001' });
    const conversationId = (activity['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId, { times: 2 });
    serveMember(conversationId);

    await postActivity(teams.transport.url, activity, signingKey.sign({}));
    // A retry of the same submission (a double click sends a new activity with the same card data).
    await postActivity(teams.transport.url, { ...activity, id: `${activity['id']}-again` }, signingKey.sign({}));

    replies.scope.done();
    const logged = await teams.core.enquiries.list();
    expect(logged).toHaveLength(1);
    const enquiry = logged[0]!;
    expect(enquiry).toMatchObject({
      organisation: 'Acme Builders Ltd',
      contactName: 'Sam Okoro',
      arrivedVia: 'bot',
      loggedBy: { platform: 'teams', userId: SENDER_AAD_ID },
    });
    expect(enquiry.sourceLink).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/message\//);
    const [first, second] = replies.sent as Sent[];
    expect(first?.text).toContain(enquiry.reference);
    expect(first?.text).toContain('logged');
    expect(second?.text).toContain(`already logged as **${enquiry.reference}**`);
  });

  it('logs an enquiry submitted with Action.Execute and answers the invoke with the reference', async () => {
    teams = await startTestTeams({ answerer: declining.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'enquiry-submit', data: enquirySubmission(randomUUID()) } },
    });
    serveMember((activity['conversation'] as { id: string }).id);

    const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: string };
    const [enquiry] = await teams.core.enquiries.list();
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toContain(enquiry!.reference);
  });

  it('returns the form with what to fix when a submission is incomplete, and logs nothing', async () => {
    teams = await startTestTeams({ answerer: declining.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({
      value: enquirySubmission(randomUUID(), { contactName: '', email: 'not-an-email' }),
    });
    const conversationId = (activity['conversation'] as { id: string }).id;
    const replies = captureReplies(conversationId);
    serveMember(conversationId);

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    const card = cardText(replies.sent[0] as Sent);
    expect(card).toContain('Contact name');
    expect(card).toContain('Email');
    // What the person typed is kept.
    expect(card).toContain('Acme Builders Ltd');
    expect(await teams.core.enquiries.list()).toHaveLength(0);
  });

  it('does not let people from another organisation log enquiries', async () => {
    teams = await startTestTeams({ answerer: declining.answerer });
    serveKeys(signingKey.keySet);
    serveAppToken();
    const activity = teamsActivity({ value: enquirySubmission(randomUUID()), tenantId: OTHER_TENANT_ID });
    const replies = captureReplies((activity['conversation'] as { id: string }).id);

    await postActivity(teams.transport.url, activity, signingKey.sign({}));

    replies.scope.done();
    expect((replies.sent[0] as Sent).text).toContain('only be logged by council staff');
    expect(await teams.core.enquiries.list()).toHaveLength(0);
  });
});

describe('Teams triage channel', () => {
  const channelEnv = (officers: string) => ({
    TEAMS_ENQUIRY_CHANNEL: JSON.stringify({ serviceUrl: SERVICE_URL, conversation: { id: TRIAGE_CHANNEL } }),
    TEAMS_OFFICER_IDS: officers,
  });

  async function logAndPost(current: TestTeams) {
    const logged = await current.core.enquiries.log(
      {
        organisation: 'Hackney Bakery Co',
        contactName: 'Lee Chan',
        email: 'lee@hackney-bakery.example',
        description: 'Asking about paying the London Living Wage to new starters.',
        arrivedVia: 'staff',
      },
      { platform: 'teams', userId: SENDER_AAD_ID, name: 'Asha Patel', isOfficer: false },
    );
    if (!logged.ok) throw new Error(JSON.stringify(logged.issues));
    serveAppToken();
    const posted = captureReplies(TRIAGE_CHANNEL);
    const delivery = await current.core.enquiries.deliver([current.transport.publisher!]);
    posted.scope.done();
    return { reference: logged.enquiry.reference, delivery, post: posted };
  }

  it('posts new enquiries to the triage channel as a card with Claim and Resolve', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv(SENDER_AAD_ID) });
    expect(teams.transport.publisher?.platform).toBe('teams');

    const { reference, delivery, post } = await logAndPost(teams);

    expect(delivery.sent).toBe(1);
    // A new post in the channel (its own thread), not a reply to a message id the SDK made up.
    expect(post.paths).toEqual([`/teams/v3/conversations/${TRIAGE_CHANNEL}/activities`]);
    expect(post.sent[0]).not.toHaveProperty('replyToId');
    const card = cardText(post.sent[0] as Sent);
    expect(card).toContain(reference);
    expect(card).toContain('Hackney Bakery Co');
    expect(card).toContain('"title":"Claim"');
    expect(card).toContain('"title":"Resolve"');
    const stored = await teams.core.enquiries.get(reference);
    expect(stored?.posts).toContainEqual({ platform: 'teams', channel: TRIAGE_CHANNEL, messageId: post.ids[0] });
  });

  it('lets an officer claim an enquiry from the card, updating the card in place once', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv(SENDER_AAD_ID) });
    const { reference, post } = await logAndPost(teams);
    const postId = post.ids[0]!;
    serveKeys(signingKey.keySet);
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    // Every PUT of the card, whether addressed to the channel or to the thread the press came from.
    const updates: { path: string; body: Record<string, unknown> }[] = [];
    nock(SERVICE_URL.replace(/\/teams\/$/, ''))
      .put((uri) => decodeURIComponent(uri).endsWith(`/activities/${postId}`))
      .times(3)
      .reply(200, (uri, body) => {
        updates.push({ path: decodeURIComponent(uri), body: body as Record<string, unknown> });
        return { id: postId };
      });
    const claim = teamsActivity({
      conversationType: 'channel',
      conversationId: thread,
      replyToId: postId,
      value: { action: 'enquiry-claim', reference },
    });

    const response = await postActivity(teams.transport.url, claim, signingKey.sign({}));

    expect(response.status).toBe(200);
    // The next delivery round finds nothing left to update.
    expect(await teams.core.enquiries.deliver([teams.transport.publisher!])).toEqual({ sent: 0, failed: 0 });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.path).toBe(`/teams/v3/conversations/${TRIAGE_CHANNEL}/activities/${postId}`);
    expect(JSON.stringify(updates[0]?.body)).toContain('Claimed by Asha Patel');
    expect(JSON.stringify(updates[0]?.body)).not.toContain('"title":"Claim"');
    expect((await teams.core.enquiries.get(reference))?.status).toBe('claimed');
  });

  it('resolves an enquiry from the card with an outcome, and asks for one when it is missing', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv(SENDER_AAD_ID) });
    const { reference, post } = await logAndPost(teams);
    const postId = post.ids[0]!;
    serveKeys(signingKey.keySet);
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    const resolve = (outcome?: string) =>
      teamsActivity({
        conversationType: 'channel',
        conversationId: thread,
        replyToId: postId,
        value: { action: 'enquiry-resolve', reference, ...(outcome !== undefined && { outcome }) },
      });

    const prompt = captureReplies(thread);
    await postActivity(teams.transport.url, resolve(''), signingKey.sign({}));
    prompt.scope.done();
    expect((prompt.sent[0] as Sent).text).toBe(`Add an outcome to resolve ${reference}.`);
    expect((await teams.core.enquiries.get(reference))?.status).toBe('new');

    const update = captureUpdates(TRIAGE_CHANNEL, postId);
    await postActivity(teams.transport.url, resolve('Sent the LLW accreditation guide'), signingKey.sign({}));
    update.scope.done();
    const card = JSON.stringify(update.updated[0]);
    expect(card).toContain('Sent the LLW accreditation guide');
    expect(card).not.toContain('"title":"Resolve"');
    expect((await teams.core.enquiries.get(reference))?.status).toBe('resolved');
  });

  it('reminds an officer of a stale claim in their personal chat with the bot', async () => {
    teams = await startTestTeams({ answerer: declining.answerer, env: channelEnv(SENDER_AAD_ID) });
    const { reference } = await logAndPost(teams);
    // The officer has talked to the bot before, so it knows where to reach them.
    serveKeys(signingKey.keySet);
    const hello = teamsActivity({ text: 'help' });
    const personalChat = (hello['conversation'] as { id: string }).id;
    serveMember(personalChat);
    const greeting = captureReplies(personalChat);
    await postActivity(teams.transport.url, hello, signingKey.sign({}));
    greeting.scope.done();
    const claimed = await teams.core.enquiries.claim(reference, {
      platform: 'teams',
      userId: SENDER_AAD_ID,
      name: 'Asha Patel',
      isOfficer: true,
    });
    if (!claimed.ok) throw new Error(claimed.message);
    const reminder = captureReplies(personalChat);

    await teams.transport.publisher!.remind(claimed.enquiry, 'stale-claim');

    reminder.scope.done();
    expect((reminder.sent[0] as Sent).text).toContain(`You claimed **${reference}**`);
  });
});

describe('Teams logs', () => {
  const env = {
    TEAMS_ENQUIRY_CHANNEL: JSON.stringify({ serviceUrl: SERVICE_URL, conversation: { id: TRIAGE_CHANNEL } }),
    TEAMS_OFFICER_IDS: SENDER_AAD_ID,
  };
  const contact = { email: 'lee@hackney-bakery.example', phone: '020 8356 3000' };

  it('keeps contact details and tokens out of the logs and errors when Teams refuses a triage card', async () => {
    const logLines: string[] = [];
    teams = await startTestTeams({ answerer: declining.answerer, env, logLines });
    const logged = await teams.core.enquiries.log(
      {
        organisation: 'Hackney Bakery Co',
        contactName: 'Lee Chan',
        ...contact,
        description: 'LLW question',
        arrivedVia: 'staff',
      },
      { platform: 'teams', userId: SENDER_AAD_ID, name: 'Asha Patel', isOfficer: true },
    );
    if (!logged.ok) throw new Error(JSON.stringify(logged.issues));
    serveAppToken();
    const refused = nock(SERVICE_URL.replace(/\/teams\/$/, ''))
      .post((uri) => decodeURIComponent(uri).startsWith(`/teams/v3/conversations/${TRIAGE_CHANNEL}/activities`))
      .reply(500, { error: { code: 'ServiceError', message: 'Unknown error' } });

    const failure = await teams.transport.publisher!.publish(logged.enquiry).then(
      () => undefined,
      (error: unknown) => error as Error,
    );

    refused.done();
    expect(failure?.message).toMatch(/Teams could not deliver the message/);
    const everything = `${failure?.message} ${JSON.stringify(failure)} ${logLines.join('')}`;
    expect(everything).not.toContain(contact.email);
    expect(everything).not.toContain(contact.phone);
    expect(everything).not.toContain('outgoing-token');
  });

  it('logs a failed card update without the card it was sending, and keeps the change for the next round', async () => {
    const logLines: string[] = [];
    teams = await startTestTeams({ answerer: declining.answerer, env, logLines });
    const logged = await teams.core.enquiries.log(
      {
        organisation: 'Hackney Bakery Co',
        contactName: 'Lee Chan',
        ...contact,
        description: 'LLW question',
        arrivedVia: 'staff',
      },
      { platform: 'teams', userId: SENDER_AAD_ID, name: 'Asha Patel', isOfficer: true },
    );
    if (!logged.ok) throw new Error(JSON.stringify(logged.issues));
    serveAppToken();
    const posted = captureReplies(TRIAGE_CHANNEL);
    await teams.core.enquiries.deliver([teams.transport.publisher!]);
    posted.scope.done();
    const postId = posted.ids[0]!;
    serveKeys(signingKey.keySet);
    const thread = `${TRIAGE_CHANNEL};messageid=${postId}`;
    serveMember(thread);
    const refused = nock(SERVICE_URL.replace(/\/teams\/$/, ''))
      .put((uri) => decodeURIComponent(uri) === `/teams/v3/conversations/${TRIAGE_CHANNEL}/activities/${postId}`)
      .reply(500, { error: { code: 'ServiceError', message: 'Unknown error' } });
    const threadReplies = captureReplies(thread);
    const claim = teamsActivity({
      conversationType: 'channel',
      conversationId: thread,
      replyToId: postId,
      value: { action: 'enquiry-claim', reference: logged.enquiry.reference },
    });

    const response = await postActivity(teams.transport.url, claim, signingKey.sign({}));

    expect(response.status).toBe(200);
    refused.done();
    // The claim stands; the card update waits for the next delivery round, and nothing is said in the channel.
    expect((await teams.core.enquiries.get(logged.enquiry.reference))?.status).toBe('claimed');
    expect(threadReplies.sent).toEqual([]);
    expect(logLines.filter((line) => line.includes('triage post failed; will retry'))).toHaveLength(1);
    const everything = logLines.join('');
    expect(everything).not.toContain(contact.email);
    expect(everything).not.toContain(contact.phone);
    expect(everything).not.toContain('outgoing-token');
  });
});

describe('Teams playground mode', () => {
  it('accepts requests without a token when TEAMS_PLAYGROUND is on and no app id is set', async () => {
    teams = await startTestTeams({
      answerer: declining.answerer,
      env: { TEAMS_APP_ID: '', TEAMS_APP_PASSWORD: '', TEAMS_TENANT_ID: '', TEAMS_PLAYGROUND: 'true' },
    });
    const activity = teamsActivity({ text: 'help' });
    const replies = captureReplies((activity['conversation'] as { id: string }).id);

    const response = await postActivity(teams.transport.url, activity);

    expect(response.status).toBe(200);
    replies.scope.done();
    expect(replies.auth).toEqual([undefined]);
    expect(cardText(replies.sent[0] as Sent)).toContain('Skills Desk');
  });
});
