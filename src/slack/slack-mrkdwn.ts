import { escapeMrkdwn } from './escape.js';

/** Converts the engine's light markdown to Slack mrkdwn, escaping everything else; keeps `[n]` citation markers. */
export function toSlackMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let converted = escapeMrkdwn(line);
      converted = converted.replace(/^#{1,6}\s+(.+)$/, '*$1*');
      converted = converted.replace(/^(\s*)[-*]\s+/, '$1• ');
      converted = converted.replace(/\*\*(.+?)\*\*/g, '*$1*');
      converted = converted.replace(/__(.+?)__/g, '*$1*');
      converted = converted.replace(
        /\[([^\]]+)\]\((https?:\/\/[^)\s|]+)\)/g,
        (_all, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`,
      );
      return converted;
    })
    .join('\n');
}
