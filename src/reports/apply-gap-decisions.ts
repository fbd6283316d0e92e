import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../knowledge/front-matter.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { lazyModule } from '../lazy-module.js';
import type { GapDecision, GapDecisions } from './gap-decisions.js';

/** YAML is needed only when a decision is written into an article: loaded then, not at start-up. */
const loadYaml = lazyModule<typeof import('yaml')>('yaml');

export type AppliedChange = { gapId: string; file: string; change: string };
export type ApplyResult = { applied: AppliedChange[]; skipped: { gapId: string; why: string }[] };

const EXAMPLES_FILE = 'questions-from-gaps.yml';

/**
 * Adds a question to an article's front matter `questions` as one more list line, so the rest of the file stays
 * byte for byte as its author wrote it (re-serialising the YAML would restyle every flow list).
 */
function addArticleQuestion(file: string, question: string): 'added' | 'already there' {
  const text = readFileSync(file, 'utf8');
  const split = splitFrontMatter(text);
  if (split === undefined) throw new Error(`${file} has no front matter`);
  const current = loadYaml().parseDocument(split.frontMatter).toJS() as { questions?: unknown };
  const known = Array.isArray(current.questions) ? current.questions.map((item) => String(item).toLowerCase()) : [];
  if (known.includes(question.toLowerCase())) return 'already there';
  const item = loadYaml().stringify(question, { lineWidth: 0 }).trimEnd();
  const lines = split.frontMatter.split('\n');
  const at = lines.findIndex((line) => /^questions:/.test(line));
  if (at === -1) {
    lines.push('questions:', `  - ${item}`);
  } else if (/^questions:\s*\[\s*\]\s*$/.test(lines[at]!)) {
    lines.splice(at, 1, 'questions:', `  - ${item}`);
  } else {
    let last = at;
    while (/^\s+- /.test(lines[last + 1] ?? '') || /^\s{4,}\S/.test(lines[last + 1] ?? '')) last += 1;
    const indent = /^(\s+)- /.exec(lines[last] ?? '')?.[1] ?? '  ';
    lines.splice(last + 1, 0, `${indent}- ${item}`);
  }
  writeFileSync(file, `---\n${lines.join('\n')}\n---\n${split.body}`);
  return 'added';
}

/** Appends a labelled example (intent `question`, the article's topic) to the topic's file of labelled questions. */
function addLabelledExample(
  folder: string,
  question: string,
  topic: string,
  today: string,
): { file: string; result: 'added' | 'already there' } {
  const topicFile = join(folder, `questions-${topic}.yml`);
  const file = existsSync(topicFile) ? topicFile : join(folder, EXAMPLES_FILE);
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Labelled questions added from the knowledge-gaps digest; review, then run `npm run train`.\n';
  if (text.includes(`text: ${JSON.stringify(question)}`)) return { file, result: 'already there' };
  const note = `from the knowledge-gaps digest, ${today}`;
  // JSON strings are valid YAML double-quoted scalars, so the question needs no escaping of its own.
  const line = `- { text: ${JSON.stringify(question)}, intent: question, topic: ${topic}, note: ${JSON.stringify(note)} }\n`;
  writeFileSync(file, `${text}${text.endsWith('\n') ? '' : '\n'}${line}`);
  return { file, result: 'added' };
}

/**
 * Writes the accepted questions into the knowledge files for the content owner to review and commit: "add to the
 * article" into the article's front matter `questions`, "add as a labelled example" into knowledge/understanding.
 * Decisions already applied, and "handled" ones, are left alone. Each applied decision is marked applied.
 */
export async function applyGapDecisions(deps: {
  knowledge: Knowledge;
  decisions: Pick<GapDecisions, 'list' | 'markApplied'>;
  /** KNOWLEDGE_DIR: articles are read from their files there, labelled examples go to its `understanding/`. */
  knowledgeDir: string;
  today: string;
}): Promise<ApplyResult> {
  const result: ApplyResult = { applied: [], skipped: [] };
  const done: string[] = [];
  const pending = (await deps.decisions.list()).filter(
    (decision: GapDecision) => decision.kind !== 'handled' && decision.appliedAt === undefined,
  );
  for (const decision of pending) {
    const article = decision.articleId === null ? undefined : deps.knowledge.articles.get(decision.articleId);
    if (decision.kind === 'add_question') {
      if (!article) {
        result.skipped.push({ gapId: decision.gapId, why: `article ${decision.articleId} is no longer in knowledge/` });
        continue;
      }
      const file = join(deps.knowledgeDir, article.file);
      const outcome = addArticleQuestion(file, decision.question);
      result.applied.push({ gapId: decision.gapId, file, change: `question ${outcome}` });
    } else {
      const topic = article?.topic ?? decision.topic;
      const { file, result: outcome } = addLabelledExample(
        join(deps.knowledgeDir, 'understanding'),
        decision.question,
        topic,
        deps.today,
      );
      result.applied.push({ gapId: decision.gapId, file, change: `labelled example ${outcome}` });
    }
    done.push(decision.gapId);
  }
  await deps.decisions.markApplied(done);
  return result;
}
