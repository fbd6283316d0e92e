import { createHmac } from 'node:crypto';

/** Headers Slack would send with `body`, signed with `signingSecret` at `timestampSeconds` (default now). */
export function signSlackRequest(
  body: string,
  signingSecret: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const base = `v0:${timestampSeconds}:${body}`;
  const signature = `v0=${createHmac('sha256', signingSecret).update(base).digest('hex')}`;
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': signature,
  };
}
