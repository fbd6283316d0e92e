const NOTICE = /^That is the latest (.+?) held \((.+?)\): (.+)$/;

/**
 * Out-of-date notices that say the same thing about several figures ("a new rate is normally announced each
 * October or November, so check livingwage.org.uk") become one sentence naming each figure once.
 */
export function mergeNotices(notices: string[]): string[] {
  const merged: { tail: string; parts: string[] }[] = [];
  const others: string[] = [];
  for (const notice of notices) {
    const match = NOTICE.exec(notice);
    if (!match) {
      others.push(notice);
      continue;
    }
    const [, name, held, tail] = match as unknown as [string, string, string, string];
    const group = merged.find((entry) => entry.tail === tail);
    const part = `${name} (${held})`;
    if (group) group.parts.push(part);
    else merged.push({ tail, parts: [part] });
  }
  const sentences = merged.map(({ tail, parts }) =>
    parts.length === 1
      ? `That is the latest ${(parts[0] as string).replace(/ \((.+)\)$/, ' held ($1)')}: ${tail}`
      : `These are the latest held: ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}; ${tail}`,
  );
  return [...sentences, ...others];
}
