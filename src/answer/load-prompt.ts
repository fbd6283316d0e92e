import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SkillsDeskError } from '../errors.js';

export type Prompt = {
  name: string;
  /** Fills `{{name}}` placeholders; every placeholder in the file must be given a value. */
  render(values: Record<string, string>): string;
};

/** Loads `prompts/<name>.md` once, at start-up. */
export async function loadPrompt(directory: string, name: string): Promise<Prompt> {
  const path = join(directory, `${name}.md`);
  const template = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new SkillsDeskError('config_invalid', `prompt file ${path} cannot be read`, { cause: error });
  });
  const placeholders = new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] as string));
  return {
    name,
    render(values) {
      for (const placeholder of placeholders) {
        if (values[placeholder] === undefined) {
          throw new SkillsDeskError('input_invalid', `prompt ${name} needs a value for {{${placeholder}}}`);
        }
      }
      return template.replace(/\{\{(\w+)\}\}/g, (_whole, key: string) => values[key] ?? '').trim();
    },
  };
}
