import { describe, expect, it } from 'vitest';
import { isWorkingDay, londonDate, workingMsBetween } from '../../src/enquiries/working-hours.js';

const hours = (start: string, end: string) => workingMsBetween(new Date(start), new Date(end)) / 3_600_000;

describe('workingMsBetween', () => {
  it('counts only 09:00 to 17:00 London time on weekdays', () => {
    expect(hours('2026-11-23T08:00:00Z', '2026-11-23T18:00:00Z')).toBe(8); // Monday, GMT
    expect(hours('2026-11-23T16:30:00Z', '2026-11-24T09:30:00Z')).toBe(1);
    expect(hours('2026-11-28T10:00:00Z', '2026-11-29T16:00:00Z')).toBe(0); // the weekend
    expect(hours('2026-11-27T16:00:00Z', '2026-11-30T10:00:00Z')).toBe(2); // Friday to Monday
  });

  it('follows British Summer Time, including across the change of the clocks', () => {
    expect(hours('2026-06-01T07:00:00Z', '2026-06-01T17:00:00Z')).toBe(8); // 09:00 BST is 08:00 UTC
    expect(hours('2026-06-01T07:00:00Z', '2026-06-01T08:30:00Z')).toBe(0.5);
    // Clocks go forward on Sunday 29 March 2026: Friday 16:00 GMT to Monday 10:00 BST.
    expect(hours('2026-03-27T16:00:00Z', '2026-03-30T09:00:00Z')).toBe(2);
  });

  it('is zero when the end is not after the start', () => {
    expect(hours('2026-11-24T12:00:00Z', '2026-11-23T12:00:00Z')).toBe(0);
  });
});

describe('londonDate', () => {
  it('gives the calendar date in London', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('bank holidays', () => {
  it('leaves England and Wales bank holidays out of working time, substitute days included', () => {
    // Monday 31 August 2026 is the summer bank holiday: Friday 16:00 to Tuesday 10:00 is 1 + 1 hours.
    expect(hours('2026-08-28T15:00:00Z', '2026-09-01T09:00:00Z')).toBe(2);
    // Christmas 2026: Friday 25th, Boxing Day on Saturday with its substitute on Monday 28th.
    expect(hours('2026-12-24T16:00:00Z', '2026-12-29T10:00:00Z')).toBe(2);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
  });
});
