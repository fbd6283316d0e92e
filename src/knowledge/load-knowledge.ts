import type { z } from 'zod';
import { KnowledgeError } from '../errors.js';
import { ArticleFrontMatter } from './article-schema.js';
import { factKeysIn } from './fact-references.js';
import { type Fact, FactsFile } from './fact-schema.js';
import { FRONT_MATTER_FIRST_LINE, splitFrontMatter } from './front-matter.js';
import type { Article, Knowledge, Section } from './knowledge.js';
import { FACTS_FILE, type KnowledgeSource, readKnowledgeSource } from './knowledge-source.js';
import { parseLocatedYaml } from './yaml-location.js';

export { type KnowledgeSource, readKnowledgeSource } from './knowledge-source.js';

/** Loads and checks every article and the facts table; throws KnowledgeError listing file, line, field and reason. */
export async function loadKnowledge(directory: string): Promise<Knowledge> {
  return parseKnowledge(await readKnowledgeSource(directory));
}

/** Parses and checks what `readKnowledgeSource` read. */
export function parseKnowledge(source: KnowledgeSource): Knowledge {
  const problems: string[] = [];
  const facts = new Map<string, Fact>();
  if (source.factsText === undefined) {
    problems.push(`${FACTS_FILE}: file not found in ${source.directory}`);
  } else {
    const located = parseLocatedYaml(source.factsText);
    problems.push(...located.errors.map((error) => `${FACTS_FILE}: ${error}`));
    if (located.errors.length === 0) {
      const parsed = FactsFile.safeParse(located.data);
      if (parsed.success) {
        // Values are kept oldest first, so lookups by date can walk them in order.
        for (const [key, entry] of Object.entries(parsed.data)) {
          facts.set(key, { key, ...entry, values: [...entry.values].sort((a, b) => a.from.localeCompare(b.from)) });
        }
      } else {
        problems.push(...describeIssues(FACTS_FILE, parsed.error.issues, located.lineOf));
      }
    }
  }

  const articles = new Map<string, Article>();
  for (const { file, text } of source.files) {
    const article = parseArticle(file, text, problems);
    if (!article) continue;
    const clash = articles.get(article.id);
    if (clash) {
      problems.push(`${file}: id "${article.id}" is already used by ${clash.file}`);
      continue;
    }
    articles.set(article.id, article);
  }

  for (const article of articles.values()) {
    for (const key of article.factKeys) {
      if (!facts.has(key)) problems.push(`${article.file}: refers to fact "${key}", which is not in ${FACTS_FILE}`);
    }
  }
  for (const fact of facts.values()) {
    if (articles.size > 0 && !articles.has(fact.article)) {
      problems.push(`${FACTS_FILE}: ${fact.key}.article: no article has id "${fact.article}"`);
    }
  }

  if (problems.length > 0) throw new KnowledgeError(problems);
  return {
    articles,
    facts,
    sections: [...articles.values()].flatMap((article) => article.sections),
    version: source.version,
  };
}

function parseArticle(file: string, text: string, problems: string[]): Article | undefined {
  const parts = splitFrontMatter(text);
  if (!parts) {
    problems.push(`${file}: line 1: expected YAML front matter between --- lines`);
    return undefined;
  }
  const located = parseLocatedYaml(parts.frontMatter, FRONT_MATTER_FIRST_LINE);
  if (located.errors.length > 0) {
    problems.push(...located.errors.map((error) => `${file}: ${error}`));
    return undefined;
  }
  const result = ArticleFrontMatter.safeParse(located.data ?? {});
  if (!result.success) {
    problems.push(...describeIssues(file, result.error.issues, located.lineOf));
    return undefined;
  }
  const body = parts.body.trim();
  if (body.length < 40) {
    problems.push(`${file}: the article has no body text`);
    return undefined;
  }
  const frontMatter = result.data;
  return {
    ...frontMatter,
    file,
    body,
    sections: splitSections(frontMatter.id, body),
    factKeys: factKeysIn(body),
  };
}

function describeIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(top level)';
    const line = lineOf(issue.path);
    return `${file}: ${line === undefined ? '' : `line ${line}: `}${field}: ${issue.message}`;
  });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Splits an article body at `## ` headings; text before the first heading is the overview. */
export function splitSections(articleId: string, body: string): Section[] {
  const sections: Section[] = [];
  let heading = 'Overview';
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) {
      const base = heading === 'Overview' ? 'overview' : slug(heading);
      let id = `${articleId}#${base}`;
      for (let n = 2; sections.some((section) => section.id === id); n += 1) id = `${articleId}#${base}-${n}`;
      sections.push({ id, articleId, heading, body: text, order: sections.length });
    }
  };
  for (const line of body.split('\n')) {
    const match = /^##\s+(.+?)\s*$/.exec(line);
    if (match) {
      flush();
      heading = match[1] as string;
      lines = [];
    } else if (!/^#\s/.test(line)) {
      lines.push(line);
    }
  }
  flush();
  return sections;
}
