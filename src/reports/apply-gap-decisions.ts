import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, YAMLSeq } from 'yaml';
import { splitFrontMatter } from '../knowledge/front-matter.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { GapDecision, GapDecisions } from './gap-decisions.js';

export type AppliedChange = { gapId: string; file: string; change: string };
export type ApplyResult = { applied: AppliedChange[]; skipped: { gapId: string; why: string }[] };

const EXAMPLES_FILE = 'questions-from-gaps.yml';

/** Adds a question to an article's front matter `questions`, keeping the rest of the file as it was. */
function addArticleQuestion(file: string, question: string): 'added' | 'already there' {
  const text = readFileSync(file, 'utf8');
  const split = splitFrontMatter(text);
  if (split === undefined) throw new Error(`${file} has no front matter`);
  const document = parseDocument(split.frontMatter);
  const existing = document.get('questions');
  const seq = existing instanceof YAMLSeq ? existing : new YAMLSeq();
  const known = seq.items.map((item) => String((item as { value?: unknown }).value ?? item).toLowerCase());
  if (known.includes(question.toLowerCase())) return 'already there';
  seq.add(document.createNode(question));
  document.set('questions', seq);
  writeFileSync(file, `---\n${document.toString({ lineWidth: 0 })}---\n${split.body}`);
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
