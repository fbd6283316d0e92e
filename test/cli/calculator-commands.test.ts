import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const KNOWLEDGE_DIR = 'knowledge';

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[], env: Record<string, string> = { KNOWLEDGE_DIR }) {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('skills-desk levy', () => {
  it('prints the levy first, and with --verbose its arithmetic, then the sources', async () => {
    const short = await run(['levy', '--pay-bill', '5000000', '--as-of', '2025-06-01']);
    expect(short.stdout.split('\n')[0]).toBe(
      '**£10,000 levy a year** on a £5,000,000 pay bill in the 2025 to 2026 tax year, paid as £833.33 a month through PAYE [1].',
    );
    expect(short.stdout).not.toContain('Levy due a year:');
    const { code, stdout, stderr } = await run(['levy', '--pay-bill', '5000000', '--as-of', '2025-06-01', '--verbose']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '- Levy due a year: **£10,000** — 0.5% × £5,000,000 = £25,000; minus the £15,000 allowance',
    );
    expect(stdout).toMatch(/\n\[1\] .+: https:\/\/\S+\n/);
  });

  it('reads the knowledge folder named by KNOWLEDGE_DIR', async () => {
    const { code, stdout } = await run(['levy', '--pay-bill', '5000000', '--as-of', '2025-06-01'], {
      KNOWLEDGE_DIR: 'test/fixtures/tools/knowledge',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('[1] Who pays the Apprenticeship Levy and how much: https://www.gov.uk/');
  });

  it('reports a knowledge folder that cannot be read, with exit code 2', async () => {
    const { code, stderr } = await run(['levy', '--pay-bill', '5000000'], {
      KNOWLEDGE_DIR: 'test/fixtures/tools/nowhere',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('test/fixtures/tools/nowhere: knowledge folder not found (set KNOWLEDGE_DIR)');
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await run([
      'levy',
      '--pay-bill',
      '£5m',
      '--england-share',
      '80%',
      '--tax-year',
      '2019-20',
      '--json',
    ]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as {
      result: { annualLevy: number; rulesDate: string; input: { englandShare: number } };
    };
    expect(parsed.result.annualLevy).toBe(10_000);
    expect(parsed.result.rulesDate).toBe('2019-04-06');
    expect(parsed.result.input.englandShare).toBe(0.8);
  });

  it('shows what one apprenticeship costs an employer that pays no levy', async () => {
    const { stdout } = await run([
      'levy',
      '--pay-bill',
      '1000000',
      '--apprenticeship-price',
      '12000',
      '--apprentice-age',
      '30',
      '--as-of',
      '2019-06-01',
    ]);
    expect(stdout).toContain('The employer pays £600.');
    expect(stdout).not.toContain('The employer pays: **£600**');
  });

  it.each([
    [['levy', '--pay-bill', 'lots'], 'skills-desk levy: pay bill must be an amount in pounds, such as 5000000'],
    [['levy'], 'skills-desk levy: pay bill is required'],
    [
      ['levy', '--pay-bill', '5m', '--england-share', '80'],
      'skills-desk levy: England share must be a number from 0 to 1',
    ],
    [['levy', '--pay-bill', '5m', '--tax-year', '2019'], 'skills-desk levy: tax year must be written like 2019-20'],
    [['levy', '--pay-bill', '5m', '--as-of', '2025-02-30'], 'skills-desk levy: not a real calendar date'],
  ])('fails with exit code 1 and a clear message for %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

describe('skills-desk eligibility', () => {
  it('takes the whole input as JSON and prints JSON with --output json', async () => {
    const { code, stdout } = await run([
      'eligibility',
      '--json',
      '{"age": 25, "level": 7, "startDate": "2026-02-01"}',
      '--output',
      'json',
    ]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { result: { verdict: string }; citations: unknown[] };
    expect(parsed.result.verdict).toBe('not-eligible');
    expect(parsed.citations.length).toBeGreaterThan(0);
  });

  it('takes friendly flags', async () => {
    const { code, stdout } = await run([
      'eligibility',
      '--age',
      '17',
      '--hours',
      '20',
      '--start-date',
      '2024-09-01',
      '--care-leaver',
      '--levy-payer',
      'no',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('**Apprenticeship eligibility: needs a check**');
    expect(stdout).toContain('- Minimum duration: 18 months');
    expect(stdout).toContain("- Care leaver's bursary, paid to the apprentice: £3,000");
    // Each question to ask is printed once.
    const question = 'Do they have the right to work in the UK (checked against their documents)?';
    expect(stdout.split(question).length - 1).toBe(1);
  });

  it.each([
    [['eligibility', '--age', '12'], 'skills-desk eligibility: age must be a whole number between 14 and 100'],
    [['eligibility'], 'skills-desk eligibility: age is required'],
    [['eligibility', '--json', '{"age":'], 'skills-desk eligibility: --json must be a JSON object'],
    [['eligibility', '--json', '{"age": 20, "colour": "blue"}'], 'skills-desk eligibility: unknown field: colour'],
    [['eligibility', '--age', '20', '--right-to-work', 'maybe'], 'right to work must be yes, no or unknown'],
    [['eligibility', '--age', '20', '--output', 'xml'], 'skills-desk eligibility: output must be text or json'],
  ])('fails with exit code 1 and a clear message for %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

describe('skills-desk co-investment', () => {
  it('prints what the employer and the government pay, and the working with --verbose', async () => {
    const { code, stdout, stderr } = await run([
      'co-investment',
      '--price',
      '£12k',
      '--age',
      '30',
      '--as-of',
      '2019-06-01',
      '--verbose',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(
      /^\*\*The employer pays £600 and the government £11,400\*\* for a £12,000 apprenticeship starting on 1 June 2019 \(an employer that does not pay the levy, apprentice aged 30\)\./,
    );
    expect(stdout).toContain('5% × £12,000 = £600');
  });

  it('takes --levy-funds-used-up for a levy payer whose account has run out', async () => {
    const { code, stdout } = await run([
      'co-investment',
      '--price',
      '12000',
      '--levy-payer',
      'yes',
      '--levy-funds-used-up',
      'yes',
      '--as-of',
      '2026-12-01',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toContain('**The employer pays £3,000 and the government £9,000**');
  });

  it("takes --band-max for the standard's own band: the employer pays its share of it and everything above", async () => {
    const args = ['co-investment', '--price', '14000', '--band-max', '£12k', '--age', '30', '--as-of', '2025-10-01'];
    const { code, stdout } = await run([...args, '--verbose']);
    expect(code).toBe(0);
    // 5% of £12,000 = £600, plus the £2,000 above the band.
    expect(stdout.split('\n')[0]).toContain('**The employer pays £2,600 and the government £11,400**');
    expect(stdout).toContain('£14,000 is above the £12,000 funding band maximum');
  });

  it('refuses a band maximum it cannot read', async () => {
    const { code, stderr } = await run(['co-investment', '--price', '14000', '--band-max', 'big']);
    expect(code).toBe(1);
    expect(stderr).toContain('band maximum must be an amount in pounds, such as 12000');
  });

  it('refuses a price it cannot read, changing nothing', async () => {
    const { code, stderr } = await run(['co-investment', '--price', 'lots']);
    expect(code).toBe(1);
    expect(stderr).toContain('skills-desk co-investment: course price must be an amount in pounds, such as 9000');
  });
});
