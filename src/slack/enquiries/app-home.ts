import type { App, types as SlackTypes } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Enquiry } from '../../enquiries/index.js';
import { errorCode } from '../../errors.js';
import { SLACK_IDS } from '../ids.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { renderHomeItem } from './enquiry-blocks.js';
import { AppHomeOpened } from './slack-payloads.js';

/** How many of each list App Home shows; Slack allows 100 blocks a view and each enquiry takes two. */
export const HOME_LIMITS = { unclaimed: 10, mine: 10, resolved: 5 } as const;
const RECENT_DAYS = 7;

const byCreated = (a: Enquiry, b: Enquiry) => a.createdAt.localeCompare(b.createdAt);
const byUpdatedNewestFirst = (a: Enquiry, b: Enquiry) => b.updatedAt.localeCompare(a.updatedAt);

const logButton: SlackTypes.Button = {
  type: 'button',
  text: { type: 'plain_text', text: 'Log an enquiry' },
  action_id: SLACK_IDS.actions.openEnquiryForm,
  style: 'primary',
};

function listSection(title: string, enquiries: Enquiry[], limit: number, empty: string): SlackTypes.KnownBlock[] {
  const shown = enquiries.slice(0, limit);
  const blocks: SlackTypes.KnownBlock[] = [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*${title} (${enquiries.length})*` } },
  ];
  if (shown.length === 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: empty }] });
  for (const enquiry of shown) blocks.push(...renderHomeItem(enquiry));
  if (enquiries.length > shown.length) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Showing ${shown.length} of ${enquiries.length}. Use \`skills-desk enquiries list\` or the triage channel for the rest.`,
        },
      ],
    });
  }
  return blocks;
}

/** The Home tab: the queue for officers (with contact details and the triage buttons), an explanation for everyone else. */
export async function buildHomeView(deps: SlackFeatureDeps, userId: string): Promise<SlackTypes.HomeView> {
  if (!(await deps.isOfficer(userId))) {
    return {
      type: 'home',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Skills Desk' } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              'Ask me about apprenticeships and the levy, the London Living Wage, Hackney 100 placements and Section 106 employment and skills, in the Messages tab or by mentioning me in a channel.',
              'If an employer has asked you something the team should follow up, log it as an enquiry: the employer engagement officers pick it up and you get a reference number.',
            ].join('\n\n'),
          },
        },
        { type: 'actions', elements: [logButton] },
      ],
    };
  }
  const queue = deps.core.enquiries;
  const since = new Date(deps.core.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const [unclaimed, mine, finished] = await Promise.all([
    queue.list({ status: ['new'] }),
    queue.list({ status: ['claimed'], assignee: userId }),
    queue.list({ status: ['resolved', 'closed'] }),
  ]);
  unclaimed.sort(byCreated);
  mine.sort(byCreated);
  const recent = finished
    .filter((enquiry) => (enquiry.resolvedAt ?? enquiry.closedAt ?? enquiry.updatedAt) >= since)
    .sort(byUpdatedNewestFirst);
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Employer enquiries' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*${unclaimed.length}* unclaimed · *${mine.length}* claimed by you · *${recent.length}* resolved or closed in the last ${RECENT_DAYS} days`,
        },
      },
      { type: 'actions', elements: [logButton] },
      ...listSection('Unclaimed, oldest first', unclaimed, HOME_LIMITS.unclaimed, 'Nothing waiting. :tada:'),
      ...listSection('Claimed by you', mine, HOME_LIMITS.mine, 'You have no open enquiries.'),
      ...listSection(`Resolved recently`, recent, HOME_LIMITS.resolved, 'None in the last week.'),
    ],
  };
}

/** Publishes a person's Home tab. */
export async function publishHome(client: WebClient, deps: SlackFeatureDeps, userId: string): Promise<void> {
  await client.views.publish({ user_id: userId, view: await buildHomeView(deps, userId) });
}

export function registerAppHome(app: App, deps: SlackFeatureDeps): void {
  const log = deps.log.child({ module: 'slack-home' });
  app.event('app_home_opened', async ({ event, client }) => {
    const parsed = AppHomeOpened.safeParse(event);
    if (!parsed.success || parsed.data.tab !== 'home') return;
    try {
      await publishHome(client, deps, parsed.data.user);
    } catch (error) {
      log.error({ err: error, code: errorCode(error) }, 'could not publish App Home');
    }
  });
}
