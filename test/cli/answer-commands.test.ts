import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSkillsDesk } from '../helpers/run-cli.js';

function questionFile(yaml: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'skills-desk-eval-')), 'questions.yml');
  writeFileSync(path, yaml);
  return path;
}

describe('skills-desk ask', () => {
  it('prints the answer with numbered sources and their review dates', async () => {
    const run = await runSkillsDesk(['ask', 'What is the levy allowance?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('£15,000');
    expect(run.stdout).toMatch(/Sources:\n\[1\] .+ \(last reviewed \d{1,2} \w+ \d{4}/);
  });

  it('prints the result object with --json, as of the date given', async () => {
    const run = await runSkillsDesk(['ask', '--json', '--as-of', '2018-06-01', 'What is the London Living Wage?']);
    const answer = JSON.parse(run.stdout) as {
      kind: string;
      mode: string;
      asOf: string;
      text: string;
      citations: unknown[];
      enquirySuggested: boolean;
    };
    expect(answer).toMatchObject({ kind: 'answer', mode: 'extractive', asOf: '2018-06-01', enquirySuggested: false });
    expect(answer.text).toContain('£10.20 an hour');
  });

  it('refuses a malformed --as-of date without answering', async () => {
    const run = await runSkillsDesk(['ask', '--as-of', '1/6/2018', 'What is the LLW?']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--as-of: expected a date written YYYY-MM-DD');
    expect(run.stdout).toBe('');
  });
});

describe('skills-desk start without credentials', () => {
  it('answers questions piped on standard input, one per line, following the thread', async () => {
    const run = await runSkillsDesk(['start'], { input: 'What is the London Living Wage?\nand in 2016?\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('£14.80 an hour');
    expect(run.stdout).toContain('£9.75');
  });

  it('stops with a message naming the variable when the configuration is wrong', async () => {
    const run = await runSkillsDesk(['start'], { env: { PORT: 'eighty' }, input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PORT:/);
  });
});

describe('skills-desk eval', () => {
  it('runs any question file in the format and ends with the pass count', async () => {
    const path = questionFile(`
- id: llw-now
  question: What is the London Living Wage?
  expect: answer
  mustInclude: ["£14.80"]
- id: llw-2018
  question: What is the London Living Wage?
  asOf: 2018-06-01
  expect: answer
  mustInclude: ["£10.20"]
  mustNotInclude: ["£14.80"]
- id: off-topic
  question: How do I renew my parking permit?
  expect: decline
- id: wrong-on-purpose
  question: What is the levy allowance?
  expect: answer
  mustInclude: ["£99,999"]
`);
    const run = await runSkillsDesk(['eval', '--questions', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('FAIL wrong-on-purpose: missing "£99,999"');
    expect(run.stdout).toMatch(/retrieval: /);
    expect(run.stdout.trim().split('\n').pop()).toBe('eval: 3 passed, 1 failed');
  });

  it('exits non-zero below --min-pass-rate', async () => {
    const path = questionFile(`
- { id: a, question: What is the levy allowance?, expect: answer, mustInclude: ["£15,000"] }
- { id: b, question: What is the levy allowance?, expect: decline }
`);
    const run = await runSkillsDesk(['eval', '--questions', path, '--min-pass-rate', '0.95']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('below the minimum 95.0%');
  });

  it('prints the report as JSON with --json', async () => {
    const path = questionFile(
      '- { id: a, question: What is the levy allowance?, expect: answer, mustInclude: ["£15,000"] }\n',
    );
    const run = await runSkillsDesk(['eval', '--questions', path, '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ passed: 1, failed: 0, passRate: 1 });
  });

  it('rejects a malformed question file with its line and the problem', async () => {
    const path = questionFile('- id: a\n  question: What is the levy?\n  expect: maybe\n');
    const run = await runSkillsDesk(['eval', '--questions', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/questions\.yml: line 3: 0\.expect: /);
  });

  it('says so when the question file does not exist', async () => {
    const run = await runSkillsDesk(['eval', '--questions', '/no/such/file.yml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/no/such/file.yml: file not found');
  });
});
