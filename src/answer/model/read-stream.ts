import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { firstUnvouchedFigure, type GuardOptions } from '../grounding-guard.js';

export type StreamedAnswer = {
  text: string;
  /** What the model said it stopped for; undefined when the stream ended without saying (cut short). */
  finishReason: string | undefined;
  toolCalls: Map<number, { name: string; args: string }>;
  /** The text already shown to the person, sentence by sentence. */
  shown: string;
  /** Text held back: an unfinished last sentence, or everything after a sentence that failed its check. */
  pending: string;
  broken: boolean;
};

/** Splits streamed text at sentence ends so each sentence can be checked before it is shown. */
function completeSentences(buffer: string): { done: string; rest: string } {
  const match = /^[\s\S]*[.!?:](?:\s*\[\d+\])*(?:\s+|\n)/.exec(buffer);
  if (!match) return { done: '', rest: buffer };
  return { done: match[0], rest: buffer.slice(match[0].length) };
}

/**
 * Reads a Chat Completions stream: collects the text and tool calls and the finish reason, and passes to
 * `onText` only whole sentences whose citations and figures already check out against the passages.
 */
export async function readStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  check: { passages: Map<number, string>; trusted: string; options: GuardOptions },
  onText: ((delta: string) => void) | undefined,
): Promise<StreamedAnswer> {
  const result: StreamedAnswer = {
    text: '',
    finishReason: undefined,
    toolCalls: new Map(),
    shown: '',
    pending: '',
    broken: false,
  };
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (!choice) continue;
    if (choice.finish_reason) result.finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (!delta) continue;
    for (const call of delta.tool_calls ?? []) {
      const existing = result.toolCalls.get(call.index) ?? { name: '', args: '' };
      result.toolCalls.set(call.index, {
        name: existing.name + (call.function?.name ?? ''),
        args: existing.args + (call.function?.arguments ?? ''),
      });
    }
    if (!delta.content) continue;
    result.text += delta.content;
    if (!onText || result.broken || result.text.startsWith('NO_ANSWER')) continue;
    result.pending += delta.content;
    const { done, rest } = completeSentences(result.pending);
    if (!done) continue;
    const knownPassages = [...done.matchAll(/\[(\d+)\]/g)].every((match) => check.passages.has(Number(match[1])));
    if (knownPassages && !firstUnvouchedFigure(done, [check.trusted, ...check.passages.values()], check.options)) {
      onText(done);
      result.shown += done;
      result.pending = rest;
    } else {
      result.broken = true;
    }
  }
  return result;
}
