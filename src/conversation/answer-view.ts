import type { Answer, AnswerMode, Citation } from '../answer/answer.js';
import { formatDate } from '../knowledge/format.js';
import { type ViewBlock, viewBlocks } from './view-blocks.js';

/** Limits that hold on every platform, so an answer looks the same in Slack and Teams. */
export const VIEW_LIMITS = {
  /** Teams refuses a message with more than 10 citation entities; Slack shows the same 10. */
  citations: 10,
  /** How much of the question a button or card may carry; the whole question stays server-side by answer id. */
  questionInAction: 300,
  /** Longest answer text shown (Slack's streaming limit is 12,000 characters). */
  textChars: 12_000,
} as const;

export type ViewCitation = {
  n: number;
  /** "Article: Section", or the article title for its lead section. */
  label: string;
  title: string;
  url: string;
  snippet: string;
  reviewed: string;
  reviewBy: string;
  isDueForReview: boolean;
};

export type ViewNotice = {
  kind: 'engine' | 'due-for-review' | 'figures-as-of' | 'clipped';
  text: string;
};

export type ViewAction =
  | { kind: 'ask-team'; primary: boolean }
  | { kind: 'log-enquiry' }
  | { kind: 'calculator'; tool: 'levy' | 'eligibility' }
  | { kind: 'show-working'; text: string }
  | { kind: 'feedback' };

/** What both transports render: data only, no Block Kit and no Adaptive Card. */
export type AnswerView = {
  answerId: string;
  kind: Answer['kind'];
  mode: AnswerMode;
  asOf: string;
  /** The engine's light markdown (`**bold**`, `- ` lists, `[n]` markers), clipped to the view's limit. */
  text: string;
  /** The same answer as structure (paragraphs, whole lists, tables), which each transport renders natively. */
  blocks: ViewBlock[];
  citations: ViewCitation[];
  notices: ViewNotice[];
  actions: ViewAction[];
  /** The question as asked, cut to `VIEW_LIMITS.questionInAction` for carrying in buttons. */
  questionPreview: string;
  isExternal: boolean;
  isModelWritten: boolean;
};

/** Builds the view from an answer: structure, sources, notices and actions are decided here and nowhere else. */
export function buildAnswerView(
  answer: Answer,
  context: { answerId: string; question: string; isExternal: boolean },
): AnswerView {
  const citations = answer.citations.slice(0, VIEW_LIMITS.citations).map(viewCitation);
  const kept = new Set(citations.map((citation) => citation.n));
  const notices: ViewNotice[] = [];
  let text = answer.text.replace(/\s?\[(\d+)\]/g, (marker, n: string) => (kept.has(Number(n)) ? marker : ''));
  const structure = viewBlocks(answer.blocks, answer.text, (n) => kept.has(n), VIEW_LIMITS.textChars);
  if (text.length > VIEW_LIMITS.textChars || structure.isClipped) {
    if (text.length > VIEW_LIMITS.textChars) text = `${text.slice(0, VIEW_LIMITS.textChars - 1).trimEnd()}…`;
    notices.push({ kind: 'clipped', text: 'This answer was cut short to fit. Ask a narrower question for the rest.' });
  }
  if (answer.notice) notices.push({ kind: 'engine', text: answer.notice });
  const due = citations.filter((citation) => citation.isDueForReview);
  if (due.length > 0) {
    const list = due.map((citation) => `[${citation.n}] (due ${formatDate(citation.reviewBy)})`).join(', ');
    notices.push({ kind: 'due-for-review', text: `Source due for review: ${list}. Check before relying on it.` });
  }
  if (answer.figures.length > 0)
    notices.push({ kind: 'figures-as-of', text: `Figures as of ${formatDate(answer.asOf)}.` });

  const actions: ViewAction[] = [];
  // Only the levy and eligibility calculators have forms in Slack and Teams.
  if (answer.tool === 'levy' || answer.tool === 'eligibility') actions.push({ kind: 'calculator', tool: answer.tool });
  const working = workingOf(answer);
  if (working) actions.push({ kind: 'show-working', text: working });
  if (!context.isExternal) {
    actions.push({ kind: 'ask-team', primary: answer.kind === 'decline' });
    if (answer.enquirySuggested) actions.push({ kind: 'log-enquiry' });
  }
  actions.push({ kind: 'feedback' });

  const question = context.question.trim();
  return {
    answerId: context.answerId,
    kind: answer.kind,
    mode: answer.mode,
    asOf: answer.asOf,
    text,
    blocks: structure.blocks,
    citations,
    notices,
    actions,
    questionPreview:
      question.length > VIEW_LIMITS.questionInAction
        ? `${question.slice(0, VIEW_LIMITS.questionInAction - 1).trimEnd()}…`
        : question,
    isExternal: context.isExternal,
    isModelWritten: answer.mode === 'model',
  };
}

/** Whether the view offers an action of this kind. */
export function hasAction<K extends ViewAction['kind']>(view: AnswerView, kind: K): boolean {
  return view.actions.some((action) => action.kind === kind);
}

function viewCitation(citation: Citation): ViewCitation {
  // The lead section of an article has no heading of its own worth showing.
  const isLead =
    !citation.heading ||
    citation.heading === citation.title ||
    (citation.sectionId.endsWith('#overview') && citation.heading.toLowerCase() === 'overview');
  return {
    n: citation.n,
    label: isLead ? citation.title : `${citation.title}: ${citation.heading}`,
    title: citation.title,
    url: citation.url,
    snippet: citation.snippet,
    reviewed: citation.reviewed,
    reviewBy: citation.reviewBy,
    isDueForReview: citation.isDueForReview,
  };
}

/** A calculator's arithmetic, for "Show working". */
function workingOf(answer: Answer): string | undefined {
  return answer.working !== undefined && answer.working.trim() !== '' ? answer.working : undefined;
}
