import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KnowledgeError } from '../errors.js';
import { ArticleFrontMatter, type Source } from './article-schema.js';
import { datedProseProblems } from './dated-prose.js';
import { FACT_REFERENCE } from './fact-references.js';
import { type Fact, FactsFile, type FactValue } from './fact-schema.js';
import { figureAsOf, lastDayOf } from './figure-as-of.js';
import { formatDate } from './format.js';
import { FRONT_MATTER_FIRST_LINE, splitFrontMatter } from './front-matter.js';
import { loadKnowledge } from './load-knowledge.js';
import { parseLocatedYaml } from './yaml-location.js';

/** The outcome of checking a knowledge folder: errors fail the check, warnings only report. */
export type KnowledgeCheck = {
  errors: string[];
  warnings: string[];
  articleCount: number;
  factCount: number;
};

const FACTS_FILE = 'facts.yml';
const ANY_REFERENCE = /\{\{[^{}]*\}\}/g;
const DATED_MARKER = /^\{\{\/?(since|until)\b/;

/**
 * Checks every article and fact in `directory` as of `today` (YYYY-MM-DD): the loader's schema checks, plus
 * overlapping fact values, malformed source URLs, malformed fact references and articles past their review date.
 */
export async function checkKnowledge(directory: string, today: string): Promise<KnowledgeCheck> {
  const errors: string[] = [];
  const warnings: string[] = [];

  let articleCount = 0;
  let factCount = 0;
  let loaderProblems: string[] = [];
  try {
    const knowledge = await loadKnowledge(directory);
    articleCount = knowledge.articles.size;
    factCount = knowledge.facts.size;
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    loaderProblems = error.problems;
  }

  const facts = await checkFacts(directory, errors, warnings);
  const frontMatterErrors = new Map<string, string[]>();
  await checkArticles(directory, today, facts, { errors, warnings, frontMatterErrors });

  // Front matter problems are reported from this module's own pass, whose line numbers count from the file's first
  // line; the loader's reports of the same problems are dropped so each problem is listed once.
  const fromLoader = loaderProblems.filter(
    (problem) => ![...frontMatterErrors.keys()].some((file) => problem.startsWith(`${file}: line `)),
  );
  const fromFrontMatter = [...frontMatterErrors.values()].flat();
  return {
    errors: unique([...fromLoader, ...fromFrontMatter, ...errors]),
    warnings: unique(warnings),
    articleCount,
    factCount,
  };
}

/** Parses facts.yml on its own (so its checks run even when an article is broken) and checks each history. */
async function checkFacts(directory: string, errors: string[], warnings: string[]): Promise<Map<string, Fact>> {
  const facts = new Map<string, Fact>();
  const text = await readFile(join(directory, FACTS_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return facts;
  const located = parseLocatedYaml(text);
  if (located.errors.length > 0) return facts;
  const parsed = FactsFile.safeParse(located.data);
  if (!parsed.success) return facts;

  for (const [key, entry] of Object.entries(parsed.data)) {
    const fact: Fact = { key, ...entry };
    facts.set(key, fact);
    const where = (index: number, field?: string) => {
      const path = field === undefined ? [key, 'values', index] : [key, 'values', index, field];
      const line = located.lineOf(path);
      return `${FACTS_FILE}: ${line === undefined ? '' : `line ${line}: `}${key}.values[${index}]${field ? `.${field}` : ''}`;
    };

    entry.values.forEach((value, index) => {
      for (const problem of sourceProblems(value.source)) errors.push(`${where(index, 'source')}: ${problem}`);
      for (const problem of unspecificSource(value.source)) warnings.push(`${where(index, 'source')}: ${problem}`);
      const previous = entry.values[index - 1];
      if (previous && previous.from > value.from) {
        warnings.push(`${where(index, 'from')}: values are not oldest first (${previous.from} comes before it)`);
      }
    });

    for (const problem of overlaps(fact)) {
      errors.push(`${where(problem.index, problem.field)}: ${problem.message}`);
    }
  }
  return facts;
}

type Overlap = { index: number; field: 'from' | 'to'; message: string };

/** Pairs of values of one fact that apply on the same day with different values. */
function overlaps(fact: Fact): Overlap[] {
  const problems: Overlap[] = [];
  const spans = fact.values.map((value, index) => ({ value, index, last: lastDayOf(fact, value) ?? '9999-12-31' }));
  for (const [position, first] of spans.entries()) {
    for (const second of spans.slice(position + 1)) {
      const startsInside = second.value.from >= first.value.from && second.value.from <= first.last;
      const contains = first.value.from >= second.value.from && first.value.from <= second.last;
      if (!startsInside && !contains) continue;
      if (sameValue(first.value, second.value)) continue;
      const [earlier, later] = first.value.from <= second.value.from ? [first, second] : [second, first];
      problems.push({
        index: later.index,
        field: 'from',
        message: `value ${String(later.value.value)} from ${later.value.from} overlaps value ${String(
          earlier.value.value,
        )} (${earlier.value.from} to ${earlier.last === '9999-12-31' ? 'open' : earlier.last}); two values cannot apply on the same day`,
      });
    }
  }
  return problems;
}

function sameValue(a: FactValue, b: FactValue): boolean {
  return a.value === b.value;
}

/** Why a source cannot be cited: its URL, when it has one, must be http(s) with a real host name. */
export function sourceProblems(source: Source): string[] {
  if (source.url === undefined) return [];
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    return [`url "${source.url}" is not a well-formed URL`];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`url "${source.url}" must start with http:// or https://`);
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) {
    problems.push(`url "${source.url}" has no host name such as www.gov.uk`);
  }
  return problems;
}

const SEARCH_PATH = /(^|\/)(search|results|find)(\/|\.\w+$|$)/i;
const SEARCH_PARAMETERS = ['q', 'query', 'search', 'search_term', 'searchterm', 'keywords', 's', 'term'];

/**
 * Why a source URL does not point at the page that says the thing: a site's front page, a search-results page or a
 * page of a paginated listing. These still load, so they only warn.
 */
export function unspecificSource(source: Source): string[] {
  if (source.url === undefined) return [];
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    return [];
  }
  const path = url.pathname.replace(/\/+$/, '');
  const parameters = [...url.searchParams.keys()].map((key) => key.toLowerCase());
  if (path === '' && parameters.length === 0) {
    return [`url "${source.url}" is a site's front page; cite the page or document that gives the figure`];
  }
  if (SEARCH_PATH.test(path) || parameters.some((key) => SEARCH_PARAMETERS.includes(key))) {
    return [`url "${source.url}" is a search page; cite the page or document that gives the figure`];
  }
  if (parameters.includes('page') || /\/page\/\d+$/.test(path)) {
    return [`url "${source.url}" is a page of a listing; cite the page or document that gives the figure`];
  }
  return [];
}

/** Reads each article's front matter and body on its own, so one broken article does not hide others' problems. */
async function checkArticles(
  directory: string,
  today: string,
  facts: Map<string, Fact>,
  found: { errors: string[]; warnings: string[]; frontMatterErrors: Map<string, string[]> },
): Promise<void> {
  const { errors, warnings } = found;
  const files = (await readdir(directory, { recursive: true }))
    .filter((file) => file.endsWith('.md') && !file.split('/').some((part) => part.startsWith('_')))
    .sort();
  for (const file of files) {
    const text = await readFile(join(directory, file), 'utf8');
    const parts = splitFrontMatter(text);
    if (!parts) continue; // the loader has already reported missing front matter
    const located = parseLocatedYaml(parts.frontMatter, FRONT_MATTER_FIRST_LINE);
    if (located.errors.length > 0) continue; // the loader has already reported invalid YAML
    const lineOf = (path: readonly PropertyKey[]) => {
      const line = located.lineOf(path);
      return line === undefined ? '' : `line ${line}: `;
    };
    const front = ArticleFrontMatter.safeParse(located.data ?? {});
    if (!front.success) {
      found.frontMatterErrors.set(
        file,
        front.error.issues.map(
          (issue) =>
            `${file}: ${lineOf(issue.path)}${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`,
        ),
      );
      continue;
    }

    if (front.data.reviewBy < today) {
      warnings.push(
        `${file}: ${lineOf(['reviewBy'])}reviewBy: review was due on ${formatDate(front.data.reviewBy)}; check the article and set a new date`,
      );
    }
    front.data.sources.forEach((source, index) => {
      for (const problem of sourceProblems(source)) {
        errors.push(`${file}: ${lineOf(['sources', index, 'url'])}sources[${index}].url: ${problem}`);
      }
      for (const problem of unspecificSource(source)) {
        warnings.push(`${file}: ${lineOf(['sources', index, 'url'])}sources[${index}].url: ${problem}`);
      }
    });

    const bodyStart = text.length - parts.body.length;
    errors.push(...checkDatedProse(file, text, bodyStart));
    for (const match of text.matchAll(ANY_REFERENCE)) {
      if ((match.index ?? 0) < bodyStart) continue;
      const line = text.slice(0, match.index).split('\n').length;
      const reference = match[0];
      const wellFormed = new RegExp(`^${FACT_REFERENCE.source}$`).exec(reference);
      if (!wellFormed && DATED_MARKER.test(reference)) continue;
      if (!wellFormed) {
        errors.push(`${file}: line ${line}: ${reference} is not a fact reference; write {{fact:KEY}} or {{from:KEY}}`);
        continue;
      }
      const key = wellFormed[2] as string;
      const fact = facts.get(key);
      const doubled =
        fact && wellFormed[1] === 'fact' ? doubledUnit(fact, text, match.index ?? 0, reference.length) : undefined;
      if (doubled) {
        errors.push(
          `${file}: line ${line}: ${reference} already reads with its unit, so "${doubled}" next to it is written twice`,
        );
      }
      if (fact && !figureAsOf(fact, today)) {
        warnings.push(
          `${file}: line ${line}: ${reference} has no value in force on ${formatDate(today)}, so it reads "no figure"; write the dated figure as history instead`,
        );
      }
    }
  }
}

/** Words the formatted figure already carries, per unit: "£14.80 an hour", "24 months", "0.5%". */
const UNIT_AFTER: Partial<Record<Fact['unit'], RegExp>> = {
  percent: /^\s*(%|per ?cent\b)/i,
  gbp_per_hour: /^\s*(an hour|per hour|a hour)\b/i,
  hours_per_week: /^\s*(hours?( a| per) week|a week|per week)\b/i,
  months: /^\s*months?\b/i,
  weeks: /^\s*weeks?\b/i,
  days: /^\s*days?\b/i,
  hours: /^\s*hours?\b/i,
  years: /^\s*years?\b/i,
};

/** The unit text written again around a `{{fact:KEY}}` that formats with its own unit, if any. */
function doubledUnit(fact: Fact, text: string, start: number, length: number): string | undefined {
  if ((fact.unit === 'gbp' || fact.unit === 'gbp_per_hour') && text.slice(0, start).endsWith('£')) return '£';
  const after = UNIT_AFTER[fact.unit]?.exec(text.slice(start + length, start + length + 20));
  return after ? (after[1] ?? after[0]).trim() : undefined;
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}

/** Dated prose (`{{since:…}}…{{/since}}`, `{{until:…}}…{{/until}}`) must open and close properly with real dates. */
function checkDatedProse(file: string, text: string, bodyStart: number): string[] {
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return text
    .slice(bodyStart)
    .split(/\n(?=## )/)
    .flatMap((section, n, all) => {
      const line = bodyLine + all.slice(0, n).join('\n').split('\n').length - (n === 0 ? 1 : 0);
      return datedProseProblems(section).map((problem) => `${file}: section at line ${line}: ${problem}`);
    });
}
