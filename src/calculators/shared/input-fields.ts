import { z } from 'zod';

/** A whole number in a range, with one message naming the field and the range. */
export const wholeNumber = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number between ${min} and ${max}`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? `${name} is required` : message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

/** A number (not only whole) in a range. */
export const numberBetween = (name: string, min: number, max: number) => {
  const message = `${name} must be a number between ${min} and ${max}`;
  return z
    .number({ error: message })
    .finite({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

/** A share from 0 to 1 (0.8 is 80%), with one message saying so. */
export const fraction = (message: string) =>
  z.number({ error: message }).min(0, { error: message }).max(1, { error: message });

/** The employer's number of employees, for the small-employer rules. */
export const employeeCount = () => {
  const message = 'employee count must be a whole number of at least 1';
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(10_000_000, {
    error: message,
  });
};
