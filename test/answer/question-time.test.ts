import { describe, expect, it } from 'vitest';
import { readQuestionTime } from '../../src/answer/question-time.js';

const today = '2026-11-23';

describe('readQuestionTime', () => {
  it('defaults to the as-of date', () => {
    expect(readQuestionTime('what is the LLW?', today).time).toEqual({ kind: 'day', date: today, explicit: false });
  });

  it('reads a year as that calendar year', () => {
    expect(readQuestionTime('what was the london living wage in 2018', today).time).toEqual({
      kind: 'period',
      start: '2018-01-01',
      end: '2018-12-31',
      label: '2018',
    });
  });

  it('reads a year followed by a comma, but not an amount written with commas', () => {
    expect(readQuestionTime('what was co-investment in 2018, doing a look back report', today).time).toMatchObject({
      kind: 'period',
      label: '2018',
    });
    expect(readQuestionTime('levy on a paybill of 2,018,000', today).time).toMatchObject({ kind: 'day' });
  });

  it('reads two years joined as the years from the first to the last, and leaves tax years alone', () => {
    expect(readQuestionTime('what was the llw in 2020 and 2021', today).time).toEqual({
      kind: 'period',
      start: '2020-01-01',
      end: '2021-12-31',
      label: '2020 and 2021',
    });
    expect(readQuestionTime('llw between 2019 and 2022', today).time).toMatchObject({ label: '2019 to 2022' });
    expect(readQuestionTime('levy for 2020-21', today).time).toMatchObject({
      label: '2020 to 2021',
      start: '2020-04-06',
    });
  });

  it('reads a full date, with or without ordinals', () => {
    expect(readQuestionTime('levy top up on 1st May 2020?', today).time).toEqual({
      kind: 'day',
      date: '2020-05-01',
      explicit: true,
    });
  });

  it('reads "from August 2026" as the first day of that month', () => {
    expect(readQuestionTime('what is the expiry from August 2026', today).time).toEqual({
      kind: 'day',
      date: '2026-08-01',
      explicit: true,
    });
  });

  it('reads a tax year', () => {
    expect(readQuestionTime('transfer limit in 2019-20', today).time).toEqual({
      kind: 'period',
      start: '2019-04-06',
      end: '2020-04-05',
      label: '2019 to 2020',
    });
  });

  it('does not mistake money or counts for years', () => {
    expect(readQuestionTime('levy on a £2,024 bonus for 2000 staff', today).time.kind).toBe('day');
  });

  it('spots history and change-date questions', () => {
    expect(readQuestionTime('LLW rate by year', today).wantsHistory).toBe(true);
    expect(readQuestionTime('when did the transfer limit change?', today).wantsChangeDate).toBe(true);
    expect(readQuestionTime('what is the levy allowance', today).wantsHistory).toBe(false);
  });
});

describe('readQuestionTime with the shared date reader', () => {
  it('reads a British numeric date as day then month', () => {
    expect(readQuestionTime('levy top up on 1/5/2020?', '2026-11-23').time).toEqual({
      kind: 'day',
      date: '2020-05-01',
      explicit: true,
    });
  });
});
