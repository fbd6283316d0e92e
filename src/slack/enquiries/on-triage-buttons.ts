import type { App } from '@slack/bolt';
import { errorCode } from '../../errors.js';
import { SLACK_IDS } from '../ids.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { slackActor } from './on-enquiry-capture.js';
import { ButtonPress } from './slack-payloads.js';
import { tellUser } from './slack-text.js';
import { buildActionModal, type FormKind } from './triage-forms.js';
import {
  type ActionMetadata,
  NOT_AN_OFFICER,
  originOf,
  Reference,
  refusalText,
  replyTargetOf,
  SORRY,
} from './triage-press.js';
import { showTriageChange } from './triage-refresh.js';

const BUTTONS: { actionId: string; kind: FormKind | 'claim'; officersOnly: boolean }[] = [
  { actionId: SLACK_IDS.actions.claimEnquiry, kind: 'claim', officersOnly: true },
  { actionId: SLACK_IDS.actions.assignEnquiry, kind: 'assign', officersOnly: true },
  { actionId: SLACK_IDS.actions.noteEnquiry, kind: 'note', officersOnly: true },
  { actionId: SLACK_IDS.actions.resolveEnquiry, kind: 'resolve', officersOnly: true },
  { actionId: SLACK_IDS.actions.closeDuplicate, kind: 'duplicate', officersOnly: true },
];

/** The triage post's buttons: Claim acts at once; the others open their form. Officers only. */
export function registerTriageButtons(app: App, deps: SlackFeatureDeps): void {
  const log = deps.log.child({ module: 'slack-triage' });
  for (const button of BUTTONS) {
    app.action(button.actionId, async ({ ack, body, client }) => {
      await ack();
      const parsed = ButtonPress.safeParse(body);
      const reference = parsed.success ? Reference.safeParse(parsed.data.actions[0]?.value) : undefined;
      if (!parsed.success || !reference?.success) {
        log.warn({ action: button.actionId }, 'triage button payload not understood');
        return;
      }
      const press = parsed.data;
      const origin = originOf(press);
      const reply = replyTargetOf(press.user.id, origin);
      const actor = await slackActor(deps, press.user);
      if (button.officersOnly && !actor.isOfficer) {
        await tellUser(client, reply, NOT_AN_OFFICER);
        return;
      }
      try {
        if (button.kind === 'claim') {
          const result = await deps.core.enquiries.claim(reference.data, actor);
          if (!result.ok) {
            await tellUser(client, reply, refusalText(result, reference.data));
            return;
          }
          log.info({ reference: reference.data }, 'enquiry claimed');
          await showTriageChange(client, deps, { enquiry: result.enquiry, origin, userId: press.user.id });
          return;
        }
        const enquiry = await deps.core.enquiries.get(reference.data);
        if (!enquiry) {
          await tellUser(client, reply, `There is no enquiry ${reference.data}.`);
          return;
        }
        const metadata: ActionMetadata = { reference: reference.data, origin: origin ?? { kind: 'home' } };
        await client.views.open({
          trigger_id: press.trigger_id,
          view: buildActionModal(button.kind, metadata, enquiry),
        });
      } catch (error) {
        log.error({ err: error, code: errorCode(error), action: button.actionId }, 'triage action failed');
        await tellUser(client, reply, SORRY);
      }
    });
  }
}
