import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge, unspecificSource } from '../../src/knowledge/check-knowledge.js';

const TODAY = '2026-11-22';
const source = (url?: string) => ({ title: 'A source', date: '2018-11-26', ...(url !== undefined && { url }) });

describe('unspecificSource', () => {
  it('warns on a site front page, with or without a trailing slash', () => {
    expect(unspecificSource(source('https://hackney.moderngov.co.uk/'))).toEqual([
      expect.stringContaining("is a site's front page"),
    ]);
    expect(unspecificSource(source('https://www.hackneycitizen.co.uk'))).toHaveLength(1);
  });

  it('warns on a search-results page, by path or by query', () => {
    expect(
      unspecificSource(source('https://parallelparliament.co.uk/search?search_term=Apprentices+Taxation')),
    ).toEqual([expect.stringContaining('is a search page')]);
    expect(unspecificSource(source('https://www.gov.uk/search/all?keywords=apprenticeship+levy'))).toHaveLength(1);
    expect(unspecificSource(source('https://example.org/news?q=living+wage'))).toHaveLength(1);
  });

  it('warns on a page of a paginated listing', () => {
    expect(unspecificSource(source('https://www.livingwage.org.uk/node?page=12'))).toEqual([
      expect.stringContaining('is a page of a listing'),
    ]);
    expect(unspecificSource(source('https://example.org/news/page/3'))).toHaveLength(1);
  });

  it('accepts a specific page, a council meeting page and a source cited without a URL', () => {
    expect(unspecificSource(source('https://www.gov.uk/national-minimum-wage-rates'))).toEqual([]);
    expect(
      unspecificSource(source('https://hackney.moderngov.co.uk/ieListDocuments.aspx?CId=564&MId=3968&Ver=4')),
    ).toEqual([]);
    expect(unspecificSource(source('https://readkong.com/page/hackney-employment-skills-5870917'))).toEqual([]);
    expect(unspecificSource(source())).toEqual([]);
  });
});

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'skills-desk-sources-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

const FACTS = `council.apprentices:
  label: Apprentices employed by Hackney Council
  topic: apprenticeships
  unit: count
  kind: reported
  article: council-apprentices
  values:
    - { value: 107, from: 2018-11-26, source: { title: "Cabinet, 26 November 2018", url: "https://hackney.moderngov.co.uk/", date: 2018-11-26 } }
    - { value: 300, qualifier: nearly, from: 2021-02-01, source: { title: "Cabinet, 26 November 2018 (no URL known)", date: 2021-02-01 } }
`;

const ARTICLE = `---
id: council-apprentices
title: Council apprentices
topic: apprenticeships
summary: How many apprentices the council employs, by report.
audience: staff
owner: Employment & Skills
reviewed: 2026-11-22
reviewBy: 2027-11-22
sources:
  - { title: "Search results", url: "https://parallelparliament.co.uk/search?search_term=Apprentices", date: 2025-04-09 }
  - { title: "Working in Hackney Scrutiny Commission, 18 September 2017", date: 2017-09-18 }
---
## Council apprentices
The latest count is {{fact:council.apprentices}}.
`;

describe('knowledge check on sources that are not specific', () => {
  it('warns, without failing, with the file, line and field, and accepts a source with no URL', async () => {
    const folder = await folderWith({ 'facts.yml': FACTS, 'apprenticeships/council-apprentices.md': ARTICLE });
    const result = await checkKnowledge(folder, TODAY);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^facts\.yml: line 8: council\.apprentices\.values\[0\]\.source: .*front page/),
      expect.stringMatching(/^apprenticeships\/council-apprentices\.md: line 11: sources\[0\]\.url: .*search page/),
    ]);
  });
});

describe('the real knowledge base', () => {
  it('cites no front page, search page or listing page', async () => {
    const { warnings } = await checkKnowledge('knowledge', TODAY);
    expect(warnings.filter((warning) => /front page|search page|page of a listing/.test(warning))).toEqual([]);
  });
});

describe('knowledge check on a facts table with an alias used before its anchor', () => {
  it('reports the problem as an error instead of crashing', async () => {
    const facts = `${FACTS.replace('source: { title: "Cabinet, 26 November 2018", url: "https://hackney.moderngov.co.uk/", date: 2018-11-26 }', 'source: *cabinet')}`;
    const folder = await folderWith({ 'facts.yml': facts, 'apprenticeships/council-apprentices.md': ARTICLE });
    const result = await checkKnowledge(folder, TODAY);
    expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(/Unresolved alias.*cabinet/)]));
  });
});
