import { answerWithTools } from '../calculators/index.js';
import type { ModelConfig } from '../config.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { buildSearchIndex, type SearchIndex } from '../knowledge/search-index.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import type { Answer, Answerer, AnswerRequest } from './answer.js';
import { composeExtractive } from './compose-extractive.js';
import { isEmployerEnquiry } from './detect-enquiry.js';
import type { ModelAnswerer } from './model-answer.js';
import { readQuestionTime } from './question-time.js';
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

/** Wording that asks for a calculation for a particular employer or person, not for the rules in general. */
const ASKS_TO_CALCULATE =
  /\b(calculate|work out|estimate|how much (?:levy )?(?:will|would|do|does|should|must|did)\b|what (?:will|would) (?:we|i|they) pay|eligible|eligibility|qualif\w*|check (?:if|whether)|can (?:a|an|this|my|our|the) (?:\d+|person|man|woman|someone|employee|member))/i;

/**
 * Builds the answer engine: calculators for calculator questions, then retrieval over the knowledge base, then a
 * grounded model answer when a model is configured (checked against its passages) or an extractive one.
 */
export async function createAnswerer(deps: AnswererDeps): Promise<Answerer> {
  const index: SearchIndex = buildSearchIndex(deps.knowledge);
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

  return {
    async answer(request: AnswerRequest): Promise<Answer> {
      const today = isoDay(deps.now());
      const asOf = request.asOf ?? today;
      const audience = request.audience ?? 'staff';
      const question = request.question.trim();
      const enquirySuggested = isEmployerEnquiry(question);
      const intent = readQuestionTime(question, asOf);
      const ruleDate = intent.time.kind === 'day' ? intent.time.date : intent.time.end;

      const retrieval = retrieve(deps.knowledge, index, question, {
        audience,
        ...(request.history !== undefined && { history: request.history }),
      });
      const calculated = answerWithTools(deps.knowledge, question, ruleDate, today);
      // A calculator that could only ask for its inputs yields to the knowledge base when the question reads as a
      // question about the rules ("do bonuses count in the levy pay bill?") rather than a request to work one out.
      const onlyAsks = (calculated?.needs?.length ?? 0) > 0;
      if (calculated && !(onlyAsks && retrieval.inScope && !ASKS_TO_CALCULATE.test(question))) {
        return { ...calculated, enquirySuggested: calculated.enquirySuggested || enquirySuggested };
      }
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
      });
      if (!model || extractive.kind === 'decline' || !retrieval.inScope) return extractive;
      return model.answer({ request: { ...request, question }, retrieval, extractive, asOf, today, audience });
    },
  };
}
