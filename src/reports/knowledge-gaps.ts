import type { Knowledge } from '../knowledge/knowledge.js';
import { searchTerms } from '../knowledge/normalise-text.js';
import { LOW_CONFIDENCE, type QuestionRecord } from './question-log.js';

export type GapReason = 'declined' | 'low_confidence' | 'thumbs_down' | 'passed_to_team';
export type GapGroup = { articleId: string | null; questions: string[]; reasons: GapReason[]; count: number };
export type OwnerDigest = {
  owner: string;
  reviewDue: { articleId: string; title: string; reviewBy: string; overdue: boolean }[];
  gaps: GapGroup[];
};

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
    const group = groups.find(
      (candidate) => candidate.articleId === articleId && jaccard(candidate.terms, terms) >= SIMILAR,
    );
    if (group) {
      group.count += 1;
      if (!group.questions.includes(question.question)) group.questions.push(question.question);
      for (const reason of reasons) if (!group.reasons.includes(reason)) group.reasons.push(reason);
      for (const term of terms) group.terms.add(term);
    } else {
      groups.push({ articleId, questions: [question.question], reasons, count: 1, terms });
    }
  }
  return groups
    .map(({ terms: _terms, ...group }) => group)
    .sort((a, b) => b.count - a.count || String(a.articleId).localeCompare(String(b.articleId)));
}

/** One digest per content owner: their articles past `reviewBy` or due within 30 days, and the gaps nearest them. */
export function ownerDigests(knowledge: Knowledge, gaps: readonly GapGroup[], today: string): OwnerDigest[] {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const byOwner = new Map<string, OwnerDigest>();
  const digestOf = (owner: string) => {
    let digest = byOwner.get(owner);
    if (!digest) {
      digest = { owner, reviewDue: [], gaps: [] };
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
  for (const gap of gaps) {
    const article = gap.articleId === null ? undefined : knowledge.articles.get(gap.articleId);
    digestOf(article?.owner ?? 'Unassigned (no article came close)').gaps.push(gap);
  }
  return [...byOwner.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}
