import type { ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import { errorCode } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import { TeamsMember } from './activity-schemas.js';
import { loggableError } from './loggable-error.js';

const MEMBER_TTL_MS = 24 * 3_600_000;

export type MemberInfo = { userRole?: string; tenantId?: string };

/**
 * Looks up a person's role in the conversation (guests and anonymous users are marked there, not on the message),
 * cached for a day. When Teams cannot say, the person is treated as a guest: staff-only content stays in.
 */
export function createMemberLookup(store: Store, log: Logger) {
  const members = store.namespace<MemberInfo>('teams-members');
  return async function memberOf(context: TurnContext): Promise<MemberInfo> {
    const { from, conversation } = context.activity;
    if (!from?.id || !conversation?.id) return { userRole: 'anonymous' };
    const key = `${conversation.tenantId ?? ''}:${from.aadObjectId ?? from.id}`;
    const cached = await members.get(key);
    if (cached) return cached;
    const connector = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
    try {
      if (!connector) throw new Error('no connector client for this turn');
      const raw = await connector.getConversationMember(from.id, conversation.id.split(';')[0] ?? conversation.id);
      const parsed = TeamsMember.safeParse(raw);
      const member: MemberInfo = parsed.success
        ? {
            ...(parsed.data.userRole !== undefined && { userRole: parsed.data.userRole }),
            ...(parsed.data.tenantId !== undefined && { tenantId: parsed.data.tenantId }),
          }
        : {};
      await members.set(key, member, MEMBER_TTL_MS);
      return member;
    } catch (error) {
      log.warn(
        { err: loggableError(error), code: errorCode(error), activityId: context.activity.id },
        'teams member lookup failed',
      );
      return { userRole: 'guest' };
    }
  };
}

export type MemberLookup = ReturnType<typeof createMemberLookup>;
