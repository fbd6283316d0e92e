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
import { checkGrounding, firstUnvouchedFigure } from './grounding-guard.js';
import { loadPrompt } from './load-prompt.js';
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
};

export type ModelAnswerer = { answer(input: ModelAnswerInput): Promise<Answer> };

const MAX_PASSAGES = 6;

/** The calculators in the Chat Completions tool shape (works with Azure OpenAI and other compatible servers). */
const CHAT_TOOLS = toolDefinitions.map((tool) => ({
  type: 'function' as const,
  function: { name: tool.name, description: tool.description, parameters: tool.parameters },
}));

const FALLBACK_NOTICES = {
  timeout: 'The language model did not answer in time, so this answer was composed directly from the knowledge base.',
  rate_limited:
    'The language model is busy (rate limited), so this answer was composed directly from the knowledge base.',
  server_error: 'The language model is unavailable, so this answer was composed directly from the knowledge base.',
  other: 'The language model could not be used, so this answer was composed directly from the knowledge base.',
} as const;

function failureKind(error: unknown): keyof typeof FALLBACK_NOTICES {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.RateLimitError) return 'rate_limited';
  if (error instanceof OpenAI.APIError && typeof error.status === 'number' && error.status >= 500)
    return 'server_error';
  if (error instanceof Error && error.name === 'AbortError') return 'timeout';
  return 'other';
}

/** Splits streamed text at sentence ends so each sentence can be checked before it is shown. */
function completeSentences(buffer: string): { done: string; rest: string } {
  const match = /^[\s\S]*[.!?:](?:\s*\[\d+\])*(?:\s+|\n)/.exec(buffer);
  if (!match) return { done: '', rest: buffer };
  return { done: match[0], rest: buffer.slice(match[0].length) };
}

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
      const fallback = (reason: keyof typeof FALLBACK_NOTICES): Answer => ({
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
      const canCache = (request.history ?? []).length === 0;
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

      let text = '';
      let pending = '';
      let streamBroken = false;
      const toolCalls = new Map<number, { name: string; args: string }>();
      const alwaysAllowed = [figureLines.join('\n'), request.question, formatDate(asOf), formatDate(today)].join('\n');
      try {
        const stream = await client.chat.completions.create({
          model: deps.config.model,
          messages,
          stream: true,
          temperature: 0,
          tools: CHAT_TOOLS,
        });
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta;
          if (!delta) continue;
          for (const call of delta.tool_calls ?? []) {
            const existing = toolCalls.get(call.index) ?? { name: '', args: '' };
            toolCalls.set(call.index, {
              name: existing.name + (call.function?.name ?? ''),
              args: existing.args + (call.function?.arguments ?? ''),
            });
          }
          if (!delta.content) continue;
          text += delta.content;
          if (!request.onText || streamBroken || text.startsWith('NO_ANSWER')) continue;
          // Show only sentences whose figures and citations already check out.
          pending += delta.content;
          const { done, rest } = completeSentences(pending);
          if (!done) continue;
          const knownPassages = [...done.matchAll(/\[(\d+)\]/g)].every((match) => passageTexts.has(Number(match[1])));
          if (knownPassages && !firstUnvouchedFigure(done, [alwaysAllowed, ...passageTexts.values()])) {
            request.onText(done);
            pending = rest;
          } else {
            streamBroken = true;
          }
        }
      } catch (error) {
        const kind = failureKind(error);
        deps.log.warn({ err: error, reason: kind }, 'model unavailable; answering extractively');
        return fallback(kind);
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
      const check = checkGrounding({ text: answerText, passages: passageTexts, alwaysAllowed });
      if (!check.ok) {
        deps.log.warn({ reason: check.reason }, 'model answer failed the grounding check; answering extractively');
        return extractive;
      }
      if (request.onText && pending && !streamBroken) request.onText(pending);
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
