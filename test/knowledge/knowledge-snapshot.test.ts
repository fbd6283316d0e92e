import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeWithSnapshot } from '../../src/knowledge/knowledge-snapshot.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { searchTerms, termsFingerprint } from '../../src/knowledge/normalise-text.js';
import { buildSearchIndex } from '../../src/knowledge/search-index.js';

function copyOfKnowledge(): string {
  const directory = mkdtempSync(join(tmpdir(), 'skills-desk-snapshot-'));
  cpSync('knowledge', join(directory, 'knowledge'), { recursive: true });
  return directory;
}

describe('knowledge snapshot', () => {
  it('is written on first start and read on the next, giving the same knowledge and search results', async () => {
    const directory = copyOfKnowledge();
    const path = join(directory, 'dist', 'snapshot.json');
    const first = await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    const second = await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    expect([first.snapshot, second.snapshot]).toEqual(['written', 'read']);

    const parsed = await loadKnowledge(join(directory, 'knowledge'));
    const { searchIndexData, ...restored } = second.knowledge;
    expect(restored).toEqual(parsed);
    expect(searchIndexData).toBeDefined();
    const question = 'how much is the london living wage';
    expect(buildSearchIndex(second.knowledge).searchSections(question, { audience: 'staff' })).toEqual(
      buildSearchIndex(parsed).searchSections(question, { audience: 'staff' }),
    );
  });

  it("keeps every fact name's search terms, the same as splitting the name afresh", async () => {
    const directory = copyOfKnowledge();
    const path = join(directory, 'snapshot.json');
    await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { factNameTerms: [string, string[]][] };
    const parsed = await loadKnowledge(join(directory, 'knowledge'));
    const names = [...parsed.facts.values()].flatMap((fact) => [fact.label, ...fact.aliases]);
    expect(new Set(saved.factNameTerms.map(([name]) => name))).toEqual(new Set(names));
    for (const [name, terms] of saved.factNameTerms) expect(terms, name).toEqual(searchTerms(name));
  });

  it('is rebuilt when it was built with other term-splitting rules (a synonym added since)', async () => {
    const directory = copyOfKnowledge();
    const path = join(directory, 'snapshot.json');
    await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { terms: string };
    expect(saved.terms).toBe(termsFingerprint());
    writeFileSync(path, JSON.stringify({ ...saved, terms: 'older rules' }));
    expect((await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path)).snapshot).toBe('written');
    expect((await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path)).snapshot).toBe('read');
  });

  it('is rebuilt when an article changes, so an edit is never hidden by an old snapshot', async () => {
    const directory = copyOfKnowledge();
    const path = join(directory, 'snapshot.json');
    await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    const article = join(directory, 'knowledge', 'levy', 'levy-transfers.md');
    writeFileSync(
      article,
      `${readFileSync(article, 'utf8')}\n## A new heading\nTransfers can now be set up by phone.\n`,
    );
    const after = await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    expect(after.snapshot).toBe('written');
    expect(after.knowledge.sections.some((section) => section.heading === 'A new heading')).toBe(true);
  });

  it('is rebuilt from the files when the snapshot is damaged', async () => {
    const directory = copyOfKnowledge();
    const path = join(directory, 'snapshot.json');
    writeFileSync(path, '{"format":1,"version":');
    const loaded = await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), path);
    expect(loaded.snapshot).toBe('written');
    expect(loaded.knowledge.articles.size).toBeGreaterThan(50);
  });

  it('still loads the knowledge when the snapshot cannot be saved, and says why', async () => {
    const directory = copyOfKnowledge();
    const blocker = join(directory, 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    const loaded = await loadKnowledgeWithSnapshot(join(directory, 'knowledge'), join(blocker, 'snapshot.json'));
    expect(loaded.snapshot).toBe('rebuilt');
    expect(loaded.problem).toContain('not-a-folder');
    expect(loaded.knowledge.articles.size).toBeGreaterThan(50);
  });
});
