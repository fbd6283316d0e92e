import { afterEach, beforeEach, expect, it } from 'vitest';
import { indexHash, normalisePhone } from '../../src/enquiries/enquiry-schema.js';
import { openEnquiryStorage } from '../../src/enquiries/enquiry-storage.js';
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

describeEachBackend('erasure and retention, as officers and the logs see them,', (backend) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    await harness.close();
  });

  const storage = () => openEnquiryStorage(harness.store, harness.prefix);
  const logLines = (msg: string): LogLine[] =>
    harness
      .logText()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line.msg === msg);
  const logged = async (overrides: Record<string, unknown> = {}) => {
    const result = await harness.queue.log(enquiryInput(overrides), staff());
    if (!result.ok) throw new Error('setup failed');
    return result.enquiry.reference;
  };

  it('records an erasure on request as such in the history, and logs how many and by whom', async () => {
    const reference = await logged();
    expect(await harness.queue.eraseContact('  priya@dalston-bakery.example  ', officer('U0ERASER'))).toEqual({
      ok: true,
      erased: 1,
    });
    expect((await harness.queue.get(reference))?.history.at(-1)).toMatchObject({
      action: 'erased',
      detail: 'contact details erased on request',
    });
    expect(logLines('contact details erased on request')).toMatchObject([{ erased: 1, by: 'U0ERASER' }]);
  });

  it('explains an erasure request that names no email address, and erases nothing', async () => {
    const reference = await logged();
    expect(await harness.queue.eraseContact('Priya Shah', officer())).toEqual({
      ok: false,
      message: 'Give the email address whose details should be erased.',
    });
    expect((await harness.queue.get(reference))?.contactName).toBe('Priya Shah');
  });

  it('erases only the person asked about, even when the email and phone indexes list someone else', async () => {
    const priya = await logged();
    const tom = await logged({
      organisation: 'Third',
      contactName: 'Tom',
      email: 'tom@example.org',
      phone: '07700 900123',
    });
    // Index entries that do not match the record behind them (a hash collision, or a record since replaced), and one
    // with no record at all.
    const { sets } = storage();
    await sets.add(`email:${indexHash('priya@dalston-bakery.example')}`, tom);
    await sets.add(`email:${indexHash('priya@dalston-bakery.example')}`, 'ENQ-2026-0099');
    const priyaPhone = normalisePhone('020 7946 0123');
    expect(priyaPhone).toBeDefined();
    await sets.add(`phone:${indexHash(String(priyaPhone))}`, tom);
    await sets.add(`phone:${indexHash(String(priyaPhone))}`, 'ENQ-2026-0098');
    expect(await harness.queue.eraseContact('priya@dalston-bakery.example', officer())).toEqual({
      ok: true,
      erased: 1,
    });
    expect((await harness.queue.get(priya))?.contactName).toBe('');
    expect(await harness.queue.get(tom)).toMatchObject({ contactName: 'Tom', email: 'tom@example.org' });
  });

  it('logs retention only when it erased something, with how many', async () => {
    const reference = await logged();
    await harness.queue.resolve(reference, 'Done', officer());
    harness.clock.set('2027-11-23T10:00:00Z');
    expect(await harness.queue.applyRetention()).toBe(0);
    expect(logLines('contact details erased after the retention period')).toEqual([]);
    harness.clock.set('2028-11-23T10:00:00Z');
    expect(await harness.queue.applyRetention()).toBe(1);
    expect(logLines('contact details erased after the retention period')).toMatchObject([{ erased: 1 }]);
    expect((await harness.queue.get(reference))?.history.at(-1)).toMatchObject({
      action: 'erased',
      detail: 'contact details erased after the retention period',
    });
  });

  it('logs the orphan sweep only when it removed something, naming the reference', async () => {
    const dying = harness.newQueue({ store: dyingBeforeEventOne(harness.store) });
    await expect(dying.log(enquiryInput({ email: 'late@example.org' }), staff())).rejects.toThrow('killed');
    expect(await harness.queue.sweepOrphans()).toBe(0);
    expect(logLines('orphaned contact details removed')).toEqual([]);
    expect(logLines('abandoned enquiry reference cleaned up')).toEqual([]);

    // Exactly an hour after the reference was taken, the log is taken to have stopped for good.
    harness.clock.set('2026-11-23T11:00:00Z');
    expect(await harness.queue.sweepOrphans()).toBe(1);
    expect(logLines('orphaned contact details removed')).toMatchObject([{ removed: 1 }]);
    expect(logLines('abandoned enquiry reference cleaned up')).toMatchObject([
      { reference: 'ENQ-2026-0001', hadContact: true },
    ]);
  });

  it('does not sweep a log still in progress a moment before the hour is up', async () => {
    const dying = harness.newQueue({ store: dyingBeforeEventOne(harness.store) });
    await expect(dying.log(enquiryInput({ email: 'late@example.org' }), staff())).rejects.toThrow('killed');
    harness.clock.set('2026-11-23T10:59:59.999Z');
    expect(await harness.queue.sweepOrphans()).toBe(0);
    expect(await storage().contacts.get('ENQ-2026-0001')).toBeDefined();
  });

  it('sweeps contact details that only the contacts-held index lists, with no reference record behind them', async () => {
    const { sets, contacts } = storage();
    await sets.add('contacts-held', 'ENQ-2019-0001');
    await contacts.set('ENQ-2019-0001', { contactName: 'Lost Person', phone: '020 8356 3000' });
    expect(await harness.queue.sweepOrphans()).toBe(1);
    expect(await contacts.get('ENQ-2019-0001')).toBeUndefined();
  });

  it('finds orphaned details in every year it walks back through, and in every batch of a year', async () => {
    const { contacts } = storage();
    const references = harness.store;
    const namespace = storage().namespaces.references;
    // Ten years back (the oldest year walked is eleven years back), and the 501st reference of a year (the second
    // batch of 500).
    for (const [year, count] of [
      [2015, 1],
      [2016, 501],
      [2026, 2],
    ] as const) {
      for (let number = 1; number <= count; number += 1) {
        const reference = `ENQ-${year}-${String(number).padStart(4, '0')}`;
        await references.insertIfAbsent(namespace, reference, { by: 'old version' });
      }
    }
    const orphans = ['ENQ-2015-0001', 'ENQ-2016-0501', 'ENQ-2026-0002'];
    for (const reference of orphans) await contacts.set(reference, { contactName: 'Lost Person' });
    expect(await harness.queue.sweepOrphans()).toBe(3);
    for (const reference of orphans) expect(await contacts.get(reference)).toBeUndefined();
  }, 20_000);

  it('leaves alone the details of an enquiry that exists, however old its reference', async () => {
    const reference = await logged();
    harness.clock.set('2027-11-23T10:00:00Z');
    expect(await harness.queue.sweepOrphans()).toBe(0);
    expect((await harness.queue.get(reference))?.contactName).toBe('Priya Shah');
  });
});
