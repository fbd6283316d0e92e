import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type Actor, type LogResult, normalisePhone, suggestTopic } from '../../enquiries/index.js';
import { errorCode } from '../../errors.js';
import { decodeAnswerActionValue } from '../answer-action-value.js';
import { SLACK_IDS } from '../ids.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { slackErrorCode } from '../slack-error.js';
import { escapeMrkdwn } from './enquiry-blocks.js';
import { buildEnquiryModal, type EnquiryPrefill, enquiryBlockId, readEnquiryForm } from './enquiry-form.js';
import { guessEnquiryDetails } from './guess-enquiry-details.js';
import { ButtonPress, MessageShortcut, ViewSubmission } from './slack-payloads.js';
import { permalinkOf, plainSlackText, type ReplyTarget, tellUser } from './slack-text.js';
import { TOPIC_LABELS } from './topic-labels.js';

/** Organisation recorded when a member of staff hands their own question to the team. */
export const INTERNAL_QUESTION = 'Internal question';

const SAVE_FAILED = 'Sorry, the enquiry could not be saved just now. Nothing was logged: try again in a minute.';

/** Opens the enquiry form, pre-filled where known. */
export async function openEnquiryModal(
  client: WebClient,
  triggerId: string,
  prefill: EnquiryPrefill = {},
): Promise<void> {
  const topicText = [prefill.description, prefill.organisation].filter(Boolean).join(' ').trim();
  const suggested = topicText === '' ? undefined : suggestTopic(topicText);
  await client.views.open({ trigger_id: triggerId, view: buildEnquiryModal(prefill, suggested) });
}

/** The form pre-filled from a piece of text: what it asks, plus any contact details plainly in it. */
export function prefillFromText(text: string, extra: EnquiryPrefill = {}): EnquiryPrefill {
  const plain = plainSlackText(text).trim();
  return { ...guessEnquiryDetails(plain), description: plain, ...extra };
}

export async function slackActor(
  deps: SlackFeatureDeps,
  user: { id: string; name?: string | undefined },
): Promise<Actor> {
  return {
    platform: 'slack',
    userId: user.id,
    ...(user.name !== undefined && { name: user.name }),
    isOfficer: await deps.isOfficer(user.id),
  };
}

/** The message the person who logged an enquiry gets: its reference, and any enquiries it may repeat. */
export function confirmationText(result: Extract<LogResult, { ok: true }>, deps: SlackFeatureDeps): string {
  const { enquiry } = result;
  const lines = [
    `Logged *${enquiry.reference}* for ${escapeMrkdwn(enquiry.organisation)} (${TOPIC_LABELS[enquiry.topic]}). Quote this reference if you follow it up.`,
  ];
  lines.push(
    deps.settings.enquiryChannel
      ? 'An employer engagement officer will pick it up from the triage channel.'
      : 'An employer engagement officer will pick it up from the enquiry queue.',
  );
  if (result.possibleDuplicates.length > 0) {
    const list = result.possibleDuplicates
      .slice(0, 5)
      .map((other) => `• ${other.reference}: ${escapeMrkdwn(other.organisation)} (${other.status})`);
    lines.push(`This may repeat an enquiry already in the queue:\n${list.join('\n')}`);
  }
  return lines.join('\n');
}

/** Sends the triage post straight away when the app runs delivery, rather than waiting for the next round. */
export async function deliverTriageNow(deps: SlackFeatureDeps): Promise<void> {
  if (!deps.deliverTriagePosts) return;
  try {
    await deps.deliverTriagePosts();
  } catch (error) {
    // The queue keeps the post pending; the delivery timer sends it later.
    deps.log.warn({ err: error, code: errorCode(error) }, 'triage post not sent yet');
  }
}

