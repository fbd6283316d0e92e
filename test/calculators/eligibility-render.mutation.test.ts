import { beforeAll, describe, expect, it } from 'vitest';
import { checkEligibility } from '../../src/calculators/eligibility/check-eligibility.js';
import { EligibilityInput, type EligibilityInputDraft } from '../../src/calculators/eligibility/eligibility-input.js';
import {
  renderEligibilitySummary,
  renderEligibilityWorking,
} from '../../src/calculators/eligibility/render-eligibility.js';
import { citationOf } from '../helpers/citation.js';
import { type Facts, loadFacts, withoutFacts } from '../helpers/facts.js';
import { checkCase, DATE } from './eligibility-case.js';

// The rendered answers as a manager reads them in chat, written out in full from the reasons and figures the other
// eligibility suites work by hand (knowledge/facts.yml on 1 September 2025: minimum age 16, 8 months' minimum
// duration, apprentice rate £7.55, NLW £12.21, London Living Wage £13.85, £1,000 for an apprentice up to 18).

let facts: Facts;
beforeAll(async () => {
  facts = await loadFacts();
});

const check = (changes: Partial<EligibilityInputDraft> = {}, date = DATE, knowledge: Facts = facts) =>
  checkCase(knowledge, changes, date);
const EMPLOYED_NOTE =
  '- They must be employed for long enough to finish the apprenticeship, including the end-point assessment, and be paid for their off-the-job training time.';
const OFF_THE_JOB_NOTE =
  '- Off-the-job training: the hours set for the standard, at least 187 hours for funding, within paid working hours.';
const LEVY_PAYER_FUNDING =
  'A levy payer uses the levy funds in its apprenticeship service account up to the £27,000 band maximum; if the account runs out, the employer pays 5% and the government 95%.';
const APPRENTICE_RATE_WHY =
  'the apprentice rate applies to apprentices under 19 and to everyone in the first year (rate from 1 April 2025)';
const AGE_30 = 'Aged 30: at least the minimum age of 16, and there is no upper age limit.';
const EIGHT_MONTHS_WHY =
  '8 months for starts from 1 August 2025; part-time apprenticeships are no longer lengthened automatically';

describe('eligibility answer for an eligible case, with citations', () => {
  const citations = [
    citationOf('apprenticeship-eligibility-age', 1),
    citationOf('apprenticeship-pay', 2),
    citationOf('apprenticeship-minimum-duration', 3),
    citationOf('levy-co-investment', 4),
    citationOf('apprenticeship-contract-and-hours', 5),
    citationOf('apprenticeship-english-and-maths', 6),
    citationOf('llw-rates-by-year', 7),
  ];
  const result = () => check({ standardName: 'Software developer' });

  it('sums up the verdict, the deciding rules with their markers, the others met, and the key figures', () => {
    expect(renderEligibilitySummary(result(), citations)).toBe(
      [
        '**Apprenticeship eligibility at level 3, Software developer: eligible** (start on 1 September 2025, aged 30)',
        `- **Met** Age: ${AGE_30} [1]`,
        `- **Met** Who funds the training: ${LEVY_PAYER_FUNDING} [4]`,
        '- Also met: right to work, residency, working in england, not in other funded education, prior qualifications, duration.',
        '',
        '**Key figures**',
        '- Minimum pay in the first year: £7.55 an hour [2]',
        '- Minimum duration: 8 months [3][5]',
      ].join('\n'),
    );
  });

  it('shows every rule, the duration, the pay and the notes in the working, and the sources only notes use', () => {
    expect(renderEligibilityWorking(result(), citations)).toBe(
      [
        '**Apprenticeship eligibility at level 3, Software developer: eligible** (start on 1 September 2025, aged 30)',
        `- **Met** Age: ${AGE_30} [1]`,
        '- **Met** Right to work: They have the right to work in the UK.',
        '- **Met** Residency: A UK national ordinarily resident in the UK for at least 3 years before the start (they have 30 years).',
        '- **Met** Working in England: At least 50% of their working hours will be in England.',
        '- **Met** Not in other funded education: They are not on another government-funded course and are not using a student loan.',
        '- **Met** Prior qualifications: Their highest qualification (level 2) is below the apprenticeship (level 3).',
        '- **Met** Duration: 18 months meets the minimum of 8 months. [3][5]',
        `- **Met** Who funds the training: ${LEVY_PAYER_FUNDING} [4]`,
        '',
        `- Minimum duration: **8 months** — ${EIGHT_MONTHS_WHY} [3][5]`,
        '',
        '**Pay**',
        `- Minimum pay in the first year: **£7.55 an hour** — ${APPRENTICE_RATE_WHY} [2]`,
        '- Minimum pay after the first year: **£12.21 an hour** — National Living Wage for someone aged 30 on 1 September 2025 (rate from 1 April 2025; rates change each April)',
        "- The council's recommendation: the London Living Wage: **£13.85 an hour** — London Living Wage rate announced 23 October 2024 [7]",
        '',
        '**Also**',
        '- English and maths: optional for apprentices aged over 18 at the start (from 11 February 2025).',
        OFF_THE_JOB_NOTE,
        EMPLOYED_NOTE,
        '',
        'Also from: [6]',
      ].join('\n'),
    );
  });
});

