import { beforeAll, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/answer.js';
import { calculateCoInvestment } from '../../src/calculators/co-investment/calculate-co-investment.js';
import {
  CoInvestmentInput,
  type CoInvestmentInputDraft,
} from '../../src/calculators/co-investment/co-investment-input.js';
import {
  renderCoInvestmentSummary,
  renderCoInvestmentWorking,
} from '../../src/calculators/co-investment/render-co-investment.js';
import { citationOf } from '../helpers/citation.js';
import { type Facts, loadFacts } from '../helpers/facts.js';

// Figures held (knowledge/facts.yml): band maximum £27,000; non-levy share 10% from 1 May 2017, 5% from 1 April 2019;
// levy payers with no funds left 5% until 31 July 2026, then 25%; free to 21 from 1 April 2024, to 24 from 1 August
// 2026; small employers (49 or fewer) free to 18 from May 2017 to March 2024; EHC plan or care leaver to 24.
// Every expected figure below is worked by hand from those.

let knowledge: Facts;
beforeAll(async () => {
  knowledge = await loadFacts();
});

const run = (input: CoInvestmentInputDraft, asOf: string) =>
  calculateCoInvestment(knowledge, CoInvestmentInput.parse(input), asOf);
const lines = (result: ReturnType<typeof run>) =>
  result.lines.map((line) => [line.id, line.value, line.arithmetic] as const);

describe('co-investment for an employer that pays no levy', () => {
  it('charges 5% of a £12,000 apprenticeship for a 30 year old from April 2019', () => {
    const result = run({ price: 12_000, apprenticeAge: 30 }, '2019-06-01');
    expect(result.verdict).toBe('decided');
    expect(result).toMatchObject({ employerPays: 600, governmentPays: 11_400, startDate: '2019-06-01' });
    expect(result.split.employerSharePercent).toBe(5);
    expect(lines(result)).toEqual([
      ['funded-price', '£12,000', '£12,000 is within the £27,000 funding band maximum'],
      ['employer-pays', '£600', '5% × £12,000 = £600'],
      ['government-pays', '£11,400', '95% × £12,000 = £11,400'],
    ]);
    expect(result.split.summary).toBe(
      'A non-levy employer pays 5% of the price up to the band maximum and the government pays 95% (rate from 1 April 2019).',
    );
    expect(result.questions).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('charged 10% before April 2019', () => {
    const result = run({ price: 12_000, apprenticeAge: 30 }, '2018-06-01');
    expect(result).toMatchObject({ employerPays: 1_200, governmentPays: 10_800 });
    expect(result.split.summary).toContain('pays 10% of the price up to the band maximum and the government pays 90%');
  });

  it('uses the planned start date when one is given', () => {
    const result = run({ price: 12_000, apprenticeAge: 30, startDate: '2018-06-01' }, '2025-06-01');
    expect(result).toMatchObject({ startDate: '2018-06-01', rulesDate: '2018-06-01', employerPays: 1_200 });
  });

  it('funds up to the £27,000 band maximum and charges the employer everything above it', () => {
    const result = run({ price: 30_000, apprenticeAge: 30 }, '2025-06-01');
    expect(result).toMatchObject({ employerPays: 4_350, governmentPays: 25_650 });
    expect(lines(result)).toEqual([
      [
        'funded-price',
        '£27,000',
        '£30,000 is above the £27,000 funding band maximum, so £27,000 can be funded and the employer pays the other £3,000',
      ],
      ['employer-pays', '£4,350', '5% × £27,000 = £1,350; plus £3,000 above the band maximum = £4,350'],
      ['government-pays', '£25,650', '95% × £27,000 = £25,650'],
    ]);
  });

  it('treats a price of exactly £27,000 as within the band', () => {
    const result = run({ price: 27_000, apprenticeAge: 30 }, '2025-06-01');
    expect(result).toMatchObject({ employerPays: 1_350, governmentPays: 25_650 });
    expect(result.lines[0]?.arithmetic).toBe('£27,000 is within the £27,000 funding band maximum');
  });

  it('charges nothing for an apprentice aged 16 to 21 from April 2024, and 5% at 22', () => {
    const at21 = run({ price: 9_000, apprenticeAge: 21 }, '2025-06-01');
    expect(at21).toMatchObject({ verdict: 'decided', employerPays: 0, governmentPays: 9_000 });
    expect(at21.split.employerSharePercent).toBe(0);
    expect(lines(at21)).toEqual([
      ['funded-price', '£9,000', '£9,000 is within the £27,000 funding band maximum'],
      ['employer-pays', '£0', '0% of £9,000 = £0'],
    ]);
    expect(at21.split.summary).toBe(
      'A non-levy employer pays nothing for training and assessment for an apprentice aged 16 to 21 (rule from 1 April 2024); the government pays up to the band maximum.',
    );
    const at22 = run({ price: 9_000, apprenticeAge: 22, hasEhcPlanOrIsCareLeaver: 'no' }, '2025-06-01');
    expect(at22).toMatchObject({ verdict: 'decided', employerPays: 450, governmentPays: 8_550 });
  });

  it('charges a free apprenticeship’s employer only what is above the band maximum', () => {
    const result = run({ price: 30_000, apprenticeAge: 20 }, '2025-06-01');
    expect(result).toMatchObject({ employerPays: 3_000, governmentPays: 27_000 });
    expect(result.lines.at(-1)?.arithmetic).toBe('0% of £27,000; plus £3,000 above the band maximum = £3,000');
  });

  it('asks for a check for a 22 to 24 year old with an EHC plan, where the sources disagree', () => {
    const result = run({ price: 9_000, apprenticeAge: 22, hasEhcPlanOrIsCareLeaver: 'yes' }, '2025-06-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.employerPays).toBeUndefined();
    expect(result.split.summary).toBe(
      'Apprentices aged up to 24 with an EHC plan or care experience are also fully funded at non-levy employers, but the sources disagree on whether that applies only to small employers.',
    );
    expect(result.questions).toEqual([
      'Check the funding rules for a start on 1 June 2025: is the waiver for apprentices aged 22 to 24 with an EHC plan or care experience limited to small employers?',
    ]);
  });

  it('asks about an EHC plan or care for a 24 year old when it is not known, and not for a 25 year old', () => {
    const at24 = run({ price: 9_000, apprenticeAge: 24 }, '2025-06-01');
    expect(at24.verdict).toBe('needs-check');
    expect(at24.split.summary).toBe(
      'At 24, the apprentice is fully funded at a non-levy employer only if they have an EHC plan or have been in care; otherwise a non-levy employer pays 5% of the price up to the band maximum and the government pays 95% (rate from 1 April 2019).',
    );
    // The usual case is worked out, so the amount is not hidden behind the question.
    expect(at24).toMatchObject({ employerPays: 450, governmentPays: 8_550 });
    expect(renderCoInvestmentSummary(at24).split('\n')[0]).toBe(
      '**Needs a check** for a £9,000 apprenticeship starting on 1 June 2025 (an employer that does not pay the levy, apprentice aged 24). Without an EHC plan or care experience, the employer would pay £450 and the government £8,550.',
    );
    expect(at24.questions).toEqual([
      'Does the apprentice have an EHC plan, or have they been in local authority care?',
    ]);
    const at25 = run({ price: 9_000, apprenticeAge: 25, hasEhcPlanOrIsCareLeaver: 'yes' }, '2025-06-01');
    expect(at25).toMatchObject({ verdict: 'decided', employerPays: 450 });
  });

  it('asks for the apprentice’s age when it is not given', () => {
    const result = run({ price: 9_000 }, '2025-06-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.split.summary).toBe('Whether a non-levy employer pays anything depends on the apprentice’s age.');
    expect(result.questions).toEqual(['How old will the apprentice be on the start date?']);
    expect(result.lines.map((line) => line.id)).toEqual(['funded-price']);
  });

  it('from August 2026 is free up to 24, and asks for a check at 30 (5% published, 25% for levy payers)', () => {
    expect(run({ price: 9_000, apprenticeAge: 24 }, '2026-09-01')).toMatchObject({ employerPays: 0 });
    const result = run({ price: 9_000, apprenticeAge: 30 }, '2026-09-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.split.status).toBe('unknown');
    expect(result.split.employerSharePercent).toBe(5);
    expect(result).toMatchObject({ employerPays: 450, governmentPays: 8_550 });
    expect(result.split.summary).toBe(
      'The published share for a non-levy employer is 5% (the government pays 95%), but the rate for levy payers changed to 25% from 1 August 2026 and the sources disagree on whether non-levy employers with older apprentices follow it.',
    );
    expect(result.questions).toEqual([
      'Check the funding rules for a start on 1 September 2026: does a non-levy employer pay 5% or 25% for an apprentice aged 30?',
    ]);
  });

  it('with price above the band in the disputed case, gives the estimate including the excess', () => {
    const result = run({ price: 30_000, apprenticeAge: 30 }, '2026-09-01');
    expect(result).toMatchObject({ employerPays: 4_350, governmentPays: 25_650 });
  });
});

describe('the small-employer rules of 2017 to 2024', () => {
  it('made training free for an 18 year old at an employer of 49, and not at one of 50', () => {
    const small = run({ price: 12_000, apprenticeAge: 18, employeeCount: 49 }, '2019-06-01');
    expect(small).toMatchObject({ verdict: 'decided', employerPays: 0, governmentPays: 12_000 });
    expect(small.split.summary).toBe(
      'An employer with 49 or fewer employees pays nothing for an apprentice aged up to 18 (or up to 24 with an EHC plan or care experience) under the rules then in force.',
    );
    const larger = run({ price: 12_000, apprenticeAge: 18, employeeCount: 50 }, '2019-06-01');
    expect(larger).toMatchObject({ verdict: 'decided', employerPays: 600, governmentPays: 11_400 });
  });

  it('charged for a 19 year old without an EHC plan, even at a small employer', () => {
    const result = run(
      { price: 12_000, apprenticeAge: 19, employeeCount: 10, hasEhcPlanOrIsCareLeaver: 'no' },
      '2019-06-01',
    );
    expect(result).toMatchObject({ verdict: 'decided', employerPays: 600 });
  });

  it('asks how many employees when that decides it', () => {
    const result = run({ price: 12_000, apprenticeAge: 18 }, '2019-06-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.split.summary).toBe(
      'Employers with 49 or fewer employees paid nothing for this apprentice under the rules then in force.',
    );
    expect(result.questions).toEqual([
      'How many employees does the employer have (49 or fewer means the training is free)?',
    ]);
  });

  it('made training free at a small employer for a 19 to 24 year old with an EHC plan or care experience', () => {
    const result = run(
      { price: 12_000, apprenticeAge: 19, employeeCount: 10, hasEhcPlanOrIsCareLeaver: 'yes' },
      '2019-06-01',
    );
    expect(result).toMatchObject({ verdict: 'decided', employerPays: 0 });
  });

  it('asks about an EHC plan for a 19 year old at a small employer or one of unknown size, not at a large one', () => {
    const small = run({ price: 12_000, apprenticeAge: 19, employeeCount: 10 }, '2019-06-01');
    expect(small.verdict).toBe('needs-check');
    expect(small.split.summary).toBe(
      'A small employer paid nothing for an apprentice aged up to 24 with an EHC plan or care experience.',
    );
    expect(small.questions).toEqual([
      'Does the apprentice have an EHC plan, or have they been in local authority care?',
    ]);
    const unknownSize = run({ price: 12_000, apprenticeAge: 19 }, '2019-06-01');
    expect(unknownSize.questions).toEqual([
      'Does the apprentice have an EHC plan, or have they been in local authority care?',
    ]);
    const large = run({ price: 12_000, apprenticeAge: 19, employeeCount: 100 }, '2019-06-01');
    expect(large).toMatchObject({ verdict: 'decided', employerPays: 600 });
    const older = run({ price: 12_000, apprenticeAge: 25, employeeCount: 10 }, '2019-06-01');
    expect(older).toMatchObject({ verdict: 'decided', employerPays: 600 });
  });
});

describe('co-investment for a levy payer', () => {
  it('pays from levy funds up to the band, with 5% if the account runs out, and the excess on top', () => {
    const result = run({ price: 30_000, apprenticeAge: 30, levyPayer: 'yes' }, '2025-06-01');
    expect(result.verdict).toBe('decided');
    expect(result.employerPays).toBe(3_000);
    expect(result.governmentPays).toBeUndefined();
    expect(lines(result)).toEqual([
      [
        'funded-price',
        '£27,000',
        '£30,000 is above the £27,000 funding band maximum, so £27,000 can be funded and the employer pays the other £3,000',
      ],
      [
        'from-levy-funds',
        '£27,000',
        'the funded price, £27,000, comes from the apprenticeship service account while funds last',
      ],
      [
        'if-funds-run-out',
        '£4,350',
        '5% × £27,000 = £1,350; plus £3,000 above the band maximum = £4,350; the government pays the other 95%',
      ],
    ]);
    expect(result.split.summary).toBe(
      'A levy payer uses the levy funds in its apprenticeship service account up to the £27,000 band maximum; if the account runs out, the employer pays 5% and the government 95%.',
    );
    expect(result.notes).toEqual(['Levy funds pay only for training and assessment, not wages, travel or equipment.']);
  });

  it('pays 25% when the account has run out from August 2026', () => {
    const result = run({ price: 12_000, apprenticeAge: 30, levyPayer: 'yes' }, '2026-09-01');
    expect(result.employerPays).toBe(0);
    expect(result.lines.at(-1)).toMatchObject({
      value: '£3,000',
      amount: 3_000,
      arithmetic: '25% × £12,000 = £3,000; the government pays the other 75%',
    });
  });

  it('asks whether the employer pays the levy when that is not known', () => {
    const result = run({ price: 12_000, apprenticeAge: 30, levyPayer: 'unknown' }, '2025-06-01');
    expect(result.verdict).toBe('needs-check');
    expect(result.split.summary).toBe('Who pays depends on whether the employer pays the Apprenticeship Levy.');
    expect(result.questions).toEqual([
      'Does the employer pay the Apprenticeship Levy (a pay bill over the levy threshold)?',
    ]);
    expect(result.notes).toEqual([]);
  });
});

describe('co-investment answers as text', () => {
  const cite = (result: ReturnType<typeof run>): Citation[] =>
    result.articleIds.map((articleId, index) => citationOf(articleId, index + 1));

  it('leads with who pays what for a non-levy employer', () => {
    const result = run({ price: 12_000, apprenticeAge: 30 }, '2019-06-01');
    // The band maximum, the co-investment share and the rate for levy payers come from three articles.
    expect(result.articleIds).toHaveLength(3);
    const text = renderCoInvestmentSummary(result, cite(result));
    expect(text.split('\n')[0]).toBe(
      '**The employer pays £600 and the government £11,400** for a £12,000 apprenticeship starting on 1 June 2019 (an employer that does not pay the levy, apprentice aged 30). [1][2][3]',
    );
    expect(text.split('\n').slice(1)).toEqual(['', result.split.summary]);
  });

  it('leads with levy funds for a levy payer, and the amount on top', () => {
    const result = run({ price: 30_000, apprenticeAge: 30, levyPayer: 'yes' }, '2025-06-01');
    expect(renderCoInvestmentSummary(result).split('\n')[0]).toBe(
      '**Levy funds pay for a £30,000 apprenticeship starting on 1 June 2025 (an employer that pays the levy, apprentice aged 30)**; the employer pays £3,000 on top.',
    );
  });

  it('says "Needs a check" with the estimate and what to ask', () => {
    const result = run({ price: 9_000, apprenticeAge: 30 }, '2026-09-01');
    expect(renderCoInvestmentSummary(result).split('\n')).toEqual([
      '**Needs a check** for a £9,000 apprenticeship starting on 1 September 2026 (an employer that does not pay the levy, apprentice aged 30). On the published rate, the employer would pay £450 and the government £8,550.',
      '',
      result.split.summary,
      '',
      '**Still to ask**',
      '- Check the funding rules for a start on 1 September 2026: does a non-levy employer pay 5% or 25% for an apprentice aged 30?',
    ]);
  });

  it('says "Needs a check" with no estimate when the split is not known', () => {
    const result = run({ price: 9_000, levyPayer: 'unknown' }, '2025-06-01');
    expect(renderCoInvestmentSummary(result).split('\n')[0]).toBe(
      '**Needs a check** for a £9,000 apprenticeship starting on 1 June 2025 (an employer).',
    );
  });

  it('shows the full working with the rules date, each line, the rule and the notes', () => {
    const result = run({ price: 30_000, apprenticeAge: 30, levyPayer: 'yes' }, '2025-06-01');
    const citations = cite(result);
    const text = renderCoInvestmentWorking(result, citations);
    const all = citations.map((citation) => `[${citation.n}]`).join('');
    expect(text.split('\n')).toEqual([
      '**Co-investment for a £30,000 apprenticeship starting on 1 June 2025 (an employer that pays the levy, apprentice aged 30)** (rules in force on 1 June 2025)',
      `- Price that can be funded: **£27,000** — £30,000 is above the £27,000 funding band maximum, so £27,000 can be funded and the employer pays the other £3,000 ${all}`,
      `- Paid from levy funds in the account: **£27,000** — the funded price, £27,000, comes from the apprenticeship service account while funds last ${all}`,
      `- If the account has run out of funds, the employer pays: **£4,350** — 5% × £27,000 = £1,350; plus £3,000 above the band maximum = £4,350; the government pays the other 95% ${all}`,
      '',
      `- ${result.split.summary}`,
      '- Levy funds pay only for training and assessment, not wages, travel or equipment.',
    ]);
  });
});

describe('co-investment input', () => {
  it('fills in a non-levy employer, an unknown EHC plan and unknown levy funds when not given', () => {
    expect(CoInvestmentInput.parse({ price: 9_000 })).toEqual({
      price: 9_000,
      levyPayer: 'no',
      hasEhcPlanOrIsCareLeaver: 'unknown',
      levyFundsUsedUp: 'unknown',
    });
  });

  it.each([
    [{}, 'course price is required'],
    [{ price: 'lots' }, 'course price must be an amount in pounds, such as 9000'],
    [{ price: 0 }, 'course price must be more than £0'],
    [{ price: 1_000_001 }, 'course price must be no more than £1,000,000'],
    [{ price: 9_000, apprenticeAge: 13 }, 'apprentice age must be a whole number between 14 and 100'],
    [{ price: 9_000, apprenticeAge: 20.5 }, 'apprentice age must be a whole number between 14 and 100'],
    [{ price: 9_000, levyPayer: 'maybe' }, 'levy payer must be yes, no or unknown'],
    [{ price: 9_000, employeeCount: 0 }, 'employee count must be a whole number of at least 1'],
    [{ price: 9_000, cost: 1 }, 'unknown field: cost'],
  ])('rejects %j: %s', (input, message) => {
    expect(CoInvestmentInput.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});
