import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedEnquiries } from '../../bench/seed-enquiries.js';
import { describeEachBackend, enquiryInput, type Harness, officer, openHarness, staff } from './queue-harness.js';

describeEachBackend('seedEnquiries', (backend) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    await harness.close();
  });

  // 501 enquiries: one more than a write batch, so the batch boundary is crossed, and small enough to stay quick on a
  // loaded PostgreSQL.
  it('writes enquiries the queue reads, lists, claims and numbers after', async () => {
    const prefix = harness.prefix;
    const references = await seedEnquiries({
      store: harness.store,
      namespacePrefix: prefix,
      now: harness.clock.now,
      count: 501,
      make: (index) => ({
        organisation: `Employer ${index}`,
        contactName: `Contact ${index}`,
        email: `c${index}@example.org`,
        topic: 'llw',
        description: 'Seeded',
        arrivedVia: 'staff',
      }),
    });
    expect(references).toHaveLength(501);
    expect(references[0]).toBe('ENQ-2026-0001');
    expect(await harness.queue.get('ENQ-2026-0501')).toMatchObject({
      organisation: 'Employer 500',
      contactName: 'Contact 500',
      email: 'c500@example.org',
      status: 'new',
    });
    expect(await harness.queue.list({ status: ['new'] })).toHaveLength(501);
    const next = await harness.newQueue().log(enquiryInput({ email: 'c7@example.org' }), staff());
    expect(next.ok && next.enquiry.reference).toBe('ENQ-2026-0502');
    expect(next.ok && next.possibleDuplicates.map((duplicate) => duplicate.reference)).toEqual(['ENQ-2026-0008']);
    expect((await harness.queue.claim('ENQ-2026-0500', officer())).ok).toBe(true);
  });
});
