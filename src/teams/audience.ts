import type { Audience } from '../knowledge/article-schema.js';
import type { TeamsChannelData, TeamsConversation, TeamsSender } from './activity-schemas.js';
import type { TeamsSettings } from './teams-settings.js';

const OUTSIDE_ROLES = new Set(['guest', 'anonymous', 'external']);

/**
 * Whether the person is outside the organisation: a guest or anonymous user, or someone whose tenant is not ours.
 * They only ever see public articles. Without a configured tenant (the local playground) everyone is staff.
 */
export function isOutsider(
  settings: Pick<TeamsSettings, 'tenantId'>,
  activity: { from: TeamsSender; conversation: TeamsConversation; channelData?: TeamsChannelData },
  /** The member's role and tenant as Teams reports them, when looked up. */
  member?: { userRole?: string; tenantId?: string },
): boolean {
  if (member?.userRole && OUTSIDE_ROLES.has(member.userRole.toLowerCase())) return true;
  const ours = settings.tenantId?.toLowerCase();
  if (!ours) return false;
  const tenants = [
    activity.from.tenantId,
    activity.conversation.tenantId,
    activity.channelData?.tenant?.id,
    member?.tenantId,
  ].filter((tenant): tenant is string => tenant !== undefined);
  // A person from another tenant (a federated chat, a shared channel) or with no tenant at all is outside.
  if (tenants.length === 0) return true;
  return tenants.some((tenant) => tenant.toLowerCase() !== ours);
}

export function audienceOf(...args: Parameters<typeof isOutsider>): Audience {
  return isOutsider(...args) ? 'public' : 'staff';
}
