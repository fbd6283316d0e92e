import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

function knowledgeWith(article: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'skills-desk-knowledge-'));
  cpSync('knowledge', directory, { recursive: true });
  writeFileSync(join(directory, 'article.md'), article);
  return directory;
}

const frontMatter = (reviewed: string) => `---
id: levy-rate-test
title: The levy rate
topic: levy
summary: The Apprenticeship Levy is charged at a fixed rate of the pay bill.
audience: public
owner: Employment & Skills
reviewed: ${reviewed}
reviewBy: 2027-05-22
sources:
  - { title: "HMRC manual", url: "https://www.gov.uk/hmrc-internal-manuals/apprenticeship-levy", date: 2024-11-07 }
---
## The levy rate
The levy is {{fact:levy.rate}} of the annual pay bill, from {{from:levy.rate}}.
`;

describe('loadKnowledge', () => {
  it('loads an article, splits it into sections and records the facts it refers to', async () => {
    const knowledge = await loadKnowledge(knowledgeWith(frontMatter('2026-11-22')));
    const article = knowledge.articles.get('levy-rate-test');
    expect(article?.sections.map((section) => section.id)).toEqual(['levy-rate-test#the-levy-rate']);
    expect(article?.factKeys).toEqual(['levy.rate']);
  });

  it('names the file, the line, the field and the reason for a bad front matter value', async () => {
    const load = loadKnowledge(knowledgeWith(frontMatter('2026-13-01')));
    await expect(load).rejects.toThrow(KnowledgeError);
    await expect(load).rejects.toThrow('article.md: line 8: reviewed: not a real calendar date');
  });

  it('rejects a reference to a fact that does not exist', async () => {
    const article = frontMatter('2026-11-22').replace('{{fact:levy.rate}}', '{{fact:levy.rates}}');
    await expect(loadKnowledge(knowledgeWith(article))).rejects.toThrow(
      'article.md: refers to fact "levy.rates", which is not in facts.yml',
    );
  });

  it('rejects a file without front matter', async () => {
    await expect(loadKnowledge(knowledgeWith('## Just a heading\nand text'))).rejects.toThrow(
      'article.md: line 1: expected YAML front matter between --- lines',
    );
  });
});
