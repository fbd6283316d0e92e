import { describe, expect, it } from 'vitest';
import { isEmployerEnquiry } from '../../src/answer/detect-enquiry.js';

describe('isEmployerEnquiry', () => {
  it.each([
    'Hi, I run a café in Dalston and want to take on an apprentice',
    "We're a developer on the Hackney Wick site and need to talk about our S106 local labour targets",
    'An employer rang asking whether they can host a Hackney 100 placement',
    'Acme Design Ltd would like to become a Living Wage employer',
    'we are a small charity interested in hosting work experience placements',
  ])('flags "%s"', (message) => {
    expect(isEmployerEnquiry(message)).toBe(true);
  });

  it.each([
    'what is the london living wage?',
    'do we pay apprentices the LLW?',
    'how much is the levy allowance',
    'who runs hackney 100',
    'what is an employment and skills plan',
  ])('does not flag the staff question "%s"', (message) => {
    expect(isEmployerEnquiry(message)).toBe(false);
  });
});
