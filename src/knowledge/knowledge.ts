import type { ArticleFrontMatter } from './article-schema.js';
import type { Fact } from './fact-schema.js';
import type { SearchIndexData } from './search-index.js';

/** A `## ` section of an article: the unit that is searched, quoted and cited. */
export type Section = {
  /** `articleId#heading-slug` (the article's lead text is `articleId#overview`). */
  id: string;
  articleId: string;
  heading: string;
  /** Markdown with fact references (`{{fact:KEY}}`, `{{from:KEY}}`) still in place. */
  body: string;
  order: number;
};

export type Article = ArticleFrontMatter & {
  file: string;
  body: string;
  sections: Section[];
  /** Fact keys the article refers to. */
  factKeys: string[];
};

export type Knowledge = {
  articles: Map<string, Article>;
  facts: Map<string, Fact>;
  sections: Section[];
  /** Content hash: changes whenever any article or fact changes (keys caches). */
  version: string;
  /** The search index as a snapshot saved it, so that start-up need not build it again. */
  searchIndexData?: SearchIndexData;
};
