import { afterEach, beforeEach, expect, it } from 'vitest';
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

describeEachBackend('contact details orphaned by a crash,', (backend) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    await harness.close();
  });

  const contactOf = (reference: string) => openEnquiryStorage(harness.store, harness.prefix).contacts.get(reference);

  it('erasure on request finds and removes details left under a reference with no enquiry', async () => {
    const dying = harness.newQueue({ store: dyingBeforeEventOne(harness.store) });
    await expect(dying.log(enquiryInput({ email: 'orphan@example.org' }), staff())).rejects.toThrow('killed');
    expect(await harness.queue.get('ENQ-2026-0001')).toBeUndefined();
    expect(await contactOf('ENQ-2026-0001')).toMatchObject({ email: 'orphan@example.org' });

    const saved = await harness.queue.log(enquiryInput({ email: 'orphan@example.org' }), staff());
    expect(saved.ok && saved.enquiry.reference).toBe('ENQ-2026-0002');

    const result = await harness.queue.eraseContact('Orphan@Example.org', officer());
    expect(result).toEqual({ ok: true, erased: 2 });
    expect(await contactOf('ENQ-2026-0001')).toBeUndefined();
    expect(await contactOf('ENQ-2026-0002')).toBeUndefined();
    expect((await harness.queue.get('ENQ-2026-0002'))?.email).toBeUndefined();
    // The cut-short reference can never come into being afterwards.
    expect(await harness.queue.get('ENQ-2026-0001')).toBeUndefined();
  });

  it('the sweep leaves a log still in progress alone and removes it once an hour has passed', async () => {
    const dying = harness.newQueue({ store: dyingBeforeEventOne(harness.store) });
    await expect(dying.log(enquiryInput({ email: 'late@example.org' }), staff())).rejects.toThrow('killed');
    expect(await harness.queue.sweepOrphans()).toBe(0);
    expect(await contactOf('ENQ-2026-0001')).toBeDefined();

    harness.clock.set('2026-11-23T11:00:01Z');
    expect(await harness.queue.sweepOrphans()).toBe(1);
    expect(await contactOf('ENQ-2026-0001')).toBeUndefined();
    expect(await harness.queue.sweepOrphans()).toBe(0);
  });

  it('the sweep also finds contact records that no index lists (written by an older version before a crash)', async () => {
    const storage = openEnquiryStorage(harness.store, harness.prefix);
    await harness.store.insertIfAbsent(storage.namespaces.references, 'ENQ-2025-0001', { by: 'old version' });
    await storage.contacts.set('ENQ-2025-0001', { contactName: 'Lost Person', phone: '020 8356 3000' });
    const kept = await harness.queue.log(enquiryInput(), staff());
    expect(kept.ok).toBe(true);
    expect(await harness.queue.sweepOrphans()).toBe(1);
    expect(await storage.contacts.get('ENQ-2025-0001')).toBeUndefined();
    expect((await harness.queue.get('ENQ-2026-0001'))?.contactName).not.toBe('');
  });
});
