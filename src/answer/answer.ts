import type { Audience } from '../knowledge/article-schema.js';
import type { Understanding } from '../understand/understanding.js';

/** A numbered source under an answer; `n` matches the `[n]` marker in the answer text. */
export type Citation = {
  n: number;
  sectionId: string;
  articleId: string;
  title: string;
  heading: string;
  /** The passage quoted, with figures written in as of the answer's date. */
  snippet: string;
  /** Where the passage comes from: the article's first source. */
  url: string;
  sourceTitle: string;
  reviewed: string;
  reviewBy: string;
  isDueForReview: boolean;
};

/** A figure an answer states, with the date it applies from (the "as of" contract). */
export type StatedFigure = { key: string; label: string; value: string; from: string; to?: string };

export type Turn = { role: 'user' | 'assistant'; text: string };

export type AnswerRequest = {
  question: string;
  /** Earlier turns of the same thread, oldest first. */
  history?: Turn[];
  /** YYYY-MM-DD; defaults to today. */
  asOf?: string;
  /** Who is asking: `public` (guests, other organisations) sees only public articles. Default `staff`. */
  audience?: Audience;
  /** Called with text as it is produced (model answers only), for streaming transports. */
  onText?: (delta: string) => void;
};

/**
 * One piece of an answer's structure, free of any platform: each transport renders it its own way (a Block Kit or
 * Adaptive Card table, aligned text on a terminal) while `text` keeps a plain version for the others.
 */
export type AnswerBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** How to reach the team that handles something, for "who do I contact" questions. */
export type ContactRoute = { team: string; how: string; logEnquiry: boolean };

export type AnswerMode = 'model' | 'extractive';

/** What the engine returns: data only; each transport renders it its own way. */
export type Answer = {
  kind: 'answer' | 'decline';
  /** Plain text with light markdown (`**bold**`, `- ` bullets) and `[n]` citation markers. */
  text: string;
  citations: Citation[];
  /** True when the message is, or reports, an employer's enquiry that could be logged. */
  enquirySuggested: boolean;
  mode: AnswerMode;
  /** The date the answer speaks for (YYYY-MM-DD). */
  asOf: string;
  figures: StatedFigure[];
  /** Set when something about how the answer was made needs saying (e.g. the model was unavailable). */
  notice?: string;
  /** The same answer as structure: paragraphs, whole lists and tables (extractive answers). */
  blocks?: AnswerBlock[];
  /** Set for "who do I contact" answers: the route, and whether the transport should offer to log it. */
  contact?: ContactRoute;
  /** Set when a calculator produced the answer. */
  tool?: 'levy' | 'eligibility' | 'co-investment';
  /** A calculator's full working (every line with its arithmetic), for "Show working"; `text` is the short answer. */
  working?: string;
  /** The calculator and the inputs it ran with, so a follow-up can re-run it with a change (`rerunCalculator`). */
  calculation?: { kind: 'levy' | 'eligibility' | 'co-investment'; inputs: Record<string, unknown> };
  /** Values a calculator still needs, as questions to ask. */
  needs?: string[];
  /** What the understanding step made of the message (intent, topic, follow-up, calculator inputs). */
  understanding?: Understanding;
};

export type Answerer = {
  answer(request: AnswerRequest): Promise<Answer>;
};
