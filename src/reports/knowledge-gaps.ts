import { createHash } from 'node:crypto';
import { figureAsOf } from '../knowledge/figure-as-of.js';
import { formatFigure } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { searchTerms } from '../knowledge/normalise-text.js';
import { staleNotice } from '../knowledge/stale-notice.js';
import { LOW_CONFIDENCE, type QuestionRecord } from './question-log.js';

export type GapReason = 'declined' | 'low_confidence' | 'thumbs_down' | 'passed_to_team';

/** Similar questions the knowledge did not serve, near one article; `id` stays the same from week to week. */
export type GapGroup = {
  id: string;
  articleId: string | null;
  /** The understanding step's topic of the first question (`none` when it had none). */
  topic: string;
  questions: string[];
  reasons: GapReason[];
  /** 👎 reasons given, as typed (masked of anything like an email address or phone number). */
  downReasons: string[];
  count: number;
};

/** A figure past its next expected change with no newer value held: the owner of its article should check it. */
export type StaleFigure = {
  key: string;
  label: string;
  value: string;
  from: string;
  notice: string;
  articleId: string;
};

export type OwnerDigest = {
  owner: string;
  reviewDue: { articleId: string; title: string; reviewBy: string; overdue: boolean }[];
  staleFigures: StaleFigure[];
  gaps: GapGroup[];
};

export const UNASSIGNED_OWNER = 'Unassigned (no article came close)';
const SIMILAR = 0.5;

function reasonsOf(question: QuestionRecord): GapReason[] {
  const reasons: GapReason[] = [];
  if (question.outcome === 'declined') reasons.push('declined');
  if (question.outcome === 'passed_to_team') reasons.push('passed_to_team');
  if (question.confidence !== undefined && question.confidence < LOW_CONFIDENCE) reasons.push('low_confidence');
  if (question.rating === 'down') reasons.push('thumbs_down');
  return reasons;
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
};

/** A stable id for a group: its article and its first question, lower case with spacing collapsed. */
export function gapId(articleId: string | null, question: string): string {
  const text = question.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(`${articleId ?? ''}\n${text}`)
    .digest('hex')
    .slice(0, 16);
}

const masked = (reason: string) =>
  reason
    .replace(/\s+/g, ' ')
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(/\+?\d[\d\s()-]{8,}\d/g, '[number]')
    .slice(0, 200);

/**
 * Questions the knowledge did not serve well, grouped by the article they came closest to and then by similarity
 * of their search terms (stemmed, stop words out): a question joins the first group it shares half its terms with.
 */
export function groupGaps(questions: readonly QuestionRecord[]): GapGroup[] {
  const groups: (GapGroup & { terms: Set<string> })[] = [];
  for (const question of questions) {
    const reasons = reasonsOf(question);
    if (reasons.length === 0) continue;
    const terms = new Set(searchTerms(question.question));
    const articleId = question.articleId ?? null;
    let group = groups.find(
      (candidate) => candidate.articleId === articleId && jaccard(candidate.terms, terms) >= SIMILAR,
    );
    if (!group) {
      group = {
        id: gapId(articleId, question.question),
        articleId,
        topic: question.topic,
        questions: [],
        reasons: [],
        downReasons: [],
        count: 0,
        terms,
      };
      groups.push(group);
    }
    group.count += 1;
    if (!group.questions.includes(question.question)) group.questions.push(question.question);
    for (const reason of reasons) if (!group.reasons.includes(reason)) group.reasons.push(reason);
    for (const term of terms) group.terms.add(term);
    if (question.rating === 'down' && question.reason) group.downReasons.push(masked(question.reason));
  }
  return groups
    .map(({ terms: _terms, ...group }) => group)
    .sort((a, b) => b.count - a.count || String(a.articleId).localeCompare(String(b.articleId)));
}

/** Figures whose expected change has passed by `today` with no newer value held, by the article that explains them. */
export function staleFigures(knowledge: Knowledge, today: string): StaleFigure[] {
  const stale: StaleFigure[] = [];
  for (const fact of [...knowledge.facts.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const notice = staleNotice(fact, today);
    const held = figureAsOf(fact, today);
    if (notice === undefined || held === undefined) continue;
    stale.push({
      key: fact.key,
      label: fact.label,
      value: formatFigure(held.value, fact.unit),
      from: held.from,
      notice,
      articleId: fact.article,
    });
  }
  return stale;
}

/**
 * One digest per content owner: their articles past `reviewBy` or due within 30 days, figures past their expected
 * change, and the gaps nearest their articles. Gaps no article came close to go to an "unassigned" digest.
 */
export function ownerDigests(knowledge: Knowledge, gaps: readonly GapGroup[], today: string): OwnerDigest[] {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const byOwner = new Map<string, OwnerDigest>();
  const digestOf = (owner: string) => {
    let digest = byOwner.get(owner);
    if (!digest) {
      digest = { owner, reviewDue: [], staleFigures: [], gaps: [] };
      byOwner.set(owner, digest);
    }
    return digest;
  };
  for (const article of [...knowledge.articles.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    if (article.reviewBy <= soon) {
      digestOf(article.owner).reviewDue.push({
        articleId: article.id,
        title: article.title,
        reviewBy: article.reviewBy,
        overdue: article.reviewBy < today,
      });
    }
  }
  for (const figure of staleFigures(knowledge, today)) {
    digestOf(knowledge.articles.get(figure.articleId)?.owner ?? UNASSIGNED_OWNER).staleFigures.push(figure);
  }
  for (const gap of gaps) {
    const article = gap.articleId === null ? undefined : knowledge.articles.get(gap.articleId);
    digestOf(article?.owner ?? UNASSIGNED_OWNER).gaps.push(gap);
  }
  return [...byOwner.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}
