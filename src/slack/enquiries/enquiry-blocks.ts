import type { types as SlackTypes } from '@slack/bolt';
import type { Enquiry, EnquiryStatus } from '../../enquiries/index.js';
import { formatDate } from '../../knowledge/format.js';
import { SLACK_IDS } from '../ids.js';
import { TOPIC_LABELS } from './topic-labels.js';

const STATUS_LABELS: Record<EnquiryStatus, string> = {
  new: ':large_yellow_circle: New, unclaimed',
  claimed: ':large_blue_circle: Claimed',
  resolved: ':white_check_mark: Resolved',
  closed: ':black_circle: Closed',
};

const ARRIVAL_LABELS: Record<Enquiry['arrivedVia'], string> = {
  staff: 'logged by staff',
  bot: 'asked through Skills Desk',
  external: 'from someone outside the organisation',
};

/** Whether an id is a Slack user id (assignees claimed in Teams carry Teams ids). */
export function isSlackUserId(id: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(id);
}

/** A Slack mention for Slack user ids; other platforms' ids are shown as they are. */
export function mention(userId: string): string {
  return isSlackUserId(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** Who has an enquiry: a mention for Slack users, the name given on other platforms. */
export function assigneeLabel(enquiry: Pick<Enquiry, 'assignee' | 'assigneeName'>): string {
  if (enquiry.assignee === undefined) return 'nobody';
  if (isSlackUserId(enquiry.assignee)) return `<@${enquiry.assignee}>`;
  return escapeMrkdwn(enquiry.assigneeName ?? enquiry.assignee);
}

/** A date Slack shows in the reader's own time zone, with a GOV.UK-style fallback. */
export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1_000);
  return `<!date^${seconds}^{date_long_pretty} at {time}|${formatDate(iso.slice(0, 10))}>`;
}

/** Slack's mrkdwn treats &, < and > as control characters; anything people typed is escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text);

function statusLine(enquiry: Enquiry): string {
  const parts = [STATUS_LABELS[enquiry.status]];
  if (enquiry.assignee) parts.push(`by ${assigneeLabel(enquiry)}`);
  if (enquiry.status === 'closed' && enquiry.closedReason === 'duplicate' && enquiry.duplicateOf) {
    parts.push(`as a duplicate of ${enquiry.duplicateOf}`);
  } else if (enquiry.status === 'closed' && enquiry.closedReason) {
    parts.push(`(${enquiry.closedReason})`);
  }
  return parts.join(' ');
}

/** Contact details: shown only in the private triage channel and to officers in App Home. */
export function contactLine(enquiry: Enquiry): string {
  if (enquiry.contactErasedAt) return '_Contact details erased on request_';
  return [escapeMrkdwn(enquiry.contactName), enquiry.email, enquiry.phone]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
}

/** The buttons officers use to work an enquiry, for its current status. */
export function enquiryButtons(enquiry: Enquiry): SlackTypes.Button[] {
  const button = (text: string, actionId: string, style?: 'primary'): SlackTypes.Button => ({
    type: 'button',
    text: { type: 'plain_text', text },
    action_id: actionId,
    value: enquiry.reference,
    ...(style !== undefined && { style }),
  });
  const isOpen = enquiry.status === 'new' || enquiry.status === 'claimed';
  const buttons: SlackTypes.Button[] = [];
  if (enquiry.status === 'new') buttons.push(button('Claim', SLACK_IDS.actions.claimEnquiry, 'primary'));
  if (isOpen) buttons.push(button('Assign to…', SLACK_IDS.actions.assignEnquiry));
  buttons.push(button('Add note', SLACK_IDS.actions.noteEnquiry));
  if (isOpen) {
    buttons.push(button('Resolve', SLACK_IDS.actions.resolveEnquiry));
    buttons.push(button('Close as duplicate', SLACK_IDS.actions.closeDuplicate));
  }
  return buttons;
}

/** The triage channel post: every detail an officer needs, with the buttons to act on it. */
export function renderTriageMessage(enquiry: Enquiry): { text: string; blocks: SlackTypes.KnownBlock[] } {
  const title = `${enquiry.reference} · ${escapeMrkdwn(enquiry.organisation)}`;
  const details = [
    `*Status:* ${statusLine(enquiry)}`,
    `*Topic:* ${TOPIC_LABELS[enquiry.topic]}`,
    `*Contact:* ${contactLine(enquiry)}`,
    `*Logged:* ${slackDate(enquiry.createdAt)} by ${mention(enquiry.loggedBy.userId)}, ${ARRIVAL_LABELS[enquiry.arrivedVia]}`,
  ];
  if (enquiry.sourceLink) details.push(`*Source:* <${enquiry.sourceLink}|original message>`);
  const blocks: SlackTypes.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${enquiry.reference} · ${enquiry.organisation}`, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: details.join('\n') } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`>${escapeMrkdwn(enquiry.description).replace(/\n/g, '\n>')}`, 2_900) },
    },
  ];
  if (enquiry.outcome) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*Outcome:* ${escapeMrkdwn(enquiry.outcome)}`, 2_900) },
    });
  }
  const notes = enquiry.notes.slice(-3);
  if (notes.length > 0) {
    const earlier = enquiry.notes.length - notes.length;
    const lines = notes.map(
      (note) => `• ${mention(note.by)}, ${formatDate(note.at.slice(0, 10))}: ${escapeMrkdwn(note.text)}`,
    );
    if (earlier > 0) lines.unshift(`_${earlier} earlier ${earlier === 1 ? 'note' : 'notes'} not shown_`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Notes*\n${lines.join('\n')}`, 2_900) } });
  }
  blocks.push({ type: 'actions', block_id: `triage:${enquiry.reference}`, elements: enquiryButtons(enquiry) });
  return { text: `${title}: ${STATUS_LABELS[enquiry.status].replace(/^:[a-z_]+: /, '')}`, blocks };
}

/** One enquiry in an App Home list: a summary line and the same buttons as the triage post. */
export function renderHomeItem(enquiry: Enquiry): SlackTypes.KnownBlock[] {
  const lines = [
    `*${enquiry.reference}* · ${escapeMrkdwn(clip(enquiry.organisation, 80))} · ${TOPIC_LABELS[enquiry.topic]}`,
    `${statusLine(enquiry)} · logged ${slackDate(enquiry.createdAt)}`,
    contactLine(enquiry),
    `>${escapeMrkdwn(clip(enquiry.description.replace(/\s+/g, ' '), 200))}`,
  ];
  return [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    { type: 'actions', block_id: `home:${enquiry.reference}`, elements: enquiryButtons(enquiry) },
  ];
}
