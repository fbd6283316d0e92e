import { errorCode } from '../errors.js';

/**
 * The code to log for a failure: Slack's own error (`invalid_blocks`, `channel_not_found`, `ratelimited`…) for a
 * Web API refusal, the Web API client's code for transport faults, otherwise the product's code.
 */
export function slackErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const record = error as { code?: unknown; data?: { error?: unknown } };
    if (typeof record.data?.error === 'string') return record.data.error;
    if (typeof record.code === 'string' && record.code.startsWith('slack_')) return record.code;
  }
  return errorCode(error);
}
