import type { Store } from '../store/create-store.js';
import type { Citation } from './answer.js';

export type Rating = 'up' | 'down';

export type FeedbackRecord = {
  platform: 'slack' | 'teams';
  /** The answer message (Slack ts / Teams activity id) the feedback is about. */
  messageId: string;
  userId: string;
  rating: Rating;
  reason?: string;
  question: string;
  answerText: string;
  sources: Pick<Citation, 'articleId' | 'sectionId' | 'title' | 'url'>[];
  at: string;
};

export type FeedbackStore = {
  /** Keeps the last choice per person per answer (Slack's buttons toggle without a "deselected" signal). */
  record(feedback: FeedbackRecord): Promise<void>;
  /** Adds a reason to a person's existing rating. */
  addReason(platform: FeedbackRecord['platform'], messageId: string, userId: string, reason: string): Promise<boolean>;
  get(platform: FeedbackRecord['platform'], messageId: string, userId: string): Promise<FeedbackRecord | undefined>;
};

export function createFeedbackStore(store: Store): FeedbackStore {
  const records = store.namespace<FeedbackRecord>('feedback');
  const keyOf = (platform: string, messageId: string, userId: string) => `${platform}:${messageId}:${userId}`;
  return {
    async record(feedback) {
      await records.set(keyOf(feedback.platform, feedback.messageId, feedback.userId), feedback);
    },
    async addReason(platform, messageId, userId, reason) {
      const key = keyOf(platform, messageId, userId);
      const existing = await records.get(key);
      if (!existing) return false;
      await records.set(key, { ...existing, reason });
      return true;
    },
    async get(platform, messageId, userId) {
      return records.get(keyOf(platform, messageId, userId));
    },
  };
}
