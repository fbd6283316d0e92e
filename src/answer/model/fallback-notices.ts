import OpenAI from 'openai';

/** What the person is told when the model path gives way to the answer composed from the knowledge base. */
export const FALLBACK_NOTICES = {
  timeout: 'The language model did not answer in time, so this answer was composed directly from the knowledge base.',
  rate_limited:
    'The language model is busy (rate limited), so this answer was composed directly from the knowledge base.',
  server_error: 'The language model is unavailable, so this answer was composed directly from the knowledge base.',
  cut_short: "The language model's answer was cut short, so this answer was composed directly from the knowledge base.",
  filtered:
    "The language model's content filter stopped its answer, so this answer was composed directly from the knowledge base.",
  not_streamed:
    'The language model sent its answer in a form Skills Desk cannot read, so this answer was composed directly from the knowledge base.',
  other: 'The language model could not be used, so this answer was composed directly from the knowledge base.',
} as const;

export type FallbackReason = keyof typeof FALLBACK_NOTICES;

/** Why a model call failed, in the terms the person is told. */
export function failureKind(error: unknown, timedOut: boolean): FallbackReason {
  if (timedOut) return 'timeout';
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.RateLimitError) return 'rate_limited';
  if (error instanceof OpenAI.APIError && typeof error.status === 'number' && error.status >= 500)
    return 'server_error';
  if (error instanceof OpenAI.APIError && error.status === 400 && /content.?filter|content_policy/i.test(error.message))
    return 'filtered';
  if (error instanceof Error && error.name === 'AbortError') return 'timeout';
  return 'other';
}
