import type { Audience } from '../knowledge/article-schema.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import type { Citation } from './answer.js';
import { markdownAsOf } from './compose/text-as-of.js';

const SNIPPET_LIMIT = 320;

/**
 * Text of a section as of a date: dated passages applied, sentences whose figure has no value then left out, figures
 * written in, markdown links and emphasis removed (lists and tables kept for the composer to structure).
 */
export function sectionText(knowledge: Knowledge, section: Section, asOfIso: string): string {
  return markdownAsOf(section.body, knowledge, asOfIso)
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** Whether an article may be shown to someone with this audience. */
export function isVisibleTo(audience: Audience, articleAudience: Audience): boolean {
  return audience === 'staff' || articleAudience === 'public';
}

/** Numbered citations for sections, in the order given, skipping repeats. */
export function citeSections(knowledge: Knowledge, sections: Section[], asOfIso: string, today: string): Citation[] {
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const section of sections) {
    if (seen.has(section.id)) continue;
    seen.add(section.id);
    const article = knowledge.articles.get(section.articleId);
    if (!article) continue;
    const text = sectionText(knowledge, section, asOfIso)
      .replace(/^\s*\|?[\s|:-]*-{3,}[\s|:-]*$/gm, '')
      .replace(/\s*\|\s*/g, ' · ')
      .replace(/\s+/g, ' ')
      .replace(/^· | ·$/g, '');
    const source = article.sources[0];
    citations.push({
      n: citations.length + 1,
      sectionId: section.id,
      articleId: article.id,
      title: article.title,
      heading: section.heading,
      snippet: text.length > SNIPPET_LIMIT ? `${text.slice(0, SNIPPET_LIMIT - 1).trimEnd()}…` : text,
      url: source?.url ?? '',
      sourceTitle: source?.title ?? article.title,
      reviewed: article.reviewed,
      reviewBy: article.reviewBy,
      isDueForReview: article.reviewBy < today,
    });
  }
  return citations;
}

/** Citations for whole articles (their lead section), for calculators that rest on several articles. */
export function citeArticles(knowledge: Knowledge, articleIds: string[], asOfIso: string, today: string): Citation[] {
  const sections = articleIds
    .map((id) => knowledge.articles.get(id)?.sections[0])
    .filter((section): section is Section => section !== undefined);
  return citeSections(knowledge, sections, asOfIso, today);
}
