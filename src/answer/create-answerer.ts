import type { ModelConfig } from '../config.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { buildSearchIndex, type SearchIndex } from '../knowledge/search-index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import { committedModel, knowledgeSubjects, MAX_MESSAGE_CHARACTERS, understand } from '../understand/index.js';
import type { Answer, Answerer, AnswerRequest } from './answer.js';
import { calculate } from './calculate.js';
import { composeExtractive } from './compose-extractive.js';
import type { ModelAnswerer } from './model-answer.js';
import { conversationalReply, declineReply } from './replies.js';
import { retrieve } from './retrieve.js';

export type AnswererDeps = {
  knowledge: Knowledge;
  store: Store;
  log: Logger;
  model: ModelConfig;
  promptsDir: string;
  cacheTtlMs: number;
  now: () => Date;
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const TRUNCATED_NOTICE = `Your message was long, so I read only its first ${MAX_MESSAGE_CHARACTERS.toLocaleString('en-GB')} characters.`;

const withNotice = (answer: Answer, notice: string | undefined): Answer =>
  notice === undefined ? answer : { ...answer, notice: answer.notice ? `${notice} ${answer.notice}` : notice };

/**
 * Builds the answer engine. Each message is understood once (intent, topic, follow-up, calculator inputs); then a
 * calculator, a reply that needs no knowledge, a decline, or retrieval over the knowledge base with a grounded model
 * answer when a model is configured (checked against its passages) or an extractive one.
 */
export async function createAnswerer(deps: AnswererDeps): Promise<Answerer> {
  const index: SearchIndex = buildSearchIndex(deps.knowledge);
  committedModel(); // read the understanding model at start-up, not on the first question
  const model: ModelAnswerer | undefined =
    deps.model === 'off'
      ? undefined
      : await (await import('./model-answer.js')).createModelAnswerer({
          config: deps.model,
          knowledge: deps.knowledge,
          store: deps.store,
          log: deps.log,
          promptsDir: deps.promptsDir,
          cacheTtlMs: deps.cacheTtlMs,
        });

  async function answerUnderstood(request: AnswerRequest, question: string): Promise<Answer> {
    const today = isoDay(deps.now());
    const asOf = request.asOf ?? today;
    const audience = request.audience ?? 'staff';
    const understanding = understand({
      message: question,
      history: request.history ?? [],
      asOf,
      today,
      subjects: knowledgeSubjects(deps.knowledge),
    });
    const enquirySuggested = understanding.intent === 'enquiry';
    const intent = understanding.timeAskedAbout;
    const base = { asOf, mode: 'extractive' as const };
    const understood = (answer: Answer): Answer => ({ ...answer, understanding });

    let asks: Answer | undefined;
    const reply = conversationalReply(understanding, base, question);
    if (reply) return understood(reply);
    if (understanding.intent === 'out_of_scope') return understood(declineReply(understanding, base));
    if (understanding.calculator) {
      const calculated = calculate(deps.knowledge, understanding.calculator, asOf, today);
      // When no values could be read, the rules from the knowledge base come first and the calculator's questions
      // after them (a configured model may read the values itself and call the calculator).
      const onlyAsks =
        calculated !== undefined && calculated.figures.length === 0 && (calculated.needs?.length ?? 0) > 0;
      if (calculated && !onlyAsks) return understood(calculated);
      asks = calculated;
    }

    const retrieval = retrieve(deps.knowledge, index, question, { audience, understanding });
    const extractive = composeExtractive({
      knowledge: deps.knowledge,
      index,
      retrieval,
      intent,
      asOf,
      today,
      audience,
      enquirySuggested,
      question,
      ...(understanding.followUp &&
        understanding.inherits?.latest !== undefined && { latest: understanding.inherits.latest }),
    });
    if (asks && (extractive.kind === 'decline' || !retrieval.inScope)) return understood(asks);
    if (!model && asks) {
      return understood({
        ...extractive,
        text: `${extractive.text}\n\n${asks.text}`,
        ...(asks.needs && { needs: asks.needs }),
      });
    }
    if (!model || extractive.kind === 'decline' || !retrieval.inScope) return understood(extractive);
    const modelled = await model.answer({
      request: { ...request, question },
      retrieval,
      extractive,
      asOf,
      today,
      audience,
      calculatorInputs: Object.values(understanding.calculator?.inputs ?? {}).filter(
        (value): value is number => typeof value === 'number',
      ),
    });
    return understood(modelled);
  }

  return {
    async answer(request: AnswerRequest): Promise<Answer> {
      // Only the start of a very long message is read, so its size cannot cost memory or time.
      const trimmed = request.question.slice(0, MAX_MESSAGE_CHARACTERS + 1000).trim();
      const truncated = trimmed.length > MAX_MESSAGE_CHARACTERS;
      const question = truncated ? trimmed.slice(0, MAX_MESSAGE_CHARACTERS) : trimmed;
      const history = request.history?.map((turn) => ({
        role: turn.role,
        text: turn.text.slice(0, MAX_MESSAGE_CHARACTERS),
      }));
      const answer = await answerUnderstood(
        { ...request, question, ...(history !== undefined && { history }) },
        question,
      );
      return withNotice(answer, truncated ? TRUNCATED_NOTICE : undefined);
    },
  };
}
