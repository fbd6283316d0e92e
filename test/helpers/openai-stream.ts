/** One server-sent event of a Chat Completions stream. */
function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_763_900_000,
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
}

/** A Chat Completions server-sent-events body that streams `parts` as content deltas. */
export function chatStreamBody(parts: string[]): string {
  return [
    chunk({ role: 'assistant', content: '' }),
    ...parts.map((part) => chunk({ content: part })),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ].join('');
}

/** A Chat Completions stream in which the model calls one tool with `args`. */
export function chatToolCallBody(name: string, args: Record<string, unknown>): string {
  return [
    chunk({
      role: 'assistant',
      tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name, arguments: '' } }],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: JSON.stringify(args) } }] }),
    chunk({}, 'tool_calls'),
    'data: [DONE]\n\n',
  ].join('');
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream' };
