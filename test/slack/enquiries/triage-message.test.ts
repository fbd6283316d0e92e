import { describe, expect, it } from 'vitest';
import type { Enquiry } from '../../../src/enquiries/index.js';
import { renderTriageMessage } from '../../../src/slack/enquiries/enquiry-blocks.js';
import { SLACK_IDS } from '../../../src/slack/ids.js';
import { buttonIds, visibleText } from '../../helpers/slack-payloads.js';

function enquiry(overrides: Partial<Enquiry> = {}): Enquiry {
  return {
    reference: 'ENQ-2026-0007',
    organisation: 'Mare Street Motors',
    contactName: 'Lee Chan',
    email: 'lee@marestreet.example',
    topic: 'recruitment',
    description: 'Looking to hire two mechanics.',
    arrivedVia: 'staff',
    loggedBy: { platform: 'slack', userId: 'U0STAFF01' },
    status: 'new',
    notes: [],
    history: [],
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    posts: [],
    ...overrides,
  };
}

describe('triage post', () => {
  it('escapes what people typed, so a description cannot ping the channel or fake a link', () => {
    const message = renderTriageMessage(
      enquiry({ organisation: 'A&B <Ltd>', description: '<!channel> urgent, see <https://evil.example|gov.uk>' }),
    );

    const seen = visibleText(message.blocks);
    expect(seen).not.toContain('<!channel>');
    expect(seen).toContain('&lt;!channel&gt; urgent');
    expect(seen).not.toContain('<https://evil.example');
    expect(message.text).toContain('A&amp;B &lt;Ltd&gt;');
  });

  it('names an assignee who claimed it in Teams by the name Teams gave', () => {
    const message = renderTriageMessage(
      enquiry({ status: 'claimed', assignee: '29:1a2b3c-aad-id', assigneeName: 'Morgan Reid' }),
    );

    expect(visibleText(message.blocks)).toContain('Claimed by Morgan Reid');
  });

  it('says when contact details were erased rather than showing blanks', () => {
    const message = renderTriageMessage(
      enquiry({
        status: 'resolved',
        contactName: '',
        contactErasedAt: '2026-11-23T12:00:00.000Z',
        outcome: 'Placed two apprentices',
      }),
    );

    const seen = visibleText(message.blocks);
    expect(seen).toContain('Contact details erased on request');
    expect(seen).not.toContain('lee@');
    expect(buttonIds(message.blocks)).toEqual([SLACK_IDS.actions.noteEnquiry]);
  });

  it('shows the three latest notes and how many earlier ones are hidden', () => {
    const notes = ['first', 'second', 'third', 'fourth', 'fifth'].map((text, index) => ({
      at: `2026-11-2${index}T09:00:00.000Z`,
      by: 'U0OFFICER1',
      text,
    }));

    const seen = visibleText(renderTriageMessage(enquiry({ notes })).blocks);

    expect(seen).toContain('2 earlier notes not shown');
    expect(seen).toContain('fifth');
    expect(seen).not.toContain('second');
  });
});
