import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Enquiry, TriagePost, TriagePublisher } from '../../src/enquiries/enquiry-queue.js';
import { openEnquiryStorage } from '../../src/enquiries/enquiry-storage.js';
import {
  describeEachBackend,
  enquiryInput,
  type Harness,
  officer,
  openHarness,
  parseCsv,
  staff,
} from './queue-harness.js';

type Published = { reference: string; status: string; existing?: TriagePost };

/** A triage channel stand-in: records what was posted, and can be told to fail the next calls. */
function fakePublisher(platform: 'slack' | 'teams' = 'slack') {
  const published: Published[] = [];
  const reminders: { reference: string; kind: string }[] = [];
  let failuresLeft = 0;
  let counter = 0;
  const publisher: TriagePublisher = {
    platform,
    async publish(enquiry: Enquiry, existing?: TriagePost) {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('channel_not_found');
      }
      published.push({ reference: enquiry.reference, status: enquiry.status, ...(existing && { existing }) });
      counter += 1;
      return existing ?? { platform, channel: 'C0TRIAGE', messageId: `1700000000.00${counter}` };
    },
    async remind(enquiry, kind) {
      reminders.push({ reference: enquiry.reference, kind });
    },
  };
  return {
    publisher,
    published,
    reminders,
    failNext(times: number) {
      failuresLeft = times;
    },
  };
}

