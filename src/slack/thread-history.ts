import type { WebClient } from '@slack/web-api';
import type { Turn } from '../answer/answer.js';
import { ThreadReplies } from './payload-schemas.js';

/** How many earlier turns of a thread are passed to the engine. */
const HISTORY_TURNS = 10;

/** Earlier turns of a thread (oldest first), excluding the message being answered. */
export async function readThreadHistory(
  client: WebClient,
  options: { channel: string; threadTs: string; beforeTs: string; botUserId?: string | undefined },
): Promise<Turn[]> {
  const response = ThreadReplies.parse(
    await client.conversations.replies({ channel: options.channel, ts: options.threadTs, limit: 50 }),
  );
  const turns: Turn[] = [];
  for (const message of response.messages) {
    if (message.ts === options.beforeTs || Number(message.ts) > Number(options.beforeTs)) continue;
    const text = stripMentions(message.text ?? '');
    if (text === '') continue;
    const isBot =
      message.bot_id !== undefined || (options.botUserId !== undefined && message.user === options.botUserId);
    turns.push({ role: isBot ? 'assistant' : 'user', text });
  }
  return turns.slice(-HISTORY_TURNS);
}

/** Removes `<@U123>` mentions and tidies spaces, leaving the question itself. */
export function stripMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
