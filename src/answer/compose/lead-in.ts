import type { Knowledge, Section } from '../../knowledge/knowledge.js';
import type { AnswerBlock } from '../answer.js';

type Piece = { blocks: AnswerBlock[]; section?: Section };

/**
 * An answer never opens with a bare table or list: when its first passage is only structure, the article's own
 * one-sentence summary goes before it ("Hackney 100 was for … from 2019", then the table of ages by phase).
 */
export function withLeadIn(pieces: Piece[], knowledge: Knowledge): void {
  const first = pieces[0];
  if (!first?.section || first.blocks.length === 0 || first.blocks.some((block) => block.kind === 'paragraph')) return;
  const summary = knowledge.articles.get(first.section.articleId)?.summary;
  if (summary) first.blocks.unshift({ kind: 'paragraph', text: summary });
}
