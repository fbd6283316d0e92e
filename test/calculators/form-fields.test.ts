import { describe, expect, it } from 'vitest';
import {
  EligibilityInput,
  eligibilityFormFields,
  LevyInput,
  levyFormFields,
  parseEligibilityForm,
  parseLevyForm,
} from '../../src/calculators/index.js';

describe('calculator forms', () => {
  it('has a form field for every input the schemas take', () => {
    // The form takes the combined pay bill of connected companies; the parts are for the chat and the model.
    const levyKeys = Object.keys(LevyInput.shape).filter((key) => key !== 'payBillParts');
    expect(levyFormFields.map((field) => field.name).sort()).toEqual(levyKeys.sort());
    // The form asks yes or no for working in England; the share of hours is what the chat reads from a message.
    const eligibilityKeys = Object.keys(EligibilityInput.shape).filter((key) => key !== 'englandWorkShare');
    expect(eligibilityFormFields.map((field) => field.name).sort()).toEqual(eligibilityKeys.sort());
  });

  it('reads money and percentages the way people type them', () => {
    const result = parseLevyForm({ payBill: '£5m', englandShare: '80%', allowanceShare: '50', isConnected: 'yes' });
    expect(result).toEqual({
      ok: true,
      value: { payBill: 5_000_000, englandShare: 0.8, allowanceShare: 0.5, isConnected: true },
    });
  });

  it('names the field and the problem when a value cannot be used', () => {
    expect(parseLevyForm({ payBill: 'lots' })).toEqual({
      ok: false,
      issues: [{ field: 'payBill', message: 'pay bill must be an amount in pounds, such as 5000000' }],
    });
    expect(parseEligibilityForm({ age: '', hoursPerWeek: '0' })).toEqual({
      ok: false,
      issues: [
        { field: 'age', message: 'age is required' },
        { field: 'hoursPerWeek', message: 'hours per week must be a number between 1 and 100' },
      ],
    });
  });

  it('turns select values into the schema’s answers', () => {
    const result = parseEligibilityForm({
      age: '19',
      level: '3',
      priorQualificationLevel: '0',
      isFoundationApprenticeship: 'no',
      residency: 'settled',
      levyPayer: 'yes',
    });
    expect(result.ok && result.value).toMatchObject({
      age: 19,
      level: 3,
      priorQualificationLevel: 0,
      isFoundationApprenticeship: false,
      residency: 'settled',
      levyPayer: 'yes',
      rightToWork: 'unknown',
    });
  });
});
