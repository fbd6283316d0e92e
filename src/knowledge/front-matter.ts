/** An article file split into its YAML front matter and its Markdown body. */
export type SplitArticle = {
  /** The YAML between the `---` lines; its first line is line 2 of the file. */
  frontMatter: string;
  body: string;
};

/** The front matter's first line in the file: the line after the opening `---`. */
export const FRONT_MATTER_FIRST_LINE = 2;

/** Splits `---\nYAML\n---\nbody`; undefined when the file does not open with a closed front matter block. */
export function splitFrontMatter(text: string): SplitArticle | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const close = lines.findIndex((line, at) => at > 0 && line.trim() === '---');
  if (close === -1) return undefined;
  return { frontMatter: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n') };
}
