import type { App } from '@slack/bolt';
import type { ActionResult } from '../../enquiries/index.js';
import { errorCode } from '../../errors.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { escapeMrkdwn, mention } from './enquiry-blocks.js';
import { slackActor } from './on-enquiry-capture.js';
import { inputValue, toViewErrors, ViewSubmission } from './slack-payloads.js';
import { FORMS, type FormKind, type FormSpec, FormValue } from './triage-forms.js';
import { ActionMetadata, NOT_AN_OFFICER, refusalText, SORRY } from './triage-press.js';
import { showTriageChange } from './triage-refresh.js';

/** Submissions of the triage forms: checked, applied to the queue by an officer, then shown on the posts. */
export function registerTriageForms(app: App, deps: SlackFeatureDeps): void {
  const log = deps.log.child({ module: 'slack-triage' });
  for (const kind of Object.keys(FORMS) as FormKind[]) {
    const form: FormSpec = FORMS[kind];
    app.view(form.callbackId, async ({ ack, body, client }) => {
      const parsed = ViewSubmission.safeParse(body);
      let metadata: ActionMetadata | undefined;
      try {
        const candidate = ActionMetadata.safeParse(JSON.parse(parsed.success ? parsed.data.view.private_metadata : ''));
        if (candidate.success) metadata = candidate.data;
      } catch {
        metadata = undefined;
      }
      if (!parsed.success || !metadata) {
        log.warn({ view: form.callbackId }, 'triage form payload not understood');
        await ack({ response_action: 'errors', errors: { [form.blockId]: SORRY } });
        return;
      }
      const submission = parsed.data;
      const value = FormValue[kind].safeParse(inputValue(submission, form.blockId));
      if (!value.success) {
        await ack(
          toViewErrors(
            value.error.issues.map((issue) => ({ ...issue, path: [form.blockId] })),
            String,
          ),
        );
        return;
      }
      if (kind === 'duplicate' && value.data === metadata.reference) {
        await ack({
          response_action: 'errors',
          errors: { [form.blockId]: 'Enter the reference of a different enquiry' },
        });
        return;
      }
      const actor = await slackActor(deps, submission.user);
      if (!actor.isOfficer) {
        await ack({ response_action: 'errors', errors: { [form.blockId]: NOT_AN_OFFICER } });
        return;
      }
      const queue = deps.core.enquiries;
      let result: ActionResult;
      try {
        result =
          kind === 'assign'
            ? await queue.assign(metadata.reference, value.data, actor)
            : kind === 'note'
              ? await queue.addNote(metadata.reference, value.data, actor)
              : kind === 'resolve'
                ? await queue.resolve(metadata.reference, value.data, actor)
                : await queue.close(metadata.reference, 'duplicate', actor, value.data);
      } catch (error) {
        log.error({ err: error, code: errorCode(error), view: form.callbackId }, 'triage form failed');
        await ack({ response_action: 'errors', errors: { [form.blockId]: SORRY } });
        return;
      }
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: { [form.blockId]: refusalText(result, metadata.reference) } });
        return;
      }
      await ack();
      log.info({ reference: metadata.reference, view: form.callbackId }, 'enquiry updated');
      await showTriageChange(client, deps, {
        enquiry: result.enquiry,
        origin: metadata.origin,
        userId: submission.user.id,
      });
      if (kind === 'assign' && value.data !== submission.user.id) {
        await client.chat.postMessage({
          channel: value.data,
          text: `${mention(submission.user.id)} assigned you *${result.enquiry.reference}* (${escapeMrkdwn(result.enquiry.organisation)}). The details are in the triage channel and in Skills Desk's Home tab.`,
        });
      }
    });
  }
}
