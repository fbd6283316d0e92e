import { IsoDate } from './article-schema.js';

/**
 * Article prose that holds only for some dates: `{{since:2024-04-01}}…{{/since}}` is shown from that day on,
 * `{{until:2024-03-31}}…{{/until}}` up to and including that day. Markers may span lines but do not nest.
 */
export const DATED_PROSE = /\{\{(since|until):([^}]*)\}\}([\s\S]*?)\{\{\/\1\}\}/g;

const ANY_MARKER = /\{\{\/?(since|until)(?::([^}]*))?\}\}/g;

/** The text as it reads on `isoDate`: dated passages kept or dropped, their markers removed. */
export function applyDatedProse(text: string, isoDate: string): string {
  return text.replace(DATED_PROSE, (_whole, kind: string, date: string, inner: string) => {
    const holds = kind === 'since' ? isoDate >= date : isoDate <= date;
    return holds ? inner : '';
  });
}

/** Problems with the dated-prose markers in one text: unclosed, unopened, nested or with a bad date. */
export function datedProseProblems(text: string): string[] {
  const problems: string[] = [];
  const open: { kind: string; date: string }[] = [];
  for (const match of text.matchAll(ANY_MARKER)) {
    const [whole, kind = '', date] = match;
    if (whole.startsWith('{{/')) {
      const last = open.pop();
      if (!last) problems.push(`${whole} closes nothing`);
      else if (last.kind !== kind) problems.push(`{{${last.kind}:${last.date}}} is closed by ${whole}`);
      continue;
    }
    if (date === undefined || !IsoDate.safeParse(date).success) {
      problems.push(`${whole}: expected a date written YYYY-MM-DD`);
    }
    if (open.length > 0) problems.push(`${whole} is nested inside another dated passage`);
    open.push({ kind, date: date ?? '' });
  }
  for (const left of open) problems.push(`{{${left.kind}:${left.date}}} is never closed with {{/${left.kind}}}`);
  return problems;
}