describe('eligibility answer for a case that is not eligible', () => {
  const result = () =>
    check({ age: 14, rightToWork: 'no', residency: 'unknown', level: undefined, standardName: 'Bricklayer' });

  it('lists only the rules not met and asks no questions, even with rules still to check', () => {
    expect(renderEligibilitySummary(result())).toBe(
      [
        '**Apprenticeship eligibility: not eligible** (start on 1 September 2025, aged 14)',
        '- **Not met** Age: Aged 14: too young. An apprenticeship can start at 16, or at 15 only after leaving Year 11.',
        '- **Not met** Right to work: An apprentice must have the right to work in the UK.',
        '',
        '**Key figures**',
        '- Minimum pay while under 19: £7.55 an hour',
        '- Minimum duration: 8 months',
        '- Payment to the employer for a young apprentice: £1,000',
      ].join('\n'),
    );
  });

  it('marks each rule met, not met or to check in the working, and lists the payments', () => {
    expect(renderEligibilityWorking(result())).toBe(
      [
        '**Apprenticeship eligibility: not eligible** (start on 1 September 2025, aged 14)',
        '- **Not met** Age: Aged 14: too young. An apprenticeship can start at 16, or at 15 only after leaving Year 11.',
        '- **Not met** Right to work: An apprentice must have the right to work in the UK.',
        '- **To check** Residency: Not known yet.',
        '- **Met** Working in England: At least 50% of their working hours will be in England.',
        '- **Met** Not in other funded education: They are not on another government-funded course and are not using a student loan.',
        "- **To check** Prior qualifications: They hold a level 2 qualification; whether that matters depends on the apprenticeship's level.",
        '- **Met** Duration: 18 months meets the minimum of 8 months.',
        `- **Met** Who funds the training: ${LEVY_PAYER_FUNDING}`,
        '',
        `- Minimum duration: **8 months** — ${EIGHT_MONTHS_WHY}`,
        '',
        '**Pay**',
        `- Minimum pay while under 19: **£7.55 an hour** — ${APPRENTICE_RATE_WHY}`,
        '- Minimum pay once 19 and past the first year: **£10.00 an hour** — National Minimum Wage rate for workers aged 18 to 20 for someone aged 19 on 1 September 2025 (rate from 1 April 2025; rates change each April)',
        "- The council's recommendation: the London Living Wage: **£13.85 an hour** — London Living Wage rate announced 23 October 2024",
        '',
        '**Payments**',
        '- Payment to the employer for a young apprentice: **£1,000** — aged 14 at the start (18 or under)',
        '',
        '**Also**',
        '- English and maths: required, as they are 18 or under at the start.',
        OFF_THE_JOB_NOTE,
        EMPLOYED_NOTE,
      ].join('\n'),
    );
  });
});

