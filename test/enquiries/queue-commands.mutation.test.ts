import { afterEach, beforeEach, expect, it } from 'vitest';
import { compareReferences } from '../../src/enquiries/queue/references.js';
import type { Store } from '../../src/store/create-store.js';
import { describeEachBackend, enquiryInput, type Harness, officer, openHarness, staff } from './queue-harness.js';

/** The store as a process sees it when it dies just before writing an enquiry's first event. */
function dyingBeforeEventOne(store: Store): Store {
  return {
    ...store,
    async insertIfAbsent(namespace, key, value, options) {
      if (namespace.endsWith('enquiry-events') && key.endsWith(':1')) throw new Error('killed');
      return store.insertIfAbsent(namespace, key, value, options);
    },
  };
}

type LogLine = { msg: string; [field: string]: unknown };

describeEachBackend('officers working the queue, as they see it,', (backend) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    await harness.close();
  });

  const logged = async (overrides: Record<string, unknown> = {}) => {
    const result = await harness.queue.log(enquiryInput(overrides), staff());
    if (!result.ok) throw new Error('setup failed');
    return result.enquiry.reference;
  };
  const logLines = (msg: string): LogLine[] =>
    harness
      .logText()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line.msg === msg);

  it.each(['resolved', 'closed'] as const)('refuses every change to an enquiry already %s', async (status) => {
    const reference = await logged();
    if (status === 'resolved') await harness.queue.resolve(reference, 'Sent the guide.', officer());
    else await harness.queue.close(reference, 'spam', officer());
    const refusal = { ok: false, reason: 'invalid', message: `${reference} is already ${status}.` };
    expect(await harness.queue.claim(reference, officer())).toMatchObject(refusal);
    expect(await harness.queue.assign(reference, 'U0BO', officer())).toMatchObject(refusal);
    expect(await harness.queue.resolve(reference, 'Again.', officer())).toMatchObject(refusal);
    expect(await harness.queue.close(reference, 'spam', officer())).toMatchObject(refusal);
    expect((await harness.queue.get(reference))?.history).toHaveLength(2);
  });

  it('explains each empty or wrong input, and records nothing', async () => {
    const reference = await logged();
    const invalid = (message: string) => ({ ok: false, reason: 'invalid', message });
    expect(await harness.queue.assign(reference, '   ', officer())).toEqual(invalid('Say who to assign it to.'));
    expect(await harness.queue.addNote(reference, '', officer())).toEqual(invalid('Write the note.'));
    expect(await harness.queue.resolve(reference, ' ', officer())).toEqual(invalid('Say what the outcome was.'));
    expect(await harness.queue.close(reference, 'boring' as 'spam', officer())).toEqual(
      invalid('The reason must be duplicate or spam.'),
    );
    const other = await logged({ organisation: 'Other Org' });
    expect(await harness.queue.close(reference, 'spam', officer(), other)).toEqual(
      invalid('Only a duplicate can name the enquiry it repeats.'),
    );
    expect(await harness.queue.close(reference, 'duplicate', officer(), ` ${reference.toLowerCase()} `)).toEqual(
      invalid('An enquiry cannot be a duplicate of itself.'),
    );
    expect(await harness.queue.close(reference, 'duplicate', officer(), '  not-a-reference ')).toEqual(
      invalid('There is no enquiry not-a-reference to mark this as a duplicate of.'),
    );
    expect((await harness.queue.get(reference))?.history).toHaveLength(1);
  });

  it('closes as spam when the duplicate box was left blank', async () => {
    const reference = await logged();
    expect(await harness.queue.close(reference, 'spam', officer(), '   ')).toMatchObject({ ok: true });
    expect(await harness.queue.get(reference)).toMatchObject({ status: 'closed' });
  });

  it('records nothing when an enquiry is assigned to the person who already has it', async () => {
    const reference = await logged();
    await harness.queue.assign(reference, 'U0BO', officer('U0ANA', 'Ana'));
    expect(await harness.queue.assign(reference, ' U0BO ', officer('U0ANA', 'Ana'))).toMatchObject({ ok: true });
    const enquiry = await harness.queue.get(reference);
    expect(enquiry?.history.map((entry) => entry.action)).toEqual(['logged', 'assigned']);
  });

  it('shows the name of an officer who assigns an enquiry to themselves, and only the id of anyone else', async () => {
    const reference = await logged();
    await harness.queue.assign(reference, 'U0ANA', officer('U0ANA', 'Ana'));
    expect(await harness.queue.get(reference)).toMatchObject({ assignee: 'U0ANA', assigneeName: 'Ana' });
    await harness.queue.assign(reference, 'U0BO', officer('U0ANA', 'Ana'));
    const reassigned = await harness.queue.get(reference);
    expect(reassigned?.assignee).toBe('U0BO');
    expect(reassigned?.assigneeName).toBeUndefined();
    expect(await harness.queue.claim(reference, officer('U0BO', 'Bo'))).toMatchObject({ ok: true });
  });

  it('finds an enquiry by its reference typed in lower case with spaces around it', async () => {
    const reference = await logged();
    expect(await harness.queue.resolve(`  ${reference.toLowerCase()} `, 'Done.', officer())).toMatchObject({
      ok: true,
    });
    expect((await harness.queue.get(reference))?.status).toBe('resolved');
  });

  it('gives a repeated submission its first reference without using up another', async () => {
    const first = await harness.queue.log(enquiryInput(), staff(), { idempotencyKey: ' V0VIEW1 ' });
    const again = await harness.queue.log(enquiryInput(), staff(), { idempotencyKey: 'V0VIEW1' });
    expect(first.ok && first.enquiry.reference).toBe('ENQ-2026-0001');
    expect(again).toMatchObject({ ok: true, created: false, enquiry: { reference: 'ENQ-2026-0001' } });
    expect(await logged({ organisation: 'Next Org' })).toBe('ENQ-2026-0002');
    expect(logLines('enquiry logged')).toMatchObject([
      { reference: 'ENQ-2026-0001', topic: expect.any(String), arrivedVia: 'staff', by: 'U0STAFF01' },
      { reference: 'ENQ-2026-0002' },
    ]);
  });

  it('finishes a submission that stopped part-way under the reference it was given', async () => {
    const dying = harness.newQueue({ store: dyingBeforeEventOne(harness.store) });
    await expect(dying.log(enquiryInput(), staff(), { idempotencyKey: 'V0VIEW2' })).rejects.toThrow('killed');
    const retried = await harness.queue.log(enquiryInput(), staff(), { idempotencyKey: 'V0VIEW2' });
    expect(retried).toMatchObject({ ok: true, created: true, enquiry: { reference: 'ENQ-2026-0001' } });
    expect(await logged({ organisation: 'Next Org' })).toBe('ENQ-2026-0002');
  });

  it('treats a blank idempotency key as none', async () => {
    await harness.queue.log(enquiryInput(), staff(), { idempotencyKey: '  ' });
    const second = await harness.queue.log(enquiryInput(), staff(), { idempotencyKey: '  ' });
    expect(second).toMatchObject({ ok: true, created: true, enquiry: { reference: 'ENQ-2026-0002' } });
  });

  it('keeps the link to the message an enquiry came from', async () => {
    const link = 'https://hackney.slack.com/archives/C0123/p1700000000000100';
    const reference = await logged({ sourceLink: link });
    expect((await harness.newQueue().get(reference))?.sourceLink).toBe(link);
  });

  it('lists possible duplicates in reference order, whichever index found them', async () => {
    const alpha = await logged({ organisation: 'Alpha Ltd', email: 'one@example.org', phone: undefined });
    const beta = await logged({ organisation: 'Beta Ltd', email: 'two@example.org', phone: undefined });
    const result = await harness.queue.log(
      enquiryInput({ organisation: 'Beta Ltd', email: 'one@example.org', phone: undefined }),
      staff(),
    );
    expect(result.ok && result.possibleDuplicates.map((dup) => dup.reference)).toEqual([alpha, beta]);
  });

  it('still points out an organisation’s open enquiry after the contact asked to be erased', async () => {
    const reference = await logged();
    await harness.queue.eraseContact('priya@dalston-bakery.example', officer());
    const later = await harness.queue.log(
      enquiryInput({ contactName: 'Someone New', email: 'new@dalston-bakery.example', phone: undefined }),
      staff(),
    );
    expect(later.ok && later.possibleDuplicates).toEqual([
      { reference, organisation: 'Dalston Bakery Ltd', contactName: '', status: 'new' },
    ]);
  });

  it('exports only the days asked for, logs who exported how many, and explains every fault in a range', async () => {
    await logged();
    harness.clock.set('2026-11-25T10:00:00Z');
    await logged({ organisation: 'Later Org' });
    const exported = await harness.queue.exportEnquiries(
      { from: '2026-11-23', to: '2026-11-24', format: 'json' },
      officer('U0EXPORT'),
    );
    expect(
      exported.ok && JSON.parse(exported.body).map((enquiry: { organisation: string }) => enquiry.organisation),
    ).toEqual(['Dalston Bakery Ltd']);
    expect(logLines('enquiries exported')).toMatchObject([
      { from: '2026-11-23', to: '2026-11-24', format: 'json', count: 1, by: 'U0EXPORT' },
    ]);
    const bad = await harness.queue.exportEnquiries(
      { from: '2026-11-23', to: '2026-11-24', format: 'pdf' as 'csv' },
      officer(),
    );
    expect(bad).toEqual({ ok: false, message: 'The format must be csv or json.' });
    const both = await harness.queue.exportEnquiries(
      { from: '2026-11-24', to: 'soon', format: 'pdf' as 'csv' },
      officer(),
    );
    expect(both.ok ? '' : both.message).toMatch(/^expected a date as YYYY-MM-DD .* The format must be csv or json\.$/);
  });

  it('says which reference it could not find, or that none was given', async () => {
    expect(await harness.queue.claim('   ', officer())).toEqual({
      ok: false,
      reason: 'not_found',
      message: 'There is no enquiry (no reference given).',
    });
    expect(await harness.queue.claim('  ENQ 12 ', officer())).toMatchObject({
      message: 'There is no enquiry ENQ 12.',
    });
  });

  it('logs each change with the reference, what was done, its place in the history and who did it', async () => {
    const reference = await logged();
    await harness.queue.claim(reference, officer('U0ANA', 'Ana'));
    expect(logLines('enquiry updated')).toEqual([
      expect.objectContaining({ reference, action: 'claimed', seq: 2, by: 'U0ANA' }),
    ]);
  });

  it('orders references of a year by number, 9999 before 10000', () => {
    const references = ['ENQ-2026-10000', 'ENQ-2026-0010', 'ENQ-2026-9999', 'ENQ-2026-0002'];
    expect([...references].sort(compareReferences)).toEqual([
      'ENQ-2026-0002',
      'ENQ-2026-0010',
      'ENQ-2026-9999',
      'ENQ-2026-10000',
    ]);
  });
});
