import type { ConversationReference } from '@microsoft/agents-activity';
import type { Answer, Turn } from '../answer/answer.js';
import type { FeedbackRecord } from '../answer/feedback.js';
import { HISTORY_TURNS } from '../conversation/index.js';
import type { Store } from '../store/create-store.js';

const HISTORY_TTL_MS = 24 * 3_600_000;
const ANSWER_TTL_MS = 90 * 24 * 3_600_000;

/** What the bot remembers about an answer it sent, so feedback on it can be stored with its question and sources. */
export type SentAnswer = Pick<FeedbackRecord, 'question' | 'answerText' | 'sources'>;

/** The bot's own Teams state in the shared store: thread history, sent answers and conversation references. */
export type TeamsMemory = {
  history(conversationId: string): Promise<Turn[]>;
  addTurns(conversationId: string, turns: Turn[]): Promise<void>;
  rememberAnswer(messageId: string, question: string, answer: Answer): Promise<void>;
  sentAnswer(messageId: string): Promise<SentAnswer | undefined>;
  /** Keeps where to reach a person (their personal chat) for proactive messages. */
  rememberUser(userId: string, reference: ConversationReference): Promise<void>;
  userReference(userId: string): Promise<ConversationReference | undefined>;
};

export function createTeamsMemory(store: Store): TeamsMemory {
  const histories = store.namespace<Turn[]>('teams-history');
  const answers = store.namespace<SentAnswer>('teams-answers');
  const references = store.namespace<ConversationReference>('teams-references');
  return {
    async history(conversationId) {
      return (await histories.get(conversationId)) ?? [];
    },
    async addTurns(conversationId, turns) {
      const previous = (await histories.get(conversationId)) ?? [];
      await histories.set(conversationId, [...previous, ...turns].slice(-HISTORY_TURNS), HISTORY_TTL_MS);
    },
    async rememberAnswer(messageId, question, answer) {
      await answers.set(
        messageId,
        {
          question,
          answerText: answer.text,
          sources: answer.citations.map(({ articleId, sectionId, title, url }) => ({
            articleId,
            sectionId,
            title,
            url,
          })),
        },
        ANSWER_TTL_MS,
      );
    },
    async sentAnswer(messageId) {
      return answers.get(messageId);
    },
    async rememberUser(userId, reference) {
      await references.set(`user:${userId}`, reference);
    },
    async userReference(userId) {
      return references.get(`user:${userId}`);
    },
  };
}
