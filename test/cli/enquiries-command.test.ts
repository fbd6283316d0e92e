import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createEnquiryQueue } from '../../src/enquiries/create-enquiry-queue.js';
import { createLogger } from '../../src/log.js';
import { createStore } from '../../src/store/create-store.js';
import { parseCsv } from '../enquiries/queue-harness.js';

let dir: string;
let env: Record<string, string>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enquiries-cli-'));
  writeFileSync(join(dir, 'facts.yml'), '{}\n');
  env = {
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    KNOWLEDGE_DIR: dir,
    // Not the checkout's dist/knowledge-snapshot.json: this folder's snapshot written there would make every other
    // command line the suites run in parallel rebuild it.
    KNOWLEDGE_SNAPSHOT: 'off',
    LOG_LEVEL: 'silent',
    SLACK_OFFICER_IDS: 'U0ANA, U0BO',
    TEAMS_OFFICER_IDS: '29:teams-officer',
  };
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await runCli(['enquiries', ...argv], {
    env,
    stdout: sink((text) => {
      stdout += text;
    }),
    stderr: sink((text) => {
      stderr += text;
    }),
  });
  return { code, stdout, stderr };
}

const logArgs = (org = 'Dalston Bakery Ltd', email = 'priya@dalston-bakery.example') => [
  'log',
  '--org',
  org,
  '--contact',
  'Priya Shah',
  '--email',
  email,
  '--text',
  'Could we pay the London Living Wage to our apprentices?',
  '--as',
  'U0SAM',
];

