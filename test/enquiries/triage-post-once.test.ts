import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PUBLISH_LEASE_MS } from '../../src/enquiries/delivery/outbox.js';
import type { Enquiry, TriagePost, TriagePublisher } from '../../src/enquiries/enquiry-queue.js';
import { describeEachBackend, enquiryInput, type Harness, officer, openHarness, staff } from './queue-harness.js';

type Sent = { reference: string; status: string; messageId: string };

/**
 * A triage channel whose posts can reach the channel and still fail on our side (Slack answered, but after the
 * client gave up), and that can be searched for a reference, as a real channel's history can.
 */
function channelStandIn() {
  const posts: Sent[] = [];
  const updates: Sent[] = [];
  const searches: string[] = [];
  let loseNextReply = false;
  const publisher: TriagePublisher = {
    platform: 'slack',
    async publish(enquiry: Enquiry, existing?: TriagePost) {
      if (existing) {
        updates.push({ reference: enquiry.reference, status: enquiry.status, messageId: existing.messageId });
        return existing;
      }
      const messageId = `1700000000.00${posts.length + 1}`;
      posts.push({ reference: enquiry.reference, status: enquiry.status, messageId });
      if (loseNextReply) {
        loseNextReply = false;
        throw new Error('request timed out');
      }
      return { platform: 'slack', channel: 'C0TRIAGE', messageId };
    },
    async find(enquiry: Enquiry) {
      searches.push(enquiry.reference);
      const post = posts.find((candidate) => candidate.reference === enquiry.reference);
      return post && { platform: 'slack', channel: 'C0TRIAGE', messageId: post.messageId };
    },
    async remind() {},
  };
  return {
    publisher,
    posts,
    updates,
    searches,
    loseNextReply() {
      loseNextReply = true;
    },
  };
}

describeEachBackend('a triage post is sent once', (backend) => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness(backend);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await harness.close();
  });

  it('finds a post that reached the channel although it failed on our side, and updates it instead of posting again', async () => {
    const channel = channelStandIn();
    channel.loseNextReply();
    const result = await harness.queue.log(enquiryInput(), staff());
    if (!result.ok) throw new Error('setup failed');
    expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 0, failed: 1 });
    harness.clock.set('2026-11-23T10:05:00Z'); // past the backoff
    expect(await harness.newQueue().deliver([channel.publisher])).toEqual({ sent: 1, failed: 0 });
    await harness.queue.claim(result.enquiry.reference, officer());
    await harness.queue.deliver([channel.publisher]);

    expect(channel.posts).toHaveLength(1);
    expect(channel.searches).toEqual([result.enquiry.reference]);
    expect(channel.updates.map((update) => [update.status, update.messageId])).toEqual([
      ['new', '1700000000.001'],
      ['claimed', '1700000000.001'],
    ]);
    expect((await harness.queue.get(result.enquiry.reference))?.posts).toEqual([
      { platform: 'slack', channel: 'C0TRIAGE', messageId: '1700000000.001' },
    ]);
  });

  it('does not search the channel for a first post that went through', async () => {
    const channel = channelStandIn();
    await harness.queue.log(enquiryInput(), staff());
    await harness.queue.log(enquiryInput({ organisation: 'Hoxton Joinery' }), staff());
    expect(await harness.queue.deliver([channel.publisher])).toEqual({ sent: 2, failed: 0 });
    expect(channel.searches).toEqual([]);
  });

  // Redis expires keys on its own clock, which a fake clock cannot move, so this runs where expiry reads Date.now().
  it.skipIf(backend.name === 'redis')(
    `renews the publish lease while a post is in flight, so a post slower than the lease is not sent twice${backend.name === 'redis' ? ' (skipped: Redis expires keys on its own clock)' : ''}`,
    async () => {
      vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: new Date('2026-11-23T10:00:00Z') });
      const channel = channelStandIn();
      const result = await harness.queue.log(enquiryInput(), staff());
      if (!result.ok) throw new Error('setup failed');
      let started: () => void = () => {};
      const publishing = new Promise<void>((resolve) => {
        started = resolve;
      });
      let answer: () => void = () => {};
      const slackAnswers = new Promise<void>((resolve) => {
        answer = resolve;
      });
      const slow: TriagePublisher = {
        ...channel.publisher,
        async publish(enquiry, existing) {
          started();
          await slackAnswers; // the Web API client still retrying
          return channel.publisher.publish(enquiry, existing);
        },
      };
      const first = harness.newQueue().deliver([slow]);
      await publishing;
      await vi.advanceTimersByTimeAsync(PUBLISH_LEASE_MS + 10_000); // the lease itself has expired by now
      harness.clock.set('2026-11-23T10:02:10Z');
      expect(await harness.newQueue().deliver([channel.publisher])).toEqual({ sent: 0, failed: 0 });
      answer();
      expect(await first).toEqual({ sent: 1, failed: 0 });
      await harness.newQueue().deliver([channel.publisher]);

      expect(channel.posts).toHaveLength(1);
      expect(channel.updates).toEqual([]);
    },
  );
});
