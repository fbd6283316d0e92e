import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { IsoDate } from '../knowledge/article-schema.js';
import { parseLocatedYaml } from '../knowledge/yaml-location.js';
import { INTENTS } from '../understand/understanding.js';
import type { Answer, Answerer } from './answer.js';

export const EvalQuestion = z
  .object({
    id: z.string().trim().min(1),
    question: z.string().trim().min(1),
    asOf: IsoDate.optional(),
    audience: z.enum(['staff', 'public']).optional(),
    history: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string() })).optional(),
    expect: z.enum(['answer', 'decline', 'enquiry']),
    /** Optional: the intent the understanding step should find, for the eval's confusion matrix. */
    intent: z.enum(INTENTS).optional(),
    mustInclude: z.array(z.string()).default([]),
    mustNotInclude: z.array(z.string()).default([]),
    source: z.string().optional(),
  })
  .strict();
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export const EvalFile = z.array(EvalQuestion).min(1, { error: 'expected a list of at least one question' });

export type EvalFileResult = { ok: true; questions: EvalQuestion[] } | { ok: false; problems: string[] };

/** Reads a YAML question set, reporting each problem with its line. */
export async function readEvalQuestions(path: string): Promise<EvalFileResult> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { ok: false, problems: [`${path}: file not found`] };
  const located = parseLocatedYaml(text);
  if (located.errors.length > 0) return { ok: false, problems: located.errors.map((error) => `${path}: ${error}`) };
  const parsed = EvalFile.safeParse(located.data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const line = located.lineOf(issue.path);
        return `${path}: ${line === undefined ? '' : `line ${line}: `}${issue.path.join('.') || '(top level)'}: ${issue.message}`;
      }),
    };
  }
  const seen = new Set<string>();
  const duplicates = parsed.data.filter((item) => {
    const repeated = seen.has(item.id);
    seen.add(item.id);
    return repeated;
  });
  if (duplicates.length > 0)
    return { ok: false, problems: duplicates.map((item) => `${path}: id "${item.id}" is used twice`) };
  return { ok: true, questions: parsed.data };
}

export type EvalOutcome = { item: EvalQuestion; answer: Answer; failures: string[]; millis: number };

export type EvalReport = {
  outcomes: EvalOutcome[];
  passed: number;
  failed: number;
  passRate: number;
  /** Questions with an expected source: share whose source is cited at all, and cited first. */
  retrieval: { withSource: number; sourceCited: number; sourceFirst: number };
  declines: { expected: number; declined: number };
  enquiries: { expected: number; flagged: number };
  falseDeclines: number;
  medianMillis: number;
};

function check(item: EvalQuestion, answer: Answer): string[] {
  const failures: string[] = [];
  const text = answer.text.toLowerCase();
  if (item.expect === 'decline' && answer.kind !== 'decline') failures.push('expected a decline, got an answer');
  if (item.expect === 'answer' && answer.kind !== 'answer') failures.push('expected an answer, got a decline');
  if (item.expect === 'enquiry' && !answer.enquirySuggested)
    failures.push('expected it to be flagged as an employer enquiry');
  if (item.expect !== 'enquiry' && answer.enquirySuggested)
    failures.push('flagged as an employer enquiry but is not one');
  for (const needle of item.mustInclude) {
    if (!text.includes(needle.toLowerCase())) failures.push(`missing "${needle}"`);
  }
  for (const needle of item.mustNotInclude) {
    if (text.includes(needle.toLowerCase())) failures.push(`should not include "${needle}"`);
  }
  if (
    item.source &&
    item.expect !== 'decline' &&
    !answer.citations.some((citation) => citation.articleId === item.source)
  ) {
    failures.push(`source ${item.source} not cited`);
  }
  return failures;
}

/** Runs every question through the answerer and scores it against its expectations. */
export async function runEval(answerer: Answerer, questions: EvalQuestion[]): Promise<EvalReport> {
  const outcomes: EvalOutcome[] = [];
  for (const item of questions) {
    const started = performance.now();
    const answer = await answerer.answer({
      question: item.question,
      ...(item.asOf !== undefined && { asOf: item.asOf }),
      ...(item.audience !== undefined && { audience: item.audience }),
      ...(item.history !== undefined && { history: item.history }),
    });
    outcomes.push({ item, answer, failures: check(item, answer), millis: performance.now() - started });
  }
  const passed = outcomes.filter((outcome) => outcome.failures.length === 0).length;
  const withSource = outcomes.filter((outcome) => outcome.item.source && outcome.item.expect !== 'decline');
  const declineItems = outcomes.filter((outcome) => outcome.item.expect === 'decline');
  const enquiryItems = outcomes.filter((outcome) => outcome.item.expect === 'enquiry');
  const times = outcomes.map((outcome) => outcome.millis).sort((a, b) => a - b);
  return {
    outcomes,
    passed,
    failed: outcomes.length - passed,
    passRate: outcomes.length === 0 ? 0 : passed / outcomes.length,
    retrieval: {
      withSource: withSource.length,
      sourceCited: withSource.filter((outcome) =>
        outcome.answer.citations.some((citation) => citation.articleId === outcome.item.source),
      ).length,
      sourceFirst: withSource.filter((outcome) => outcome.answer.citations[0]?.articleId === outcome.item.source)
        .length,
    },
    declines: {
      expected: declineItems.length,
      declined: declineItems.filter((outcome) => outcome.answer.kind === 'decline').length,
    },
    enquiries: {
      expected: enquiryItems.length,
      flagged: enquiryItems.filter((outcome) => outcome.answer.enquirySuggested).length,
    },
    falseDeclines: outcomes.filter((outcome) => outcome.item.expect === 'answer' && outcome.answer.kind === 'decline')
      .length,
    medianMillis: times[Math.floor(times.length / 2)] ?? 0,
  };
}
