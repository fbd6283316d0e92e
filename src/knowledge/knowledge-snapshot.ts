import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Fact } from './fact-schema.js';
import type { Article, Knowledge } from './knowledge.js';
import { readKnowledgeSource } from './knowledge-source.js';
import { rememberTerms, searchTerms, termsFingerprint } from './normalise-text.js';
import { buildSearchIndex, type SearchIndexData } from './search-index.js';

/** Bumped whenever the snapshot's shape or the index's scoring changes, so an old snapshot is never read. */
const SNAPSHOT_FORMAT = 3;

type Snapshot = {
  format: number;
  version: string;
  articles: Article[];
  facts: Fact[];
  searchIndex: SearchIndexData;
  /** How texts were split into terms when the index was built (`termsFingerprint`). */
  terms: string;
  /** Each fact name's search terms (label and aliases), which the composer weighs on every answer. */
  factNameTerms: [string, string[]][];
};

export type SnapshotOutcome = 'read' | 'written' | 'rebuilt';

export type LoadedKnowledge = {
  knowledge: Knowledge;
  /** `read`: the snapshot matched the files; `written`: it was built and saved; `rebuilt`: built, but not saved. */
  snapshot: SnapshotOutcome;
  /** Why the snapshot could not be saved, when it could not. */
  problem?: string;
};

/**
 * Loads the knowledge base through a snapshot of the parsed articles and facts and the serialised search index,
 * keyed by the content hash and the term-splitting rules: when both match the snapshot, start-up reads one JSON file instead of
 * parsing every article and building the index; when it does not, the knowledge is parsed and the snapshot rewritten.
 */
export async function loadKnowledgeWithSnapshot(directory: string, snapshotPath: string): Promise<LoadedKnowledge> {
  const source = await readKnowledgeSource(directory);
  const saved = await readSnapshot(snapshotPath);
  if (saved?.format === SNAPSHOT_FORMAT && saved.version === source.version && saved.terms === termsFingerprint()) {
    return { knowledge: revive(saved), snapshot: 'read' };
  }
  // Parsing and checking the files (schemas, YAML) is loaded only when the snapshot is out of date.
  const { parseKnowledge } = await import('./load-knowledge.js');
  const parsed = parseKnowledge(source);
  const searchIndex = buildSearchIndex(parsed).toData();
  const knowledge: Knowledge = { ...parsed, searchIndexData: searchIndex };
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: knowledge.version,
    articles: [...knowledge.articles.values()],
    facts: [...knowledge.facts.values()],
    searchIndex,
    terms: termsFingerprint(),
    factNameTerms: factNameTerms(knowledge.facts.values()),
  };
  try {
    await mkdir(dirname(snapshotPath), { recursive: true });
    // Written beside and renamed, so a reader never sees half a file.
    const partial = `${snapshotPath}.${process.pid}.tmp`;
    await writeFile(partial, JSON.stringify(snapshot));
    await rename(partial, snapshotPath);
    return { knowledge, snapshot: 'written' };
  } catch (error) {
    return { knowledge, snapshot: 'rebuilt', problem: `${snapshotPath}: ${(error as Error).message}` };
  }
}

async function readSnapshot(path: string): Promise<Snapshot | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Snapshot;
  } catch {
    return undefined; // a damaged snapshot is rebuilt
  }
}

/** The search terms of every fact's label and aliases, as `searchTerms` splits them. */
function factNameTerms(facts: Iterable<Fact>): [string, string[]][] {
  const names = new Set([...facts].flatMap((fact) => [fact.label, ...fact.aliases]));
  return [...names].map((name) => [name, searchTerms(name)]);
}

function revive(snapshot: Snapshot): Knowledge {
  rememberTerms(snapshot.factNameTerms);
  const articles = new Map(snapshot.articles.map((article) => [article.id, article]));
  return {
    articles,
    facts: new Map(snapshot.facts.map((fact) => [fact.key, fact])),
    sections: snapshot.articles.flatMap((article) => article.sections),
    version: snapshot.version,
    searchIndexData: snapshot.searchIndex,
  };
}
