// Reading the knowledge folder, apart from parsing it: a start-up that finds its snapshot up to date only needs the
// files' hash, not the schemas and YAML parser that checking them takes.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KnowledgeError } from '../errors.js';

export const FACTS_FILE = 'facts.yml';

/** The knowledge folder's files as read from disk, with the content hash that keys caches and snapshots. */
export type KnowledgeSource = {
  directory: string;
  factsText: string | undefined;
  files: { file: string; text: string }[];
  version: string;
};

/** Reads the facts table and every article file (the hash covers every byte the knowledge base is built from). */
export async function readKnowledgeSource(directory: string): Promise<KnowledgeSource> {
  const hash = createHash('sha256');
  const factsText = await readFile(join(directory, FACTS_FILE), 'utf8').catch(() => undefined);
  if (factsText !== undefined) hash.update(factsText);
  const listing = await readdir(directory, { recursive: true }).catch(() => undefined);
  if (listing === undefined) throw new KnowledgeError([`${directory}: the knowledge folder cannot be read`]);
  const names = listing
    .filter((file) => file.endsWith('.md') && !file.split('/').some((part) => part.startsWith('_')))
    .sort();
  const files = await Promise.all(
    names.map(async (file) => ({ file, text: await readFile(join(directory, file), 'utf8') })),
  );
  for (const { file, text } of files) hash.update(file).update(text);
  return { directory, factsText, files, version: hash.digest('hex').slice(0, 16) };
}
