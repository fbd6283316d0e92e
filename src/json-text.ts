import { z } from 'zod';

/** Text that must be JSON: parsed, or one issue with `message` (then `.pipe` a schema for the shape it must have). */
export function jsonText(message: string) {
  return z
    .string()
    .trim()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
    });
}
