import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { checkKnowledge } from '../../src/knowledge/check-knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

const TODAY = '2026-11-22';

const FACTS = `levy.rate:
  label: Apprenticeship Levy rate
  topic: levy
  unit: percent
  article: levy-rate
  values:
    - value: 0.5
      from: 2017-04-06
      source: { title: "HMRC manual ALM08200", url: "https://www.gov.uk/hmrc-internal-manuals/apprenticeship-levy/alm08200", date: 2024-11-07 }
llw.rate:
  label: London Living Wage
  topic: llw
  unit: gbp_per_hour
  article: levy-rate
  values:
    - value: 13.85
      from: 2024-10-23
      source: { title: "Living Wage Foundation FAQs", url: "https://www.livingwage.org.uk/faqs", date: 2024-10-23 }
    - value: 14.8
      from: 2025-10-22
      source: { title: "Living Wage Foundation FAQs", url: "https://www.livingwage.org.uk/faqs", date: 2025-10-22 }
`;

function article(overrides: { frontMatter?: Record<string, string>; body?: string } = {}): string {
  const fields: Record<string, string> = {
    id: 'levy-rate',
    title: 'The levy rate',
    topic: 'levy',
    summary: 'The Apprenticeship Levy is 0.5% of the pay bill over the allowance.',
    audience: 'public',
    owner: 'Employment & Skills',
    reviewed: '2026-11-22',
    reviewBy: '2027-05-22',
    sources:
      '\n  - { title: "HMRC manual ALM08200", url: "https://www.gov.uk/hmrc-internal-manuals/apprenticeship-levy/alm08200", date: 2024-11-07 }',
    ...overrides.frontMatter,
  };
  const front = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  const body =
    overrides.body ??
    '## Levy rate\nThe Apprenticeship Levy rate is {{fact:levy.rate}}, from {{from:levy.rate}}. The LLW is {{fact:llw.rate}}.';
  return `---\n${front}\n---\n${body}\n`;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineContaining(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line containing ${needle}`);
  return index + 1;
}

const temporaryFolders: string[] = [];

async function knowledgeFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'skills-desk-knowledge-'));
  temporaryFolders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

afterEach(async () => {
  await Promise.all(temporaryFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('checkKnowledge on the real knowledge base', () => {
  it('finds no errors and no overdue reviews in knowledge/', async () => {
    const result = await checkKnowledge('knowledge', TODAY);
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((warning) => warning.includes('reviewBy'))).toEqual([]);
    expect(result.articleCount).toBeGreaterThanOrEqual(35);
  });

  it('gives every topic at least one article and every fact an article that cites it', async () => {
    const knowledge = await loadKnowledge('knowledge');
    const topics = new Set([...knowledge.articles.values()].map((entry) => entry.topic));
    expect([...topics].sort()).toEqual(['apprenticeships', 'employer-offer', 'hackney-100', 'levy', 'llw', 's106']);
    for (const fact of knowledge.facts.values()) expect(knowledge.articles.has(fact.article)).toBe(true);
  });

  it('holds the figures the calculators rely on', async () => {
    const knowledge = await loadKnowledge('knowledge');
    const required = [
      'levy.rate',
      'levy.allowance',
      'levy.pay-bill-threshold',
      'levy.government-top-up',
      'levy.funds-expiry',
      'levy.transfer-limit',
      'cofunding.employer-share',
      'cofunding.levy-exhausted-employer-share',
      'cofunding.small-employer-max-employees',
      'cofunding.small-employer-free-max-age',
      'cofunding.non-levy-free-max-age',
      'cofunding.ehc-care-leaver-max-age',
      'funding.band-maximum',
      'funding.band-minimum',
      'apprenticeship.minimum-age',
      'apprenticeship.residency-years',
      'apprenticeship.england-work-share',
      'apprenticeship.full-time-hours',
      'apprenticeship.minimum-duration',
      'apprenticeship.otj-share',
      'apprenticeship.otj-hours-per-week',
      'apprenticeship.otj-minimum-hours',
      'apprenticeship.english-maths-required-max-age',
      'level7.funded-max-age',
      'level7.funded-max-age-ehc-care-leaver',
      'incentive.young-apprentice',
      'incentive.young-apprentice-max-age',
      'incentive.foundation-apprenticeship',
      'bursary.care-leaver',
      'wage.apprentice',
      'wage.under-18',
      'wage.18-to-20',
      'wage.21-to-nlw-age',
      'wage.nlw',
      'wage.nlw-age',
      'llw.rate',
      'llw.uk-rate',
    ];
    expect(required.filter((key) => !knowledge.facts.has(key))).toEqual([]);
  });
});

describe('checkKnowledge on broken copies', () => {
  it('passes a small well-formed folder', async () => {
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': article() });
    expect(await checkKnowledge(folder, TODAY)).toEqual({ errors: [], warnings: [], articleCount: 1, factCount: 2 });
  });

  it('names the file, line and field of a bad front matter value', async () => {
    const text = article({ frontMatter: { topic: 'taxes' } });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(`^levy/levy-rate\\.md: line ${lineContaining(text, 'topic: taxes')}: topic: .*levy`),
      ),
    ]);
  });

  it('rejects a date that is not on the calendar', async () => {
    const text = article({ frontMatter: { reviewBy: '2027-02-30' } });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toContainEqual(
      `levy/levy-rate.md: line ${lineContaining(text, 'reviewBy:')}: reviewBy: not a real calendar date`,
    );
  });

  it('rejects a fact value with no source', async () => {
    const facts = FACTS.replace(
      '      source: { title: "Living Wage Foundation FAQs", url: "https://www.livingwage.org.uk/faqs", date: 2025-10-22 }\n',
      '',
    );
    const folder = await knowledgeFolder({ 'facts.yml': facts, 'levy/levy-rate.md': article() });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`^facts\\.yml: line ${lineContaining(facts, 'value: 14.8')}: llw\\.rate\\.values\\.1\\.source: `),
      ),
    );
  });

  it('rejects two different values of one figure that apply on the same day', async () => {
    const facts = FACTS.replace('      from: 2024-10-23\n', '      from: 2024-10-23\n      to: 2025-12-31\n');
    const folder = await knowledgeFolder({ 'facts.yml': facts, 'levy/levy-rate.md': article() });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^facts\.yml: line \d+: llw\.rate\.values\[1\]\.from: value 14\.8 from 2025-10-22 overlaps value 13\.85/,
    );
    expect(errors[0]).toContain(`line ${lineContaining(facts, 'from: 2025-10-22')}:`);
  });

  it('accepts a value repeated over touching periods', async () => {
    const facts = FACTS.replace('value: 14.8', 'value: 13.85');
    const folder = await knowledgeFolder({ 'facts.yml': facts, 'levy/levy-rate.md': article() });
    expect((await checkKnowledge(folder, TODAY)).errors).toEqual([]);
  });

  it('reports an article that refers to a fact the table does not hold', async () => {
    const text = article({ body: '## Levy rate\nThe levy is {{fact:levy.rates}} of the pay bill, as HMRC says.' });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toContain('levy/levy-rate.md: refers to fact "levy.rates", which is not in facts.yml');
  });

  it('reports a misspelt fact reference with its line', async () => {
    const text = article({
      body: '## Levy rate\nThe levy is charged monthly.\nIt is {{facts:levy.rate}} of the pay bill.',
    });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toEqual([
      `levy/levy-rate.md: line ${lineContaining(text, '{{facts:')}: {{facts:levy.rate}} is not a fact reference; write {{fact:KEY}} or {{from:KEY}}`,
    ]);
  });

  it('reports a unit written again next to a figure that already carries it', async () => {
    const text = article({
      body: '## Levy rate\nThe levy is {{fact:levy.rate}}% of the pay bill.\nThe LLW is £{{fact:llw.rate}}.',
    });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toEqual([
      `levy/levy-rate.md: line ${lineContaining(text, 'The levy is')}: {{fact:levy.rate}} already reads with its unit, so "%" next to it is written twice`,
      `levy/levy-rate.md: line ${lineContaining(text, 'The LLW is')}: {{fact:llw.rate}} already reads with its unit, so "£" next to it is written twice`,
    ]);
  });

  it('rejects a source URL with no host', async () => {
    const facts = FACTS.replace(
      'https://www.livingwage.org.uk/faqs", date: 2024',
      'https://livingwage/faqs", date: 2024',
    );
    const folder = await knowledgeFolder({ 'facts.yml': facts, 'levy/levy-rate.md': article() });
    const { errors } = await checkKnowledge(folder, TODAY);
    expect(errors).toEqual([
      expect.stringMatching(
        /^facts\.yml: line \d+: llw\.rate\.values\[0\]\.source: url "https:\/\/livingwage\/faqs" has no host/,
      ),
    ]);
  });

  it('warns, without failing, about an article past its review date', async () => {
    const text = article({ frontMatter: { reviewed: '2025-01-10', reviewBy: '2026-01-10' } });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const result = await checkKnowledge(folder, TODAY);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      `levy/levy-rate.md: line ${lineContaining(text, 'reviewBy:')}: reviewBy: review was due on 10 January 2026; check the article and set a new date`,
    ]);
  });

  it('warns when an article quotes a figure that has no value on the day checked', async () => {
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': article() });
    const { errors, warnings } = await checkKnowledge(folder, '2024-01-01');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('{{fact:llw.rate}} has no value in force on 1 January 2024')]);
  });
});

describe('skills-desk knowledge check', () => {
  it('prints each problem and a failing summary, and exits 1 on errors', async () => {
    const facts = FACTS.replace('      from: 2024-10-23\n', '      from: 2024-10-23\n      to: 2025-12-31\n');
    const text = article({ frontMatter: { reviewed: '2025-01-10', reviewBy: '2026-01-10' } });
    const folder = await knowledgeFolder({ 'facts.yml': facts, 'levy/levy-rate.md': text });
    const stdout = capture();
    const stderr = capture();
    const code = await runCli(['knowledge', 'check', '--dir', folder, '--today', TODAY], {
      env: {},
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    const lines = stdout.text().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^error: facts\.yml: line \d+: llw\.rate\.values\[1\]\.from: .*overlaps/);
    expect(lines[1]).toMatch(/^warning: levy\/levy-rate\.md: .*review was due on 10 January 2026/);
    expect(lines[2]).toBe(
      `knowledge check FAILED: 1 articles, 2 facts, 1 error, 1 warning (${folder}, as of ${TODAY})`,
    );
  });

  it('exits 0 when there are only warnings and prints JSON on request', async () => {
    const text = article({ frontMatter: { reviewed: '2025-01-10', reviewBy: '2026-01-10' } });
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': text });
    const stdout = capture();
    const code = await runCli(['knowledge', 'check', '--dir', folder, '--today', TODAY, '--json'], {
      env: {},
      stdout: stdout.stream,
      stderr: capture().stream,
    });
    expect(code).toBe(0);
    const printed = JSON.parse(stdout.text()) as { errors: string[]; warnings: string[]; today: string };
    expect(printed.errors).toEqual([]);
    expect(printed.warnings).toHaveLength(1);
    expect(printed.today).toBe(TODAY);
  });

  it('refuses a --today that is not a date and checks nothing', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await runCli(['knowledge', 'check', '--today', '22/11/2026'], {
      env: {},
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toBe('--today: expected a date written YYYY-MM-DD\n');
    expect(stdout.text()).toBe('');
  });

  it('checks the folder named by KNOWLEDGE_DIR when no --dir is given', async () => {
    const folder = await knowledgeFolder({ 'facts.yml': FACTS, 'levy/levy-rate.md': article() });
    const stdout = capture();
    const code = await runCli(['knowledge', 'check', '--today', TODAY], {
      env: { KNOWLEDGE_DIR: folder },
      stdout: stdout.stream,
      stderr: capture().stream,
    });
    expect(code).toBe(0);
    expect(stdout.text()).toBe(
      `knowledge check ok: 1 articles, 2 facts, 0 errors, 0 warnings (${folder}, as of ${TODAY})\n`,
    );
  });
});
