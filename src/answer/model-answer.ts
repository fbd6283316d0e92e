import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { runTool, toolDefinitions } from '../calculators/index.js';
import type { Audience } from '../knowledge/article-schema.js';
import { figureAsOf } from '../knowledge/figure-as-of.js';
import { formatDate, formatFigure } from '../knowledge/format.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/create-store.js';
import type { Answer, AnswerRequest, Citation } from './answer.js';
import { citeSections, sectionText } from './cite.js';
import { createEmbeddingRanker } from './embedding-ranker.js';
import { checkGrounding, type GuardOptions } from './grounding-guard.js';
import { loadPrompt } from './load-prompt.js';
import { FALLBACK_NOTICES, type FallbackReason, failureKind } from './model/fallback-notices.js';
import { readStream, type StreamedAnswer } from './model/read-stream.js';
import type { Retrieval } from './retrieve.js';

type Config = { apiKey: string; model: string; baseUrl?: string; timeoutMs: number; embeddingModel?: string };

export type ModelAnswerInput = {
  request: AnswerRequest;
  retrieval: Retrieval;
  /** The answer to give instead when the model fails or its answer does not hold up. */
  extractive: Answer;
  asOf: string;
  today: string;
  audience: Audience;
  /** Values a calculator read from the question; the only figures of the question an answer may echo. */
  calculatorInputs?: number[];
};

export type ModelAnswerer = { answer(input: ModelAnswerInput): Promise<Answer> };

const MAX_PASSAGES = 6;