describe('skills-desk enquiries', () => {
  it('logs an enquiry and lists it as JSON', async () => {
    const logged = await cli(...logArgs());
    expect(logged).toMatchObject({ code: 0, stderr: '' });
    const reference = /Logged (ENQ-\d{4}-\d{4,}): Dalston Bakery Ltd \(llw\)\./.exec(logged.stdout)?.[1];
    expect(reference).toBeDefined();

    const listed = await cli('list', '--json');
    const list = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reference, organisation: 'Dalston Bakery Ltd', topic: 'llw', status: 'new' });
    expect(list[0]).toHaveProperty('createdAt');
    expect(list[0]).not.toHaveProperty('email');
  });

  it('names the flag at fault and stores nothing', async () => {
    const result = await cli('log', '--org', 'Acme', '--contact', 'Jo', '--phone', '12345', '--text', 'Hello');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe('--phone: Enter a UK phone number, like 020 8356 3000 or 07700 900 982.\n');
    expect(JSON.parse((await cli('list', '--json')).stdout)).toEqual([]);
    const badStatus = await cli('list', '--status', 'new,pending');
    expect(badStatus.code).toBe(1);
    expect(badStatus.stderr).toMatch(/^--status: expected statuses from new, claimed, resolved, closed/);
  });

  it('points out a possible duplicate when logging', async () => {
    await cli(...logArgs());
    const second = await cli(...logArgs('DALSTON BAKERY LIMITED', 'someone@else.example'));
    expect(second.stdout).toMatch(
      /Possible duplicates still open \(not merged\):\n {2}ENQ-\d{4}-0001 {2}Dalston Bakery Ltd {2}new/,
    );
  });

  it('lets only officers claim, and tells the second officer who has it', async () => {
    await cli(...logArgs());
    const reference = JSON.parse((await cli('list', '--json')).stdout)[0].reference as string;

    const refused = await cli('claim', reference, '--as', 'U0SAM');
    expect(refused).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Only employer engagement officers can claim enquiries.\n',
    });
    expect(await cli('claim', reference, '--as', 'U0ANA')).toMatchObject({
      code: 0,
      stdout: `${reference} is yours.\n`,
    });
    expect(await cli('claim', reference, '--as', '29:teams-officer')).toMatchObject({
      code: 1,
      stderr: `${reference} is already claimed by U0ANA\n`,
    });
    const mine = JSON.parse((await cli('list', '--status', 'claimed', '--mine', '--as', 'U0ANA', '--json')).stdout);
    expect(
      mine.map((enquiry: { reference: string; assignee: string }) => [enquiry.reference, enquiry.assignee]),
    ).toEqual([[reference, 'U0ANA']]);
    expect(JSON.parse((await cli('list', '--status', 'new', '--json')).stdout)).toEqual([]);
  });

  it('shows contact details and notes to officers only', async () => {
    await cli(...logArgs());
    const reference = JSON.parse((await cli('list', '--json')).stdout)[0].reference as string;
    await cli('note', reference, '--text', 'Rang back, sent the LLW guide.', '--as', 'U0ANA');

    const asOfficer = await cli('show', reference, '--as', 'U0ANA');
    expect(asOfficer.stdout).toContain('Contact: Priya Shah, priya@dalston-bakery.example');
    expect(asOfficer.stdout).toContain('U0ANA: Rang back, sent the LLW guide.');
    const asStaff = await cli('show', reference, '--as', 'U0SAM');
    expect(asStaff.stdout).toContain('Organisation: Dalston Bakery Ltd');
    expect(asStaff.stdout).not.toContain('priya');
    expect(asStaff.stdout).not.toContain('Rang back');
    const json = JSON.parse((await cli('show', reference, '--json')).stdout);
    expect(json).toMatchObject({ reference, organisation: 'Dalston Bakery Ltd', status: 'new' });
    expect(json.email).toBeUndefined();
    expect((await cli('show', 'ENQ-2026-9999')).stderr).toBe('There is no enquiry ENQ-2026-9999.\n');
  });

  it('assigns, resolves, closes duplicates and exports the range as CSV', async () => {
    await cli(...logArgs());
    await cli(...logArgs('Dalston Bakery', 'priya@dalston-bakery.example'));
    const [first, second] = JSON.parse((await cli('list', '--json')).stdout).map(
      (enquiry: { reference: string }) => enquiry.reference,
    ) as string[];
    expect((await cli('assign', first!, '--to', 'U0BO', '--as', 'U0ANA')).stdout).toBe(
      `${first} is assigned to U0BO.\n`,
    );
    expect(
      (await cli('resolve', first!, '--outcome', 'Explained the rate, "sent" the guide', '--as', 'U0BO')).stdout,
    ).toBe(`${first} is resolved.\n`);
    expect(
      (await cli('close', second!, '--reason', 'duplicate', '--duplicate-of', first!, '--as', 'U0BO')).stdout,
    ).toBe(`${second} is closed as a duplicate of ${first}.\n`);

    const today = new Date().toISOString().slice(0, 10);
    const out = join(dir, 'export.csv');
    const exported = await cli(
      'export',
      '--format',
      'csv',
      '--from',
      '2020-01-01',
      '--to',
      '2099-12-31',
      '--out',
      out,
      '--as',
      'U0ANA',
    );
    expect(exported).toMatchObject({ code: 0, stdout: `Wrote ${out}.\n` });
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.map((row) => [row[0], row[7], row[8], row[10]])).toEqual([
      ['reference', 'status', 'assignee', 'outcome'],
      [first, 'resolved', 'U0BO', 'Explained the rate, "sent" the guide'],
      [second, 'closed', '', ''],
    ]);
    const refused = await cli('export', '--format', 'json', '--from', today, '--to', today, '--as', 'U0SAM');
    expect(refused).toMatchObject({ code: 1, stderr: 'Only employer engagement officers can export enquiries.\n' });
  });

  it('erases a person on request, and applies retention to old finished enquiries', async () => {
    const store = await createStore(env.STORE_URL!);
    const queue = createEnquiryQueue({
      store,
      log: createLogger({ level: 'silent' }),
      now: () => new Date('2020-03-02T10:00:00Z'),
      settings: { slaHours: 8, retentionDays: 730, staleClaimWorkingDays: 5 },
    });
    const old = await queue.log(
      {
        organisation: 'Old Co',
        contactName: 'Ola',
        email: 'ola@old.example',
        description: 'S106 jobs',
        arrivedVia: 'external',
      },
      { platform: 'cli', userId: 'U0SAM', isOfficer: false },
    );
    if (!old.ok) throw new Error('setup failed');
    await queue.resolve(old.enquiry.reference, 'Done', { platform: 'cli', userId: 'U0ANA', isOfficer: true });
    await store.close();
    await cli(...logArgs());

    expect((await cli('retention')).stdout).toBe(
      'Erased contact details from 1 finished enquiry past the retention period.\n',
    );
    expect((await cli('show', old.enquiry.reference, '--as', 'U0ANA')).stdout).toMatch(/Contact: erased /);

    expect(await cli('erase', '--contact', 'priya@dalston-bakery.example', '--as', 'U0SAM')).toMatchObject({
      code: 1,
      stderr: 'Only employer engagement officers can erase contact details.\n',
    });
    expect((await cli('erase', '--contact', 'PRIYA@dalston-bakery.example', '--as', 'U0ANA')).stdout).toBe(
      'Erased contact details from 1 enquiry.\n',
    );
    const listed = JSON.parse((await cli('list', '--json', '--as', 'U0ANA')).stdout) as { email?: string }[];
    expect(listed.filter((enquiry) => enquiry.email !== undefined)).toEqual([]);
  });

  it('refuses a malformed officer list', async () => {
    env.SLACK_OFFICER_IDS = 'U0ANA, bad id!';
    const result = await cli('list');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SLACK_OFFICER_IDS: expected comma-separated user ids');
  });
});