/** The asker's name, email and phone from their Slack profile (email needs the users:read.email scope). */
async function staffContact(
  client: WebClient,
  user: { id: string; name?: string | undefined },
  log: SlackFeatureDeps['log'],
): Promise<{ contactName: string; email?: string; phone?: string }> {
  const fallback = { contactName: user.name ?? user.id };
  try {
    const result = await client.users.info({ user: user.id });
    const profile = result.user?.profile;
    const contactName = profile?.real_name || result.user?.real_name || fallback.contactName;
    const phone = profile?.phone && normalisePhone(profile.phone) !== undefined ? profile.phone : undefined;
    return {
      contactName,
      ...(profile?.email ? { email: profile.email } : {}),
      ...(phone !== undefined && { phone }),
    };
  } catch (error) {
    log.warn({ err: error }, "could not read the asker's Slack profile");
    return fallback;
  }
}

/** A DM that must not take the listener down when Slack refuses it: logged with Slack's code instead. */
async function tellQuietly(client: WebClient, target: ReplyTarget, text: string, log: SlackFeatureDeps['log']) {
  try {
    await tellUser(client, target, text);
  } catch (error) {
    log.error({ err: error, code: slackErrorCode(error) }, 'could not send the enquiry confirmation');
  }
}

export function registerEnquiryCapture(app: App, deps: SlackFeatureDeps): void {
  const log = deps.log.child({ module: 'slack-enquiries' });

  app.shortcut(SLACK_IDS.shortcuts.logEnquiryFromMessage, async ({ ack, body, client }) => {
    await ack();
    const parsed = MessageShortcut.safeParse(body);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.length }, 'message shortcut payload not understood');
      return;
    }
    const shortcut = parsed.data;
    const sourceLink = await permalinkOf(client, shortcut.channel.id, shortcut.message.ts, log);
    // In Slack Connect the payload's `team` and `user.team_id` are the presser's own workspace, and the message's
    // `user_team` its author's: either from another organisation makes the enquiry an external one.
    const installedTeam = (await deps.installedTeam(body)) ?? shortcut.team?.id;
    const fromOutside = (team: string | undefined) =>
      team !== undefined && installedTeam !== undefined && team !== installedTeam;
    const isExternal =
      fromOutside(shortcut.user.team_id ?? shortcut.team?.id) ||
      fromOutside(shortcut.message.user_team ?? shortcut.message.team);
    await openEnquiryModal(
      client,
      shortcut.trigger_id,
      prefillFromText(shortcut.message.text, {
        arrivedVia: isExternal ? 'external' : 'staff',
        ...(sourceLink !== undefined && { sourceLink }),
      }),
    );
  });

  app.action(SLACK_IDS.actions.logEnquiryFromAnswer, async ({ ack, body, client }) => {
    await ack();
    const press = ButtonPress.safeParse(body);
    const value = press.success ? decodeAnswerActionValue(press.data.actions[0]?.value) : undefined;
    if (!press.success || !value) {
      log.warn('log-enquiry button payload not understood');
      return;
    }
    const sourceLink = await permalinkOf(client, value.channel, value.threadTs, log);
    await openEnquiryModal(
      client,
      press.data.trigger_id,
      prefillFromText(value.question, {
        arrivedVia: value.isExternal ? 'external' : 'staff',
        ...(sourceLink !== undefined && { sourceLink }),
      }),
    );
  });

  // "Ask the team": staff questions are logged at once as an internal question, with the asker as contact.
  // People outside the organisation are asked for their organisation and contact details first.
  app.action(SLACK_IDS.actions.askTheTeam, async ({ ack, body, client }) => {
    await ack();
    const press = ButtonPress.safeParse(body);
    const value = press.success ? decodeAnswerActionValue(press.data.actions[0]?.value) : undefined;
    if (!press.success || !value) {
      log.warn('ask-the-team button payload not understood');
      return;
    }
    const { user, trigger_id: triggerId } = press.data;
    const sourceLink = await permalinkOf(client, value.channel, value.threadTs, log);
    const reply = { userId: user.id, channel: value.channel, threadTs: value.threadTs };
    const linkPart = sourceLink !== undefined ? { sourceLink } : {};
    if (value.isExternal) {
      await openEnquiryModal(
        client,
        triggerId,
        prefillFromText(value.question, { arrivedVia: 'external', ...linkPart }),
      );
      return;
    }
    const question = plainSlackText(value.question).trim();
    const contact = await staffContact(client, user, log);
    const input = {
      organisation: INTERNAL_QUESTION,
      ...contact,
      topic: suggestTopic(question),
      description: question,
      arrivedVia: 'bot' as const,
      ...linkPart,
    };
    let result: LogResult;
    try {
      result = await deps.core.enquiries.log(input, await slackActor(deps, user), {
        idempotencyKey: `slack-ask:${value.channel}:${value.threadTs}:${user.id}`,
      });
    } catch (error) {
      log.error({ err: error, code: errorCode(error) }, 'could not log question for the team');
      await tellUser(client, reply, SAVE_FAILED);
      return;
    }
    if (!result.ok) {
      // Something the queue needs is missing (usually an email or phone number): the asker fills it in.
      await openEnquiryModal(client, triggerId, {
        ...prefillFromText(value.question),
        ...input,
        arrivedVia: 'bot',
      });
      return;
    }
    log.info({ reference: result.enquiry.reference, created: result.created }, 'question passed to the team');
    if (!result.created) {
      await tellUser(client, reply, `You already passed this question to the team as *${result.enquiry.reference}*.`);
      return;
    }
    await tellUser(
      client,
      reply,
      `Passed to the employer engagement team as *${result.enquiry.reference}*. An officer will pick it up and reply to you.`,
    );
    await deliverTriageNow(deps);
  });

  app.action(SLACK_IDS.actions.openEnquiryForm, async ({ ack, body, client }) => {
    await ack();
    const press = ButtonPress.safeParse(body);
    if (!press.success) return;
    await openEnquiryModal(client, press.data.trigger_id);
  });

  app.view(SLACK_IDS.views.enquiryForm, async ({ ack, body, client }) => {
    const parsed = ViewSubmission.safeParse(body);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.length }, 'enquiry form payload not understood');
      await ack({ response_action: 'errors', errors: { [enquiryBlockId('description')]: SAVE_FAILED } });
      return;
    }
    const submission = parsed.data;
    const form = readEnquiryForm(submission);
    if (!form.ok) {
      await ack(form.errors);
      return;
    }
    // The form is valid: close it now. Saving may take longer than the 3 seconds Slack waits for an answer (a slow
    // store), so the reference follows in a DM; a stalled save never shows the person an error for a saved enquiry.
    await ack();
    // Someone from another organisation (Slack Connect) filling in the form themselves is an external enquiry. The
    // payload's `team` is the submitter's own workspace in Slack Connect: compare with the installing workspace.
    const submitterTeam = submission.user.team_id;
    const installedTeam = (await deps.installedTeam(body)) ?? submission.team?.id;
    const isExternalSubmitter =
      submitterTeam !== undefined && installedTeam !== undefined && submitterTeam !== installedTeam;
    const dm = { userId: submission.user.id };
    let result: LogResult;
    try {
      result = await deps.core.enquiries.log(
        {
          ...form.form,
          arrivedVia: isExternalSubmitter ? 'external' : form.metadata.arrivedVia,
          ...(form.metadata.sourceLink !== undefined && { sourceLink: form.metadata.sourceLink }),
        },
        await slackActor(deps, submission.user),
        // Slack may deliver a submission twice; the view id makes the second one return the first one's reference.
        { idempotencyKey: `slack-view:${submission.view.id}` },
      );
    } catch (error) {
      log.error({ err: error, code: errorCode(error) }, 'could not log enquiry');
      await tellQuietly(client, dm, SAVE_FAILED, log);
      return;
    }
    if (!result.ok) {
      const problems = result.issues.map((issue) => `• ${escapeMrkdwn(issue.message)}`).join('\n');
      await tellQuietly(client, dm, `The enquiry was not logged:\n${problems}\nOpen the form again to fix it.`, log);
      return;
    }
    log.info({ reference: result.enquiry.reference, created: result.created }, 'enquiry logged from Slack');
    if (!result.created) {
      await tellQuietly(client, dm, `That enquiry is already logged as *${result.enquiry.reference}*.`, log);
      return;
    }
    await tellQuietly(client, dm, confirmationText(result, deps), log);
    await deliverTriageNow(deps);
  });
}
