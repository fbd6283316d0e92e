import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocatedYaml } from '../knowledge/yaml-location.js';
import { LabelledExample, LabelledFile } from './example-schema.js';

export type LocatedExample = LabelledExample & { file: string; line: number };

export type ExamplesResult = { ok: true; examples: LocatedExample[] } | { ok: false; problems: string[] };

/** Reads one labelled-example file, reporting each problem with its file and line. */
export function readExampleFile(path: string): ExamplesResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, problems: [`${path}: file not found`] };
  }
  const located = parseLocatedYaml(text);
  if (located.errors.length > 0) return { ok: false, problems: located.errors.map((error) => `${path}: ${error}`) };
  const parsed = LabelledFile.safeParse(located.data ?? []);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const line = located.lineOf(issue.path);
        const where = issue.path.slice(1).join('.');
        return `${path}:${line ?? '?'}: ${where ? `${where}: ` : ''}${issue.message}`;
      }),
    };
  }
  const examples = parsed.data.map((example, position) => ({
    ...LabelledExample.parse(example),
    file: path,
    line: located.lineOf([position]) ?? 0,
  }));
  return { ok: true, examples };
}

/** Reads every `*.yml` file in a folder (sorted by name, so training sees them in one order). */
export function readExampleFolder(folder: string): ExamplesResult {
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => name.endsWith('.yml'))
      .sort();
  } catch {
    return { ok: false, problems: [`${folder}: folder not found`] };
  }
  const examples: LocatedExample[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const result = readExampleFile(join(folder, name));
    if (result.ok) examples.push(...result.examples);
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, examples };
}
