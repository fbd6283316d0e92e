import type { App, types } from '@slack/bolt';
import { z } from 'zod';
import { createCoreGapDecisions, GAP_DECISIONS, type GapDecisionKind } from '../../reports/gap-decisions.js';
import type { SlackFeatureDeps } from '../slack-deps.js';
import { DIGEST_ACTIONS, decidedBlock } from './digest-blocks.js';

const DigestButton = z.object({
  user: z.object({ id: z.string().min(1).max(40) }),
  channel: z.object({ id: z.string().min(1).max(40) }),
  message: z.object({
    ts: z.string().min(1).max(40),
    text: z.string().max(4_000).optional(),
    blocks: z.array(z.unknown()).max(50),
  }),
  actions: z
    .array(
      z.object({
        value: z
          .string()
          .regex(new RegExp(`^(${GAP_DECISIONS.join('|')}):[0-9a-f]{16}$`))
          .transform((value) => {
            const [kind, gapId] = value.split(':') as [GapDecisionKind, string];
            return { kind, gapId };
          }),
      }),
    )
    .min(1),
});

const blockIdOf = (block: unknown) =>
  typeof block === 'object' && block !== null ? (block as { block_id?: unknown }).block_id : undefined;

/**
 * The digest's buttons: the decision is kept in the store (so `skills-desk gaps` shows it and `gaps apply` writes
 * it), and the gap's buttons in the message are replaced by who decided what. A gap no longer kept gets a note
 * only the presser sees.
 */
export function registerDigestActions(app: App, deps: SlackFeatureDeps): void {
  const decisions = createCoreGapDecisions(deps.core);
  const log = deps.log.child({ module: 'slack-digest' });
  for (const actionId of Object.values(DIGEST_ACTIONS)) {
    app.action(actionId, async ({ ack, body, client, respond }) => {
      await ack();
      const parsed = DigestButton.safeParse(body);
      if (!parsed.success) {
        log.warn('ignored a digest button with an unexpected shape');
        return;
      }
      const { user, channel, message, actions } = parsed.data;
      const request = actions[0]!.value;
      const result = await decisions.decide(request, { platform: 'slack', userId: user.id });
      if (!result.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: result.message });
        return;
      }
      const blocks = message.blocks.map((block) =>
        blockIdOf(block) === `gap:${request.gapId}` ? decidedBlock(request.gapId, result.decision) : block,
      ) as types.KnownBlock[];
      await client.chat.update({
        channel: channel.id,
        ts: message.ts,
        text: message.text ?? 'Knowledge digest',
        blocks,
      });
      log.info({ gapId: request.gapId, kind: request.kind }, 'knowledge gap decided');
    });
  }
}
