/**
 * Escapes user-supplied text for Slack mrkdwn: `&`, `<` and `>` become entities, so `<!channel>`, `<@U1>` and
 * `<https://x|y>` typed by a person are shown as text and never notify or link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped and with mrkdwn emphasis characters removed, for quoting a person's words inside formatting. */
export function quoteMrkdwn(text: string, limit = 200): string {
  const short = text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
  return escapeMrkdwn(short).replace(/[_*~`]/g, '');
}