describe('eligibility answer that needs a check', () => {
  it('asks every open question once, under the rules met, and gives the payments among the key figures', () => {
    const result = checkEligibility(facts, EligibilityInput.parse({ age: 17 }), DATE);
    expect(renderEligibilitySummary(result)).toBe(
      [
        '**Apprenticeship eligibility: needs a check** (start on 1 September 2025, aged 17)',
        '- **Met** Age: Aged 17: at least the minimum age of 16, and there is no upper age limit.',
        '',
        '**Questions to ask**',
        '- Do they have the right to work in the UK (checked against their documents)?',
        '- What is their nationality or immigration status, and how many years have they lived in the UK?',
        '- Will at least 50% of their working hours be in England?',
        '- Will they be on another government-funded course, or using a student loan, during the apprenticeship?',
        '- What is the level of their highest qualification, and is it in the same occupational area as the apprenticeship?',
        '- How many months will the apprenticeship last (at least 8 months)?',
        '- Does the employer pay the Apprenticeship Levy (a pay bill over the levy threshold)?',
        '',
        '**Key figures**',
        '- Minimum pay while under 19: £7.55 an hour',
        '- Minimum duration: 8 months',
        '- Payment to the employer for a young apprentice: £1,000',
        "- Care leaver's bursary, paid to the apprentice if they have been in care: £3,000",
      ].join('\n'),
    );
  });

  it('leaves out figures that are not held, and the key figures heading when none is', () => {
    const knowledge = withoutFacts(facts, ['wage.apprentice', 'apprenticeship.minimum-duration']);
    const result = check({}, DATE, knowledge);
    expect(renderEligibilitySummary(result)).toBe(
      [
        '**Apprenticeship eligibility at level 3: needs a check** (start on 1 September 2025, aged 30)',
        `- **Met** Age: ${AGE_30}`,
        `- **Met** Who funds the training: ${LEVY_PAYER_FUNDING}`,
        '- Also met: right to work, residency, working in england, not in other funded education, prior qualifications.',
        '',
        '**Questions to ask**',
        '- Check the minimum duration with the Employment and Skills team.',
      ].join('\n'),
    );
    expect(renderEligibilityWorking(result).split('\n')).toContain(
      '- Minimum duration: not held — apprenticeship.minimum-duration: no figure is held for 1 September 2025',
    );
  });

  it('gives the level 7 and foundation rules a line of their own when met', () => {
    const lines = (changes: Partial<EligibilityInputDraft>, date: string) =>
      renderEligibilitySummary(check(changes, date)).split('\n');
    expect(lines({ age: 21, level: 7, priorQualificationLevel: 6 }, '2026-02-01')).toContain(
      '- **Met** Level 7 funding: Aged 21: level 7 is funded for new starters up to age 21 (rule from 1 January 2026).',
    );
    expect(lines({ age: 18, level: 2, priorQualificationLevel: 0, isFoundationApprenticeship: true }, DATE)).toEqual(
      expect.arrayContaining([
        '- **Met** Foundation apprenticeship: Aged 18: within the foundation apprenticeship age range (up to 21).',
        '- Payment to the employer for a foundation apprentice: up to £2,000',
      ]),
    );
  });
});

describe('eligibility working with payments and citations', () => {
  it('marks each payment with its article and lists under "Also from" only the articles no line is marked with', () => {
    const result = check({ age: 22, isCareLeaver: 'yes' }, '2024-09-01');
    const citations = [
      citationOf('apprenticeship-incentive-payments', 1),
      citationOf('apprenticeship-care-leaver-bursary', 2),
      citationOf('apprenticeship-english-and-maths', 3),
    ];
    const working = renderEligibilityWorking(result, citations).split('\n');
    expect(working.slice(working.indexOf('**Payments**'))).toEqual([
      '**Payments**',
      '- Payment to the employer for a young apprentice: **£1,000** — aged 22, up to 24, with an EHC plan or care experience [1]',
      "- Care leaver's bursary, paid to the apprentice: **£3,000** — for care leavers aged up to 24 starting from 1 August 2023 [2]",
      '',
      '**Also**',
      '- English and maths: required of every apprentice starting on this date (the age limit of 18 applies from 11 February 2025).',
      '- Off-the-job training: at least 6 hours a week for a full-time apprentice (pro rata for fewer hours), within paid working hours.',
      EMPLOYED_NOTE,
      '',
      'Also from: [3]',
    ]);
  });
});
