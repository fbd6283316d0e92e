import { describe, expect, it } from 'vitest';
import { readLevyQuestion } from '../../src/calculators/read-question.js';
import { articleFor } from '../../src/calculators/shared/money.js';
import { understand } from '../../src/understand/index.js';
import type { ConversationTurn } from '../../src/understand/understanding.js';

const AS_OF = '2026-12-04';
const group: ConversationTurn[] = [
  { role: 'user', text: 'levy on a 5m paybill?' },
  { role: 'assistant', text: '0.5% of £5,000,000 is £25,000, less the £15,000 allowance, so £10,000 of levy a year.' },
];

describe('a group of connected companies built up over a thread', () => {
  it('adds a sister company named in a reply to the pay bill summed before', () => {
    const read = understand({
      message: 'theyre connected to a sister co with a 2m paybill tho',
      history: group,
      asOf: AS_OF,
      today: AS_OF,
    });
    expect(read.followUp).toBe(true);
    expect(read.calculator?.inputs).toMatchObject({ payBill: 7_000_000, payBillParts: '5000000+2000000' });
  });

  it('changes only the sister company’s pay bill when it grows, and moves to the next tax year for "next yr"', () => {
    const history: ConversationTurn[] = [
      ...group,
      { role: 'user', text: 'theyre connected to a sister co with a 2m paybill tho' },
      { role: 'assistant', text: '0.5% of £7,000,000 is £35,000, less £15,000, so £20,000 of levy a year.' },
    ];
    const read = understand({ message: 'n if the sister co grows to 3m next yr?', history, asOf: AS_OF, today: AS_OF });
    expect(read.calculator?.inputs).toMatchObject({
      payBill: 8_000_000,
      payBillParts: '5000000+3000000',
      taxYear: '2027-28',
    });
  });

  it('does not touch a single company’s pay bill when a message says it grows', () => {
    const read = understand({ message: 'what if it grows to 6m', history: group, asOf: AS_OF, today: AS_OF });
    expect(read.calculator?.inputs.payBill).toBe(6_000_000);
    expect(read.calculator?.inputs.payBillParts).toBeUndefined();
  });
});

describe('a or an before an amount', () => {
  it('says "an" for amounts read as eight…, eleven… and eighteen…', () => {
    expect(articleFor('£8,000,000')).toBe('an');
    expect(articleFor('£18,000')).toBe('an');
    expect(articleFor('£11,000,000')).toBe('an');
    expect(articleFor('£80,000')).toBe('an');
    expect(articleFor('£1,800,000')).toBe('a');
    expect(articleFor('£110,000')).toBe('a');
    expect(articleFor('£5,000,000')).toBe('a');
  });
});

describe('amounts that are not pay bills', () => {
  it('reads "£2.5m paybill each" for two sister companies, leaving out "under 3m" and "50/50"', () => {
    const read = readLevyQuestion(
      '2 sister cos same owner, £2.5m paybill each, allowance split 50/50. md reckons neither pays levy cos both under 3m - right?',
      AS_OF,
    );
    expect(read).toMatchObject({ payBill: 5_000_000, payBillParts: [2_500_000, 2_500_000], isConnected: true });
    // A limit said alone is the pay bill asked about.
    expect(readLevyQuestion('our paybill is just under £3m', AS_OF).payBill).toBe(3_000_000);
  });
});
