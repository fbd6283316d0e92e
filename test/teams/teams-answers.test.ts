import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { readEvalQuestions } from '../../src/answer/eval-questions.js';
import { teamsText } from '../../src/teams/render-answer.js';
import { restoreNetwork } from '../helpers/network.js';
import {
  captureReplies,
  createSigningKey,
  isolateNetwork,
  OTHER_TENANT_ID,
  postActivity,
  serveAppToken,
  serveKeys,
  serveStaffMemberEverywhere,
  startTestTeams,
  type TestTeams,
  teamsActivity,
} from './teams-harness.js';

const EVAL_FILE = 'test/eval/questions.yml';
const SAMPLE_SIZE = 10;
// Used until the evaluation set exists: one question per topic.
const OWN_QUESTIONS = [
  'What is the London Living Wage?',
  'How much levy does an employer with a £5m pay bill pay?',
  'What is Hackney 100?',
  'Can a 19 year old with a degree start an apprenticeship?',
  'What employment and skills obligations does a Section 106 agreement usually include?',
  'How long do levy funds last before they expire?',
];

/** About ten questions spread across the evaluation set: those a Teams user could ask as they stand. */
async function sampleQuestions(): Promise<string[]> {
  if (!existsSync(EVAL_FILE)) return OWN_QUESTIONS;
  const file = await readEvalQuestions(EVAL_FILE);
  if (!file.ok) throw new Error(file.problems.join('\n'));
  const askable = file.questions.filter(
    (question) => !question.asOf && !question.history?.length && question.audience !== 'public',
  );
  const step = Math.max(1, Math.floor(askable.length / SAMPLE_SIZE));
  return askable
    .filter((_, index) => index % step === 0)
    .slice(0, SAMPLE_SIZE)
    .map((question) => question.question);
}

type Sent = {
  type?: string;
  text?: string;
  entities?: { type: string; citation?: { position: number; appearance: { url: string; name: string } }[] }[];
};

const signingKey = createSigningKey();
const questions = await sampleQuestions();
let teams: TestTeams;

beforeAll(async () => {
  isolateNetwork();
  // Answers are not cached, so each path computes its own.
  teams = await startTestTeams({ env: { ANSWER_CACHE_TTL_HOURS: '0' } });
  serveAppToken().persist();
  serveStaffMemberEverywhere();
});

beforeEach(() => {
  isolateNetwork();
  serveKeys(signingKey.keySet);
});

afterAll(async () => {
  await teams.close();
  restoreNetwork();
});

async function askThroughTeams(question: string, options: { tenantId?: string } = {}): Promise<Sent> {
  const activity = teamsActivity({ text: question, ...options });
  const replies = captureReplies((activity['conversation'] as { id: string }).id, { times: 2 });
  const response = await postActivity(teams.transport.url, activity, signingKey.sign({}));
  expect(response.status).toBe(200);
  replies.scope.done();
  return replies.sent[1] as Sent;
}

function citationsOf(sent: Sent) {
  return sent.entities?.find((entity) => entity.type === 'https://schema.org/Message')?.citation ?? [];
}

/** Teams takes at most 10 citations: markers past the tenth are left out with their entities. */
const TEAMS_CITATIONS = 10;

const lines = (text: string | undefined) => (text ?? '').replace(/\n+/g, '\n');

function expectSameAnswer(sent: Sent, expected: Answer) {
  const kept = (n: number) => n <= TEAMS_CITATIONS;
  // Teams separates a list from its lead-in with a blank line; the lines themselves are the engine's.
  expect(lines(sent.text)).toBe(
    lines(teamsText(expected.text).replace(/\s?\[(\d+)\]/g, (marker, n: string) => (kept(Number(n)) ? marker : ''))),
  );
  expect(citationsOf(sent).map((claim) => [claim.position, claim.appearance.url])).toEqual(
    // A source without a web address (an internal paper) is cited without one: Teams has no empty links.
    expected.citations
      .filter((citation) => kept(citation.n))
      .map((citation) => [citation.n, citation.url === '' ? undefined : citation.url]),
  );
}

describe('Teams answers match the engine', () => {
  it.each(questions)('gives the same answer through Teams as the engine does: %s', async (question) => {
    const sent = await askThroughTeams(question);
    const expected = await teams.core.answerer.answer({ question, history: [], audience: 'staff' });
    expectSameAnswer(sent, expected);
  });

  it('keeps staff-only guidance from a guest in another organisation', async () => {
    const staffOnly = [...teams.core.knowledge.articles.values()].filter((article) => article.audience === 'staff');
    const article = staffOnly[0];
    expect(article, 'the knowledge base has staff-only articles').toBeDefined();
    const question = article!.title;
    const forStaff = await teams.core.answerer.answer({ question, audience: 'staff' });
    // The premise: staff asking this are shown the staff-only article.
    expect(forStaff.citations.map((citation) => citation.articleId)).toContain(article!.id);

    const sent = await askThroughTeams(question, { tenantId: OTHER_TENANT_ID });

    const forPublic = await teams.core.answerer.answer({ question, history: [], audience: 'public' });
    expectSameAnswer(sent, forPublic);
    for (const claim of citationsOf(sent)) expect(claim.appearance.name.startsWith(article!.title)).toBe(false);
  });
});
