import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedEnquiries } from '../../bench/seed-enquiries.js';
import { backends, enquiryInput, type Harness, officer, openHarness, staff } from './queue-harness.js';

describe.each(backends())('seedEnquiries on $name', (backend) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    await harness.close();
  });

  it('writes enquiries the queue reads, lists, claims and numbers after', async () => {
    const prefix = harness.prefix;
    const references = await seedEnquiries({
      store: harness.store,
      namespacePrefix: prefix,
      now: harness.clock.now,
      count: 1_234,
      make: (index) => ({
        organisation: `Employer ${index}`,
        contactName: `Contact ${index}`,
        email: `c${index}@example.org`,
        topic: 'llw',
        description: 'Seeded',
        arrivedVia: 'staff',
      }),
    });
    expect(references).toHaveLength(1_234);
    expect(references[0]).toBe('ENQ-2026-0001');
    expect(await harness.queue.get('ENQ-2026-1234')).toMatchObject({
      organisation: 'Employer 1233',
      contactName: 'Contact 1233',
      email: 'c1233@example.org',
      status: 'new',
    });
    expect(await harness.queue.list({ status: ['new'] })).toHaveLength(1_234);
    const next = await harness.newQueue().log(enquiryInput({ email: 'c7@example.org' }), staff());
    expect(next.ok && next.enquiry.reference).toBe('ENQ-2026-1235');
    expect(next.ok && next.possibleDuplicates.map((duplicate) => duplicate.reference)).toEqual(['ENQ-2026-0008']);
    expect((await harness.queue.claim('ENQ-2026-0500', officer())).ok).toBe(true);
  });
});
