import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnquiryQueue } from '../../../src/enquiries/index.js';
import { buildEnquiryModal } from '../../../src/slack/enquiries/enquiry-form.js';
import type { Store } from '../../../src/store/create-store.js';
import { allowOnlyLoopback } from '../../helpers/network.js';
import { submitView } from '../../helpers/slack-payloads.js';
import {
  interactionBody,
  parseSlackCallBody,
  SLACK_API_ORIGIN,
  type SlackCallArgs,
  startTestSlack,
  type TestSlack,
} from '../../helpers/slack-test-app.js';

const STAFF = 'U0STAFF11';

/** A real store whose writes wait until `release()`: a store stalled for longer than Slack's 3 seconds. */
function stalledStore(store: Store) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let stalledWrites = 0;
  let onStall: (() => void) | undefined;
  const stalled: Store = {
    ...store,
    kind: store.kind,
    namespace: store.namespace.bind(store),
    readUnique: store.readUnique.bind(store),
    close: store.close.bind(store),
    async insertIfAbsent(...args) {
      stalledWrites += 1;
      onStall?.();
      await released;
      return store.insertIfAbsent(...args);
    },
  };
  const firstStall = new Promise<void>((resolve) => {
    onStall = resolve;
  });
  return { stalled, release, firstStall, writes: () => stalledWrites };
}

describe('Slack enquiry form with a stalled store', () => {
  let slack: TestSlack | undefined;

  beforeEach(() => allowOnlyLoopback());
  afterEach(async () => {
    nock.cleanAll();
    await slack?.close();
    slack = undefined;
  });

  it('closes the form at once, sends the reference when the save completes, and a resubmission gets the same reference', async () => {
    let gate: ReturnType<typeof stalledStore> | undefined;
    slack = await startTestSlack({
      configure: (core) => {
        gate = stalledStore(core.store);
        const enquiries = createEnquiryQueue({
          store: gate.stalled,
          log: core.log,
          now: core.now,
          settings: core.config.enquiries,
        });
        return { ...core, enquiries };
      },
    });
    const dms: SlackCallArgs[] = [];
    const dmSent: (() => void)[] = [];
    const api = nock(SLACK_API_ORIGIN)
      .post('/api/chat.postMessage')
      .times(2)
      .reply(200, (_uri, body) => {
        dms.push(parseSlackCallBody(body));
        dmSent.shift()?.();
        return { ok: true, ts: '1700000000.000100', channel: 'D0STAFF' };
      });
    const nextDm = () => new Promise<void>((resolve) => dmSent.push(resolve));

    const modal = buildEnquiryModal({ arrivedVia: 'staff' }, undefined) as unknown as Record<string, unknown>;
    const submission = submitView(
      modal,
      {
        organisation: 'Dalston Bakery Ltd',
        contact_name: 'Sam Okoro',
        email: 'sam@dalston-bakery.example',
        topic: 'apprenticeships',
        description: 'Wants to take on two apprentice bakers from January.',
      },
      { userId: STAFF, viewId: 'V0ENQUIRY1' },
    );
    const firstDm = nextDm();
    const response = await slack.send(interactionBody(submission));

    // Slack has its answer (the form closes) while the store is still stalled and nothing is saved yet.
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    await gate?.firstStall;
    expect(dms).toHaveLength(0);

    gate?.release();
    await firstDm;
    expect(dms[0]).toMatchObject({ channel: STAFF });
    const reference = /\*(ENQ-\d{4}-\d+)\*/.exec(String(dms[0]?.text))?.[1];
    expect(reference).toBeDefined();
    expect(String(dms[0]?.text)).toContain('Dalston Bakery Ltd');

    // Slack delivers the same submission again: no second enquiry, and the person is told its reference.
    const secondDm = nextDm();
    const again = await slack.send(interactionBody(submission));
    expect(again.status).toBe(200);
    await secondDm;
    api.done();
    expect(String(dms[1]?.text)).toBe(`That enquiry is already logged as *${reference}*.`);
    expect(await slack.core.enquiries.list()).toHaveLength(1);
  });
});
