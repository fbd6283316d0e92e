import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../log.js';

/** A Slack message's text as a person reads it: links, emails and phone numbers unwrapped, entities decoded. */
export function plainSlackText(text: string): string {
  return text
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<tel:([^|>]+)(?:\|([^>]*))?>/g, (_match, number: string, label?: string) => label || number)
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A link to a message, or undefined when Slack will not give one (the form still opens without it). */
export async function permalinkOf(
  client: WebClient,
  channel: string,
  messageTs: string,
  log: Logger,
): Promise<string | undefined> {
  try {
    const result = await client.chat.getPermalink({ channel, message_ts: messageTs });
    return result.permalink;
  } catch (error) {
    log.warn({ err: error, channel }, 'could not get a message permalink');
    return undefined;
  }
}

/** Where a reply to someone's button press goes: ephemeral in the channel they pressed it in, else a DM. */
export type ReplyTarget = { userId: string; channel?: string; threadTs?: string };

/** Tells one person something only they should see. */
export async function tellUser(client: WebClient, target: ReplyTarget, text: string): Promise<void> {
  if (target.channel) {
    await client.chat.postEphemeral({
      channel: target.channel,
      user: target.userId,
      text,
      ...(target.threadTs !== undefined && { thread_ts: target.threadTs }),
    });
    return;
  }
  await client.chat.postMessage({ channel: target.userId, text });
}