describeEachBackend('enquiry queue', (backend) => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await harness.close();
  });

  describe('logging', () => {
    it('stores the enquiry with a yearly reference, its contact details and a logged history entry', async () => {
      const result = await harness.queue.log(enquiryInput(), staff());
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.created).toBe(true);
      expect(result.enquiry.reference).toMatch(/^ENQ-2026-\d{4,}$/);
      const stored = await harness.newQueue().get(result.enquiry.reference);
      expect(stored).toMatchObject({
        organisation: 'Dalston Bakery Ltd',
        contactName: 'Priya Shah',
        email: 'priya@dalston-bakery.example',
        phone: '020 7946 0123',
        status: 'new',
        arrivedVia: 'staff',
        loggedBy: { userId: 'U0STAFF01' },
        createdAt: '2026-11-23T10:00:00.000Z',
      });
      expect(stored?.history.map((entry) => entry.action)).toEqual(['logged']);
    });

    it('explains each invalid field and stores nothing', async () => {
      const result = await harness.queue.log(
        { organisation: '  ', contactName: 'Priya', email: 'not-an-email', description: 'x', arrivedVia: 'fax' },
        staff(),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const byField = Object.fromEntries(result.issues.map((issue) => [issue.field, issue.message]));
      expect(byField.organisation).toBe("Enter the organisation's name.");
      expect(byField.email).toMatch(/email address in the right format/);
      expect(byField.arrivedVia).toMatch(/staff, bot or external/);
      expect(await harness.queue.list()).toEqual([]);
    });

    it('requires an email address or a phone number', async () => {
      const result = await harness.queue.log(enquiryInput({ email: '', phone: undefined }), staff());
      expect(result).toEqual({
        ok: false,
        issues: [{ field: 'email', message: 'Give an email address or a UK phone number (at least one).' }],
      });
    });

    it.each(['020 7946 0123', '+44 (0)20 7946 0123', '07700 900982', '0044 7700-900-982', '(01632) 960 001'])(
      'accepts the UK phone number %s',
      async (phone) => {
        const result = await harness.queue.log(enquiryInput({ email: undefined, phone }), staff());
        expect(result.ok).toBe(true);
      },
    );

    it.each(['12345', '+33 1 23 45 67 89', '020 7946 01234567', '0000 000 000'])(
      'refuses %s as a UK phone number',
      async (phone) => {
        const result = await harness.queue.log(enquiryInput({ phone }), staff());
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toEqual([
          { field: 'phone', message: 'Enter a UK phone number, like 020 8356 3000 or 07700 900 982.' },
        ]);
      },
    );

    it('suggests the topic from the description when none is given, and keeps a chosen one', async () => {
      const suggested = await harness.queue.log(
        enquiryInput({ description: 'Can we get a Section 106 obligation signed off for the new site?' }),
        staff(),
      );
      const chosen = await harness.queue.log(
        enquiryInput({ description: 'Can we get a Section 106 obligation signed off?', topic: 'recruitment' }),
        staff(),
      );
      expect(suggested.ok && suggested.enquiry.topic).toBe('s106');
      expect(chosen.ok && chosen.enquiry.topic).toBe('recruitment');
    });

    it('numbers references from 0001 each year and never reuses one across queue instances', async () => {
      const other = harness.newQueue();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          (index % 2 === 0 ? harness.queue : other).log(enquiryInput({ organisation: `Employer ${index}` }), staff()),
        ),
      );
      const references = results.map((result) => (result.ok ? result.enquiry.reference : 'failed'));
      expect(new Set(references).size).toBe(12);
      expect([...references].sort()[0]).toBe('ENQ-2026-0001');

      harness.clock.set('2027-01-04T10:00:00Z');
      const nextYear = await harness.newQueue().log(enquiryInput(), staff());
      expect(nextYear.ok && nextYear.enquiry.reference).toBe('ENQ-2027-0001');
    });

    it('returns the first enquiry when the same submission arrives twice', async () => {
      const first = await harness.queue.log(enquiryInput(), staff(), { idempotencyKey: 'V0VIEWID1' });
      const again = await harness.newQueue().log(enquiryInput(), staff(), { idempotencyKey: 'V0VIEWID1' });
      expect(first.ok && first.created).toBe(true);
      expect(again.ok && again.created).toBe(false);
      expect(again.ok && again.enquiry.reference).toBe(first.ok && first.enquiry.reference);
      expect(await harness.queue.list()).toHaveLength(1);
    });

    it('points out open enquiries from the same organisation or contact without merging them', async () => {
      const first = await harness.queue.log(enquiryInput({ organisation: 'The Acme Co. Ltd' }), staff());
      const resolved = await harness.queue.log(
        enquiryInput({ organisation: 'Other Org', email: 'other@example.org', phone: '07700 900111' }),
        staff(),
      );
      if (!first.ok || !resolved.ok) throw new Error('setup failed');
      await harness.queue.resolve(resolved.enquiry.reference, 'Sent the guide.', officer());

      const sameOrg = await harness.queue.log(
        enquiryInput({ organisation: 'ACME CO LIMITED', email: 'new@acme.example', phone: undefined }),
        staff(),
      );
      const sameEmail = await harness.queue.log(
        enquiryInput({ organisation: 'Somewhere Else', email: 'PRIYA@dalston-bakery.example', phone: undefined }),
        staff(),
      );
      const sameResolvedContact = await harness.queue.log(
        enquiryInput({ organisation: 'Third Org', email: 'other@example.org', phone: undefined }),
        staff(),
      );
      expect(sameOrg.ok && sameOrg.possibleDuplicates.map((dup) => dup.reference)).toEqual([first.enquiry.reference]);
      expect(sameEmail.ok && sameEmail.possibleDuplicates).toEqual([
        {
          reference: first.enquiry.reference,
          organisation: 'The Acme Co. Ltd',
          contactName: 'Priya Shah',
          status: 'new',
        },
      ]);
      expect(sameResolvedContact.ok && sameResolvedContact.possibleDuplicates).toEqual([]);
      expect(await harness.queue.list()).toHaveLength(5);
    });
  });

  describe('working the queue', () => {
    async function logged(overrides: Record<string, unknown> = {}) {
      const result = await harness.queue.log(enquiryInput(overrides), staff());
      if (!result.ok) throw new Error('setup failed');
      return result.enquiry.reference;
    }

    it.each([
      ['claim', 'Only employer engagement officers can claim enquiries.'],
      ['assign', 'Only employer engagement officers can assign enquiries.'],
      ['note', 'Only employer engagement officers can add notes to enquiries.'],
      ['resolve', 'Only employer engagement officers can resolve enquiries.'],
      ['close', 'Only employer engagement officers can close enquiries.'],
    ] as const)('refuses to let a non-officer %s, and changes nothing', async (action, message) => {
      const reference = await logged();
      const queue = harness.queue;
      const by = staff();
      const result = await {
        claim: () => queue.claim(reference, by),
        assign: () => queue.assign(reference, 'U0STAFF01', by),
        note: () => queue.addNote(reference, 'hello', by),
        resolve: () => queue.resolve(reference, 'done', by),
        close: () => queue.close(reference, 'spam', by),
      }[action]();
      expect(result).toEqual({ ok: false, reason: 'forbidden', message });
      const after = await queue.get(reference);
      expect(after?.status).toBe('new');
      expect(after?.history).toHaveLength(1);
    });

    it('refuses exports and erasure to non-officers', async () => {
      await logged();
      expect(
        await harness.queue.exportEnquiries({ from: '2026-01-01', to: '2026-12-31', format: 'csv' }, staff()),
      ).toEqual({ ok: false, message: 'Only employer engagement officers can export enquiries.' });
      expect(await harness.queue.eraseContact('priya@dalston-bakery.example', staff())).toEqual({
        ok: false,
        message: 'Only employer engagement officers can erase contact details.',
      });
      expect((await harness.queue.list())[0]?.email).toBe('priya@dalston-bakery.example');
    });

    it('tells a second officer who already has the enquiry', async () => {
      const reference = await logged();
      const first = await harness.queue.claim(reference, officer('U0ANA', 'Ana'));
      const second = await harness.newQueue().claim(reference, officer('U0BO', 'Bo'));
      expect(first.ok && first.enquiry.assignee).toBe('U0ANA');
      expect(second).toMatchObject({
        ok: false,
        reason: 'conflict',
        message: `${reference} is already claimed by Ana`,
      });
      const again = await harness.queue.claim(reference, officer('U0ANA', 'Ana'));
      expect(again.ok).toBe(true);
      expect((await harness.queue.get(reference))?.history.map((entry) => entry.action)).toEqual(['logged', 'claimed']);
    });

    it('gives exactly one winner when officers claim at the same moment', async () => {
      const reference = await logged();
      const queues = [harness.queue, harness.newQueue(), harness.newQueue(), harness.newQueue()];
      const results = await Promise.all(queues.map((queue, index) => queue.claim(reference, officer(`U0OFF${index}`))));
      const winners = results.filter((result) => result.ok);
      expect(winners).toHaveLength(1);
      const winner = (await harness.queue.get(reference))?.assignee;
      for (const result of results.filter((r) => !r.ok)) {
        expect(result).toMatchObject({ reason: 'conflict', message: `${reference} is already claimed by Ana Officer` });
      }
      expect(winner).toMatch(/^U0OFF\d$/);
    });

    it('records who did what and when, in order', async () => {
      const reference = await logged();
      harness.clock.set('2026-11-23T11:00:00Z');
      await harness.queue.claim(reference, officer('U0ANA', 'Ana'));
      harness.clock.set('2026-11-23T12:00:00Z');
      await harness.queue.addNote(reference, 'Rang them; they want a levy transfer instead.', officer('U0ANA', 'Ana'));
      harness.clock.set('2026-11-24T09:30:00Z');
      await harness.queue.assign(reference, 'U0BO', officer('U0ANA', 'Ana'));
      harness.clock.set('2026-11-25T15:00:00Z');
      const resolved = await harness.queue.resolve(reference, 'Matched with a levy-paying employer.', officer('U0BO'));

      expect(resolved.ok).toBe(true);
      const enquiry = await harness.newQueue().get(reference);
      expect(enquiry).toMatchObject({
        status: 'resolved',
        assignee: 'U0BO',
        outcome: 'Matched with a levy-paying employer.',
        resolvedAt: '2026-11-25T15:00:00.000Z',
        notes: [{ at: '2026-11-23T12:00:00.000Z', by: 'Ana', text: 'Rang them; they want a levy transfer instead.' }],
      });
      expect(enquiry?.history.map((entry) => [entry.seq, entry.action, entry.actor.userId, entry.at])).toEqual([
        [1, 'logged', 'U0STAFF01', '2026-11-23T10:00:00.000Z'],
        [2, 'claimed', 'U0ANA', '2026-11-23T11:00:00.000Z'],
        [3, 'noted', 'U0ANA', '2026-11-23T12:00:00.000Z'],
        [4, 'assigned', 'U0ANA', '2026-11-24T09:30:00.000Z'],
        [5, 'resolved', 'U0BO', '2026-11-25T15:00:00.000Z'],
      ]);
      const again = await harness.queue.resolve(reference, 'again', officer());
      expect(again).toMatchObject({ ok: false, reason: 'invalid', message: `${reference} is already resolved.` });
    });

    it('closes a duplicate pointing at the original, and checks the original exists', async () => {
      const original = await logged();
      const copy = await logged();
      const missing = await harness.queue.close(copy, 'duplicate', officer(), 'ENQ-2026-9999');
      expect(missing).toEqual({
        ok: false,
        reason: 'invalid',
        message: 'There is no enquiry ENQ-2026-9999 to mark this as a duplicate of.',
      });
      const closed = await harness.queue.close(copy, 'duplicate', officer(), original.toLowerCase());
      expect(closed.ok && closed.enquiry).toMatchObject({
        status: 'closed',
        closedReason: 'duplicate',
        duplicateOf: original,
      });
      expect((await harness.queue.get(original))?.status).toBe('new');
    });

    it('reports an unknown reference', async () => {
      expect(await harness.queue.claim('ENQ-2026-4242', officer())).toEqual({
        ok: false,
        reason: 'not_found',
        message: 'There is no enquiry ENQ-2026-4242.',
      });
      expect(await harness.queue.get('nonsense')).toBeUndefined();
    });

    it('lists by status, assignee and creation date', async () => {
      const a = await logged({ organisation: 'A' });
      harness.clock.set('2026-11-24T10:00:00Z');
      const b = await logged({ organisation: 'B' });
      const c = await logged({ organisation: 'C' });
      await harness.queue.claim(b, officer('U0ANA'));
      await harness.queue.claim(c, officer('U0BO'));
      await harness.queue.resolve(c, 'done', officer('U0BO'));

      const refs = (list: Enquiry[]) => list.map((enquiry) => enquiry.reference);
      expect(refs(await harness.queue.list())).toEqual([a, b, c]);
      expect(refs(await harness.queue.list({ status: ['new', 'claimed'] }))).toEqual([a, b]);
      expect(refs(await harness.queue.list({ status: ['claimed'], assignee: 'U0ANA' }))).toEqual([b]);
      expect(refs(await harness.queue.list({ status: ['resolved'] }))).toEqual([c]);
      expect(refs(await harness.queue.list({ from: '2026-11-24', to: '2026-11-24' }))).toEqual([b, c]);
    });
  });

  describe('export', () => {
    it('writes RFC 4180 CSV of the enquiries created in the range, with awkward text intact', async () => {
      harness.clock.set('2026-10-31T23:30:00Z'); // 31 October in London
      await harness.queue.log(enquiryInput({ organisation: 'Too Early Ltd' }), staff());
      harness.clock.set('2026-11-02T09:00:00Z');
      const tricky = await harness.queue.log(
        enquiryInput({ organisation: 'Smith, Jones & "Partners"', contactName: 'Jo\nBloggs', email: 'jo@example.org' }),
        staff(),
      );
      harness.clock.set('2026-11-03T09:00:00Z');
      const formula = await harness.queue.log(
        enquiryInput({ organisation: '=HYPERLINK("x")', phone: '07700 900982' }),
        staff(),
      );
      if (!tricky.ok || !formula.ok) throw new Error('setup failed');
      await harness.queue.resolve(tricky.enquiry.reference, 'Advised, see notes', officer());

      const exported = await harness.queue.exportEnquiries(
        { from: '2026-11-01', to: '2026-11-30', format: 'csv' },
        officer(),
      );
      expect(exported.ok).toBe(true);
      if (!exported.ok) return;
      const rows = parseCsv(exported.body);
      // The header a spreadsheet user sees, written out here rather than read from the exporter.
      const header = [
        'reference',
        'createdAt',
        'organisation',
        'contactName',
        'email',
        'phone',
        'topic',
        'status',
        'assignee',
        'resolvedAt',
        'outcome',
        'arrivedVia',
      ];
      expect(rows[0]).toEqual(header);
      expect(rows).toHaveLength(3);
      const record = (row: string[]) => Object.fromEntries(header.map((column, index) => [column, row[index]]));
      expect(record(rows[1]!)).toEqual({
        reference: tricky.enquiry.reference,
        createdAt: '2026-11-02T09:00:00.000Z',
        organisation: 'Smith, Jones & "Partners"',
        contactName: 'Jo\nBloggs',
        email: 'jo@example.org',
        phone: '020 7946 0123',
        topic: 'apprenticeships',
        status: 'resolved',
        assignee: '',
        resolvedAt: '2026-11-03T09:00:00.000Z',
        outcome: 'Advised, see notes',
        arrivedVia: 'staff',
      });
      expect(record(rows[2]!).organisation).toBe(`'=HYPERLINK("x")`);
      expect(record(rows[2]!).phone).toBe('07700 900982');
    });

    it('exports JSON, and explains a bad range', async () => {
      await harness.queue.log(enquiryInput(), staff());
      const json = await harness.queue.exportEnquiries(
        { from: '2026-11-23', to: '2026-11-23', format: 'json' },
        officer(),
      );
      expect(json.ok && (JSON.parse(json.body) as Enquiry[]).map((enquiry) => enquiry.organisation)).toEqual([
        'Dalston Bakery Ltd',
      ]);
      expect(
        await harness.queue.exportEnquiries({ from: '2026-12-01', to: '2026-11-01', format: 'csv' }, officer()),
      ).toEqual({ ok: false, message: 'The start date must not be after the end date.' });
    });
  });

  describe('personal data', () => {
    it('erases contact details of enquiries finished longer ago than the retention period, keeping the rest', async () => {
      const old = await harness.queue.log(enquiryInput(), staff());
      const recent = await harness.queue.log(enquiryInput({ organisation: 'Recent' }), staff());
      const open = await harness.queue.log(enquiryInput({ organisation: 'Open' }), staff());
      if (!old.ok || !recent.ok || !open.ok) throw new Error('setup failed');
      await harness.queue.resolve(old.enquiry.reference, 'Done', officer());
      harness.clock.set('2027-01-10T10:00:00Z');
      await harness.queue.close(recent.enquiry.reference, 'spam', officer());

      harness.clock.set('2028-11-22T10:00:00Z'); // exactly 730 days (2028 is a leap year) after the resolution
      expect(await harness.queue.applyRetention()).toBe(0);
      harness.clock.set('2028-11-22T10:01:00Z');
      expect(await harness.queue.applyRetention()).toBe(1);
      expect(await harness.queue.applyRetention()).toBe(0);

      const erased = await harness.newQueue().get(old.enquiry.reference);
      expect(erased).toMatchObject({
        contactName: '',
        contactErasedAt: '2028-11-22T10:01:00.000Z',
        status: 'resolved',
      });
      expect(erased?.email).toBeUndefined();
      expect(erased?.phone).toBeUndefined();
      expect(erased?.organisation).toBe('Dalston Bakery Ltd');
      expect(erased?.history.at(-1)?.action).toBe('erased');
      expect((await harness.queue.get(recent.enquiry.reference))?.contactName).toBe('Priya Shah');
      expect((await harness.queue.get(open.enquiry.reference))?.email).toBe('priya@dalston-bakery.example');
    });

    it('erases one person everywhere on request (their email, and phone numbers given with it), and no longer matches them', async () => {
      const first = await harness.queue.log(enquiryInput(), staff());
      const second = await harness.queue.log(
        enquiryInput({ organisation: 'Another', email: 'Priya@Dalston-Bakery.example', phone: undefined }),
        staff(),
      );
      const someoneElse = await harness.queue.log(
        enquiryInput({ organisation: 'Third', contactName: 'Tom', email: 'tom@example.org', phone: undefined }),
        staff(),
      );
      const samePhone = await harness.queue.log(
        enquiryInput({ organisation: 'Fifth', email: undefined, phone: '+44 20 7946 0123' }),
        staff(),
      );
      if (!first.ok || !second.ok || !someoneElse.ok || !samePhone.ok) throw new Error('setup failed');

      expect(await harness.queue.eraseContact('priya@dalston-bakery.example', officer())).toEqual({
        ok: true,
        erased: 3,
      });
      for (const reference of [first.enquiry.reference, second.enquiry.reference, samePhone.enquiry.reference]) {
        const enquiry = await harness.newQueue().get(reference);
        expect(enquiry?.contactName).toBe('');
        expect(enquiry?.email).toBeUndefined();
        expect(enquiry?.contactErasedAt).toBeDefined();
      }
      expect((await harness.queue.get(someoneElse.enquiry.reference))?.email).toBe('tom@example.org');
      const later = await harness.queue.log(
        enquiryInput({ organisation: 'Fourth', email: 'priya@dalston-bakery.example', phone: undefined }),
        staff(),
      );
      expect(later.ok && later.possibleDuplicates).toEqual([]);
      const exported = await harness.queue.exportEnquiries(
        { from: '2026-01-01', to: '2026-12-31', format: 'csv' },
        officer(),
      );
      expect(exported.ok && exported.body.split('priya@dalston-bakery.example').length - 1).toBe(1);
    });

    it('applies retention while delivering, so a running app needs no separate schedule', async () => {
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      await harness.queue.close(result.enquiry.reference, 'spam', officer());
      const queue = harness.newQueue();
      harness.clock.set('2028-11-21T10:00:00Z');
      await queue.deliver([]);
      expect((await queue.get(result.enquiry.reference))?.contactName).toBe('Priya Shah');
      harness.clock.set('2028-11-23T10:00:00Z');
      await queue.deliver([]);
      expect(await queue.get(result.enquiry.reference)).toMatchObject({
        contactName: '',
        contactErasedAt: '2028-11-23T10:00:00.000Z',
      });
    });

    it('keeps contact details out of the logs', async () => {
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      await harness.queue.claim(result.enquiry.reference, officer());
      await harness.queue.deliver([fakePublisher().publisher]);
      await harness.queue.eraseContact('priya@dalston-bakery.example', officer());
      const text = harness.logText();
      expect(text).toContain(result.enquiry.reference);
      for (const secret of ['Priya', 'priya@dalston-bakery.example', '7946']) expect(text).not.toContain(secret);
    });
  });

  describe('delivery to the triage channel', () => {
    it('posts each new enquiry once and updates the same post after a change', async () => {
      const channel = fakePublisher();
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 1, failed: 0 });
      expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 0, failed: 0 });
      await harness.queue.claim(result.enquiry.reference, officer());
      await harness.queue.deliver([channel.publisher]);

      expect(channel.published).toEqual([
        { reference: result.enquiry.reference, status: 'new' },
        {
          reference: result.enquiry.reference,
          status: 'claimed',
          existing: { platform: 'slack', channel: 'C0TRIAGE', messageId: '1700000000.001' },
        },
      ]);
      expect((await harness.queue.get(result.enquiry.reference))?.posts).toEqual([
        { platform: 'slack', channel: 'C0TRIAGE', messageId: '1700000000.001' },
      ]);
    });

    it('retries a failed post with backoff and posts it exactly once', async () => {
      const channel = fakePublisher();
      channel.failNext(1);
      await harness.queue.log(enquiryInput(), staff());
      expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 0, failed: 1 });
      expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 0, failed: 0 }); // still backing off
      harness.clock.set('2026-11-23T10:01:00Z');
      expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 1, failed: 0 });
      harness.clock.set('2026-11-23T11:00:00Z');
      await harness.queue.deliver([channel.publisher]);
      expect(channel.published).toHaveLength(1);
    });

    it('posts an enquiry logged by a replica that stopped before delivering', async () => {
      const crashed = harness.newQueue();
      const result = await crashed.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      // `crashed` is dropped here without ever delivering.
      const channel = fakePublisher();
      const restarted = harness.newQueue();
      expect(await restarted.deliver([channel.publisher])).toEqual({ sent: 1, failed: 0 });
      expect(channel.published.map((post) => post.reference)).toEqual([result.enquiry.reference]);
    });

    it('cleans up after a log that stopped before the enquiry was written, once it is an hour old', async () => {
      const failingStore = {
        ...harness.store,
        async insertIfAbsent(namespace: string, key: string, value: unknown, options?: { ttlMs?: number }) {
          if (namespace.endsWith('enquiry-events')) throw new Error('connection lost');
          return harness.store.insertIfAbsent(namespace, key, value, options);
        },
      };
      await expect(harness.newQueue({ store: failingStore }).log(enquiryInput(), staff())).rejects.toThrow(
        'connection lost',
      );
      const storage = openEnquiryStorage(harness.store, harness.prefix);
      expect(await storage.contacts.get('ENQ-2026-0001')).toBeDefined();

      const channel = fakePublisher();
      harness.clock.set('2026-11-23T10:59:00Z');
      await harness.queue.deliver([channel.publisher]);
      expect(await storage.contacts.get('ENQ-2026-0001')).toBeDefined(); // may still be finishing elsewhere
      harness.clock.set('2026-11-23T11:01:00Z');
      await harness.queue.deliver([channel.publisher]);

      expect(await storage.contacts.get('ENQ-2026-0001')).toBeUndefined();
      expect(await storage.sets.members('outbox')).toEqual([]);
      expect(await harness.store.insertIfAbsent(storage.namespaces.events, 'ENQ-2026-0001:1', {})).toBe(false);
      expect(await harness.queue.get('ENQ-2026-0001')).toBeUndefined();
      expect(channel.published).toEqual([]);
      const next = await harness.queue.log(enquiryInput(), staff());
      expect(next.ok && next.enquiry.reference).toBe('ENQ-2026-0002');
    });

    it('updates the post for a change committed while another replica was delivering', async () => {
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      let reached: () => void = () => {};
      const atGate = new Promise<void>((resolve) => {
        reached = resolve;
      });
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const pausingStore = {
        ...harness.store,
        async insertIfAbsent(namespace: string, key: string, value: unknown, options?: { ttlMs?: number }) {
          if (namespace.endsWith('enquiry-events')) {
            reached();
            await gate;
          }
          return harness.store.insertIfAbsent(namespace, key, value, options);
        },
      };
      const channel = fakePublisher();
      const claiming = harness.newQueue({ store: pausingStore }).claim(result.enquiry.reference, officer());
      await atGate; // the claim is about to write its event
      await harness.queue.deliver([channel.publisher]);
      open();
      expect((await claiming).ok).toBe(true);
      await harness.queue.deliver([channel.publisher]);
      expect(channel.published.map((post) => post.status)).toEqual(['new', 'claimed']);
    });

    it('does not post an enquiry anew while another replica is still posting it', async () => {
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      const channel = fakePublisher();
      let started: () => void = () => {};
      const publishing = new Promise<void>((resolve) => {
        started = resolve;
      });
      let finish: () => void = () => {};
      const slowChannel = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const slow: TriagePublisher = {
        ...channel.publisher,
        async publish(enquiry, existing) {
          started();
          await slowChannel;
          return channel.publisher.publish(enquiry, existing);
        },
      };
      const first = harness.newQueue().deliver([slow]);
      await publishing;
      await harness.queue.claim(result.enquiry.reference, officer());
      expect(await harness.newQueue().deliver([channel.publisher])).toEqual({ sent: 0, failed: 0 });
      finish();
      await first;
      await harness.newQueue().deliver([channel.publisher]);

      expect(channel.published).toEqual([
        { reference: result.enquiry.reference, status: 'new' },
        {
          reference: result.enquiry.reference,
          status: 'claimed',
          existing: { platform: 'slack', channel: 'C0TRIAGE', messageId: '1700000000.001' },
        },
      ]);
    });

    it('does not double-post when two replicas deliver at once', async () => {
      const channel = fakePublisher();
      for (let index = 0; index < 5; index++) {
        await harness.queue.log(enquiryInput({ organisation: `Org ${index}` }), staff());
      }
      const totals = await Promise.all([
        harness.newQueue().deliver([channel.publisher]),
        harness.newQueue().deliver([channel.publisher]),
        harness.newQueue().deliver([channel.publisher]),
      ]);
      expect(totals.reduce((sum, total) => sum + total.sent, 0)).toBe(5);
      expect(new Set(channel.published.map((post) => post.reference)).size).toBe(5);
      expect(channel.published).toHaveLength(5);
    });

    it('posts to each platform separately, retrying only the one that failed', async () => {
      const slack = fakePublisher('slack');
      const teams = fakePublisher('teams');
      teams.failNext(1);
      await harness.queue.log(enquiryInput(), staff());
      await harness.queue.deliver([slack.publisher, teams.publisher]);
      harness.clock.set('2026-11-23T10:05:00Z');
      await harness.queue.deliver([slack.publisher, teams.publisher]);
      expect(slack.published).toHaveLength(1);
      expect(teams.published).toHaveLength(1);
    });

    it('keeps delivering on a timer until stopped', async () => {
      const channel = fakePublisher();
      let scheduled: (() => void) | undefined;
      const queue = harness.newQueue({
        timers: {
          setTimeout: (run) => {
            scheduled = run;
            return 1;
          },
          clearTimeout: () => {
            scheduled = undefined;
          },
        },
      });
      const stop = queue.startDelivery([channel.publisher], { intervalMs: 1000 });
      await queue.log(enquiryInput(), staff());
      const tick = scheduled;
      scheduled = undefined;
      tick?.();
      await stop();
      expect(channel.published).toHaveLength(1);
      expect(scheduled).toBeUndefined();
    });
    it('delivers a new enquiry at once instead of waiting for the next tick', async () => {
      const channel = fakePublisher();
      const scheduled: { run: () => void; ms: number }[] = [];
      let onSchedule: ((ms: number) => void) | undefined;
      const queue = harness.newQueue({
        timers: {
          setTimeout: (run, ms) => {
            scheduled.push({ run, ms });
            onSchedule?.(ms);
            return scheduled.length;
          },
          clearTimeout: () => {},
        },
      });
      const next = () => new Promise<number>((resolve) => (onSchedule = resolve));
      const stop = queue.startDelivery([channel.publisher], { intervalMs: 60_000 });
      const afterFirstRun = next();
      scheduled.shift()?.run();
      expect(await afterFirstRun).toBe(60_000);
      scheduled.length = 0;

      const woken = next();
      await queue.log(enquiryInput(), staff());
      expect(await woken).toBe(0);
      const afterDelivery = next();
      scheduled.shift()?.run();
      await afterDelivery;
      await stop();
      expect(channel.published).toHaveLength(1);
    });
  });

  describe('reminders', () => {
    it('re-announces an unclaimed enquiry once, after the SLA in working hours', async () => {
      const channel = fakePublisher();
      harness.clock.set('2026-11-27T16:00:00Z'); // Friday 16:00 in London
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      await harness.queue.deliver([channel.publisher]);

      harness.clock.set('2026-11-30T15:59:00Z'); // Monday: 7h59m of working time
      await harness.queue.deliver([channel.publisher]);
      expect(channel.reminders).toEqual([]);
      harness.clock.set('2026-11-30T16:00:00Z'); // 8 working hours
      await harness.queue.deliver([channel.publisher]);
      harness.clock.set('2026-12-07T16:00:00Z');
      await harness.queue.deliver([channel.publisher]);

      expect(channel.reminders).toEqual([{ reference: result.enquiry.reference, kind: 'unclaimed' }]);
      const history = (await harness.queue.get(result.enquiry.reference))?.history ?? [];
      expect(history.at(-1)).toMatchObject({ action: 'reminded', at: '2026-11-30T16:00:00.000Z' });
      expect(channel.published).toHaveLength(1);
    });

    it('counts working hours in British Summer Time too', async () => {
      const channel = fakePublisher();
      harness.clock.set('2026-06-01T08:00:00Z'); // Monday 09:00 BST
      await harness.queue.log(enquiryInput(), staff());
      harness.clock.set('2026-06-01T15:59:00Z');
      await harness.queue.deliver([channel.publisher]);
      expect(channel.reminders).toHaveLength(0);
      harness.clock.set('2026-06-01T16:00:00Z'); // 17:00 BST
      await harness.queue.deliver([channel.publisher]);
      expect(channel.reminders).toHaveLength(1);
    });

    it('flags a claim left untouched for the set number of working days, once', async () => {
      const channel = fakePublisher();
      harness.clock.set('2026-11-23T10:00:00Z'); // Monday
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      await harness.queue.claim(result.enquiry.reference, officer());
      harness.clock.set('2026-11-30T09:59:00Z');
      await harness.queue.deliver([channel.publisher]);
      expect(channel.reminders).toEqual([]);
      harness.clock.set(`2026-11-30T10:00:00Z`); // five working days (of 8 hours) later
      await harness.queue.deliver([channel.publisher]);
      harness.clock.set('2026-12-01T10:00:00Z');
      await harness.queue.deliver([channel.publisher]);
      expect(channel.reminders).toEqual([{ reference: result.enquiry.reference, kind: 'stale-claim' }]);
    });
  });
});
