import type Keyv from 'keyv';
import { z } from 'zod';
import { createIndexSets } from '../enquiries/index-set.js';
import type { Store } from '../store/create-store.js';
import type { GapGroup } from './knowledge-gaps.js';

/** What a content owner decided about a gap: dealt with, or a question to add to the article or the labelled data. */
export const GAP_DECISIONS = ['handled', 'add_question', 'add_example'] as const;
export const GapDecisionKind = z.enum(GAP_DECISIONS);
export type GapDecisionKind = z.infer<typeof GapDecisionKind>;

/** A button press as a transport reads it: which gap, what was decided. Ids are the 16-hex ids `gapId` makes. */
export const GapDecisionRequest = z.object({
  gapId: z.string().regex(/^[0-9a-f]{16}$/, { error: 'not a gap id' }),
  kind: GapDecisionKind,
});
export type GapDecisionRequest = z.infer<typeof GapDecisionRequest>;

export type GapDecision = {
  gapId: string;
  kind: GapDecisionKind;
  articleId: string | null;
  /** The question to add (the group's first question). */
  question: string;
  topic: string;
  by: { platform: 'slack' | 'teams' | 'cli'; userId: string };
  at: string;
  /** Set by `skills-desk gaps apply` once the question is written into the knowledge files. */
  appliedAt?: string;
};

export type DecideResult = { ok: true; decision: GapDecision; gap: GapGroup } | { ok: false; message: string };

export type GapDecisions = {
  /** Keeps the gaps a digest shows, so its buttons need carry only the gap id. */
  remember(gaps: readonly GapGroup[]): Promise<void>;
  decide(request: GapDecisionRequest, by: GapDecision['by']): Promise<DecideResult>;
  get(gapId: string): Promise<GapDecision | undefined>;
  /** Every decision kept, oldest first. */
  list(): Promise<GapDecision[]>;
  markApplied(gapIds: readonly string[]): Promise<void>;
};

const DAY_MS = 86_400_000;
/** Decisions are kept a year, so a gap marked handled stays handled in later digests. */
const DECISION_TTL_MS = 365 * DAY_MS;

/** Content owners' decisions on knowledge gaps, shared by every replica through the store. */
export function createGapDecisions(options: {
  store: Store;
  now: () => Date;
  /** How long a digest's gaps can still be decided on (the question log's retention). */
  gapTtlDays: number;
  namespacePrefix?: string;
}): GapDecisions {
  const prefix = options.namespacePrefix ?? '';
  const items = options.store.namespace<GapGroup | GapDecision>(`${prefix}gap-decisions`);
  const sets = createIndexSets(items as unknown as Keyv<unknown>, `${prefix}gap-decisions:`);
  const gapKey = (id: string) => `gap:${id}`;
  const decisionKey = (id: string) => `decision:${id}`;
  const get = async (gapId: string) => (await items.get(decisionKey(gapId))) as GapDecision | undefined;

  return {
    async remember(gaps) {
      for (const gap of gaps) await items.set(gapKey(gap.id), gap, options.gapTtlDays * DAY_MS);
    },
    async decide(request, by) {
      const parsed = GapDecisionRequest.safeParse(request);
      if (!parsed.success) return { ok: false, message: 'That button could not be read.' };
      const gap = (await items.get(gapKey(parsed.data.gapId))) as GapGroup | undefined;
      if (gap === undefined) {
        return { ok: false, message: 'That gap is no longer kept (its questions have passed the retention period).' };
      }
      const decision: GapDecision = {
        gapId: gap.id,
        kind: parsed.data.kind,
        articleId: gap.articleId,
        question: gap.questions[0] ?? '',
        topic: gap.topic,
        by,
        at: options.now().toISOString(),
      };
      if (decision.kind === 'add_question' && decision.articleId === null) {
        return { ok: false, message: 'No article came close to this question, so there is no article to add it to.' };
      }
      if (decision.kind === 'add_example' && decision.articleId === null && decision.topic === 'none') {
        return {
          ok: false,
          message: 'This question has no topic or nearest article to label it with: add it by hand.',
        };
      }
      await items.set(decisionKey(gap.id), decision, DECISION_TTL_MS);
      await sets.add('decided', gap.id);
      return { ok: true, decision, gap };
    },
    get,
    async list() {
      const ids = (await sets.members('decided')).sort();
      const found = ids.length === 0 ? [] : await items.getMany(ids.map(decisionKey));
      return (found.filter((item) => item !== undefined) as GapDecision[]).sort((a, b) => a.at.localeCompare(b.at));
    },
    async markApplied(gapIds) {
      const at = options.now().toISOString();
      for (const id of gapIds) {
        const decision = await get(id);
        if (decision) await items.set(decisionKey(id), { ...decision, appliedAt: at }, DECISION_TTL_MS);
      }
    },
  };
}

/** The decisions on the core's store and clock. */
export function createCoreGapDecisions(core: {
  store: Store;
  now: () => Date;
  config: { reports: { questionRetentionDays: number } };
}): GapDecisions {
  return createGapDecisions({
    store: core.store,
    now: core.now,
    gapTtlDays: core.config.reports.questionRetentionDays,
  });
}
