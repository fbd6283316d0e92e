import type { Answer } from '../answer/answer.js';
import type { Logger } from '../log.js';
import { createCoreQuestionLog, type QuestionInput, type QuestionLog } from './question-log.js';

/** What the conversation step hands over about one answered or declined question. */
export type AnsweredQuestion = {
  platform: QuestionInput['platform'];
  userId?: string;
  question: string;
  answer: Answer;
  /** The answer record's id: the question is stored under it, so 👍/👎 on the answer finds it. */
  answerId?: string;
};

// Greetings, help and commands are not questions about the service: they say nothing about gaps in the knowledge.
const NOT_QUESTIONS = new Set(['greeting', 'help', 'command']);

/** The question log's view of an answer: topic, answered or declined, confidence and the article it came closest to. */
export function questionOf(asked: AnsweredQuestion): QuestionInput | undefined {
  const understanding = asked.answer.understanding;
  if (understanding && NOT_QUESTIONS.has(understanding.intent)) return undefined;
  const articleId = asked.answer.citations[0]?.articleId;
  return {
    platform: asked.platform,
    ...(asked.userId !== undefined && { userId: asked.userId }),
    ...(asked.answerId !== undefined && { id: asked.answerId }),
    question: asked.question.slice(0, 4_000),
    topic: understanding?.topic ?? 'none',
    outcome: asked.answer.kind === 'decline' ? 'declined' : 'answered',
    ...(understanding !== undefined && { confidence: understanding.confidence }),
    ...(articleId !== undefined && { articleId }),
  };
}

/**
 * Records a question in the log for reports and the knowledge-gaps digest. Never throws: the answer has been
 * given whatever happens here, so a failed write is logged and the conversation goes on.
 */
export async function recordQuestion(
  log: Pick<QuestionLog, 'record'> | undefined,
  asked: AnsweredQuestion,
  logger: Logger,
): Promise<void> {
  if (log === undefined) return;
  const input = questionOf(asked);
  if (input === undefined) return;
  try {
    await log.record(input);
  } catch (error) {
    logger.warn({ err: error, platform: asked.platform }, 'question not kept for reports');
  }
}

/**
 * Adds a 👍/👎 to the question it rates, found by its text and asker (for platforms whose feedback names only the
 * message). Never throws: the feedback itself has been stored by then.
 */
export async function rateAskedQuestion(
  core: Parameters<typeof createCoreQuestionLog>[0] & { log: Logger },
  asked: { platform: QuestionInput['platform']; userId?: string; question?: string | undefined },
  rating: 'up' | 'down',
  reason?: string,
): Promise<void> {
  if (asked.question === undefined || asked.question.trim() === '') return;
  try {
    const found = await createCoreQuestionLog(core).rateAsked(
      {
        platform: asked.platform,
        question: asked.question,
        ...(asked.userId !== undefined && { userId: asked.userId }),
      },
      rating,
      reason,
    );
    if (!found) core.log.debug({ platform: asked.platform }, 'rated question not in the question log');
  } catch (error) {
    core.log.warn({ err: error, platform: asked.platform }, 'rating not kept for reports');
  }
}