/** The calculators in the Chat Completions tool shape (works with Azure OpenAI and other compatible servers). */
const chatTools = () =>
  toolDefinitions().map((tool) => ({
    type: 'function' as const,
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));

/** A grounded answer written by an OpenAI-compatible model from the retrieved passages only, checked in code. */
export async function createModelAnswerer(deps: {
  config: Config;
  knowledge: Knowledge;
  store: Store;
  log: Logger;
  promptsDir: string;
  cacheTtlMs: number;
}): Promise<ModelAnswerer> {
  const client = new OpenAI({
    apiKey: deps.config.apiKey,
    timeout: deps.config.timeoutMs,
    maxRetries: 0,
    ...(deps.config.baseUrl !== undefined && { baseURL: deps.config.baseUrl }),
  });
  const systemPrompt = await loadPrompt(deps.promptsDir, 'answer-system');
  const userPrompt = await loadPrompt(deps.promptsDir, 'answer-user');
  const cache = deps.store.namespace<Answer>('answer-cache');
  const sectionsById = new Map(deps.knowledge.sections.map((section) => [section.id, section]));
  const ranker = deps.config.embeddingModel
    ? createEmbeddingRanker({
        client,
        model: deps.config.embeddingModel,
        knowledge: deps.knowledge,
        store: deps.store,
        log: deps.log,
      })
    : undefined;

  return {
    async answer(input) {
      const { request, retrieval, extractive, asOf, today } = input;
      const fallback = (reason: FallbackReason): Answer => ({
        ...extractive,
        notice: FALLBACK_NOTICES[reason],
      });

      const cacheKey = createHash('sha256')
        .update(
          JSON.stringify([
            request.question.toLowerCase(),
            asOf,
            input.audience,
            deps.knowledge.version,
            deps.config.model,
          ]),
        )
        .digest('hex');
      // ANSWER_CACHE_TTL_HOURS=0 turns the cache off.
      const canCache = (request.history ?? []).length === 0 && deps.cacheTtlMs > 0;
      if (canCache) {
        const cached = await cache.get(cacheKey);
        if (cached) return cached;
      }

      // The passages: the sections the extractive answer cited first, then the rest of the retrieved ones.
      const sections: Section[] = [];
      for (const id of extractive.citations.map((citation) => citation.sectionId)) {
        const section = sectionsById.get(id);
        if (section) sections.push(section);
      }
      const ranked = ranker
        ? await ranker.rank(request.question, retrieval, { asOf, audience: input.audience })
        : retrieval.sections.map(({ section }) => section);
      for (const section of ranked) {
        if (sections.length >= MAX_PASSAGES) break;
        if (!sections.includes(section)) sections.push(section);
      }
      const allCitations = citeSections(deps.knowledge, sections, asOf, today);
      const passageTexts = new Map<number, string>();
      sections.forEach((section, position) => {
        passageTexts.set(position + 1, `${section.heading}. ${sectionText(deps.knowledge, section, asOf)}`);
      });
      const figureLines = extractive.figures.map(
        (figure) =>
          `- ${figure.label}: ${figure.value}, from ${formatDate(figure.from)}${figure.to ? ` to ${formatDate(figure.to)}` : ''}`,
      );
      for (const { fact } of retrieval.facts.slice(0, 3)) {
        const entry = figureAsOf(fact, asOf);
        const line = entry
          ? `- ${fact.label}: ${formatFigure(entry.value, fact.unit)}, from ${formatDate(entry.from)}`
          : undefined;
        if (line && !figureLines.includes(line)) figureLines.push(line);
      }

      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: systemPrompt.render({ asOf: formatDate(asOf) }) },
        {
          role: 'user',
          content: userPrompt.render({
            today: formatDate(today),
            asOf: formatDate(asOf),
            figures: figureLines.join('\n') || '(none)',
            passages: [...passageTexts].map(([n, text]) => `[${n}] ${text}`).join('\n\n'),
            history:
              (request.history ?? [])
                .map((turn) => `${turn.role === 'user' ? 'Staff' : 'Skills Desk'}: ${turn.text}`)
                .join('\n') || '(none)',
            question: request.question,
          }),
        },
      ];

      // The question's own figures are never evidence; only the figures list, the passages, the day asked about
      // and today, and calculator inputs the answer echoes.
      const trusted = figureLines.join('\n');
      const guardOptions: GuardOptions = {
        contextDates: [asOf, today],
        calculatorInputs: input.calculatorInputs ?? [],
      };
      // One deadline for the whole answer, the stream included: a stream that stalls is cut off at it.
      const deadline = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        deadline.abort();
      }, deps.config.timeoutMs);
      let streamed: StreamedAnswer;
      try {
        const { data: stream, response } = await client.chat.completions
          .create(
            { model: deps.config.model, messages, stream: true, temperature: 0, tools: chatTools() },
            { signal: deadline.signal },
          )
          .withResponse();
        const contentType = response.headers.get('content-type') ?? '';
        if (!contentType.includes('text/event-stream')) {
          deadline.abort();
          deps.log.warn(
            { contentType },
            'model endpoint answered a stream request without streaming; answering extractively',
          );
          return fallback('not_streamed');
        }
        streamed = await readStream(stream, { passages: passageTexts, trusted, options: guardOptions }, request.onText);
      } catch (error) {
        const kind = failureKind(error, timedOut);
        deps.log.warn({ err: error, reason: kind }, 'model unavailable; answering extractively');
        return fallback(kind);
      } finally {
        clearTimeout(timer);
      }
      // The SDK ends a stream aborted mid-way quietly (no error): an answer stopped by the deadline is a timeout.
      if (timedOut) {
        deps.log.warn({ reason: 'timeout' }, 'model answer did not finish in time; answering extractively');
        return fallback('timeout');
      }
      const { text, toolCalls, pending } = streamed;
      if (streamed.finishReason === undefined || streamed.finishReason === 'length') {
        deps.log.warn(
          { finishReason: streamed.finishReason ?? null },
          'model answer was cut short; answering extractively',
        );
        return fallback('cut_short');
      }
      if (streamed.finishReason === 'content_filter') {
        deps.log.warn({ finishReason: streamed.finishReason }, 'model answer was filtered; answering extractively');
        return fallback('filtered');
      }

      const call = toolCalls.get(0);
      if (call?.name) {
        let args: unknown;
        try {
          args = JSON.parse(call.args || '{}');
        } catch {
          args = undefined;
        }
        const outcome = runTool(deps.knowledge, call.name, args, asOf, today);
        if (!outcome.ok) {
          deps.log.info({ tool: call.name }, 'model tool call rejected; answering extractively');
          return extractive;
        }
        return {
          kind: 'answer',
          text: outcome.text,
          citations: outcome.citations,
          enquirySuggested: extractive.enquirySuggested,
          mode: 'model',
          asOf,
          figures: outcome.result.figures,
          tool: outcome.tool,
        };
      }

      const answerText = text.trim();
      if (answerText === '' || answerText.startsWith('NO_ANSWER')) return extractive;
      const check = checkGrounding({
        text: answerText,
        passages: passageTexts,
        alwaysAllowed: trusted,
        ...guardOptions,
      });
      if (!check.ok) {
        deps.log.warn({ reason: check.reason }, 'model answer failed the grounding check; answering extractively');
        return extractive;
      }
      if (request.onText && pending && !streamed.broken) request.onText(pending);
      const citations: Citation[] = allCitations.filter((citation) => check.cited.includes(citation.n));
      const answer: Answer = {
        kind: 'answer',
        text: answerText,
        citations,
        enquirySuggested: extractive.enquirySuggested,
        mode: 'model',
        asOf,
        figures: extractive.figures,
      };
      if (canCache) await cache.set(cacheKey, answer, deps.cacheTtlMs);
      return answer;
    },
  };
}
