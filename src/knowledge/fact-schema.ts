import { z } from 'zod';
import { IsoDate, Source, Topic } from './article-schema.js';

export const FACT_UNITS = [
  'gbp',
  'gbp_per_hour',
  'percent',
  'months',
  'weeks',
  'days',
  'hours',
  'hours_per_week',
  'years',
  'age',
  'count',
  'date',
  'text',
] as const;
export const FactUnit = z.enum(FACT_UNITS);
export type FactUnit = z.infer<typeof FactUnit>;

/** One value of a figure and the dates it applied: `to` is the last day it applied (absent while in force). */
export const FactValue = z
  .object({
    value: z.union([z.number(), z.string().trim().min(1)]),
    from: IsoDate,
    to: IsoDate.optional(),
    source: Source,
    note: z.string().trim().min(3).optional(),
  })
  .strict()
  .refine((entry) => entry.to === undefined || entry.to >= entry.from, {
    error: '`to` must not be before `from`',
    path: ['to'],
  });
export type FactValue = z.infer<typeof FactValue>;

export const FactEntry = z
  .object({
    label: z.string().trim().min(3),
    topic: Topic,
    unit: FactUnit,
    /** The article that explains the figure, cited with it. */
    article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Ways staff name this figure, to find it from a question. */
    aliases: z.array(z.string().trim().min(2)).default([]),
    audience: z.enum(['staff', 'public']).default('public'),
    values: z.array(FactValue).min(1, { error: 'expected at least one value' }),
  })
  .strict();
export type FactEntry = z.infer<typeof FactEntry>;

export const FACT_KEY_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** knowledge/facts.yml: figure key → figure with its history. */
export const FactsFile = z.record(
  z.string().regex(FACT_KEY_PATTERN, { error: 'expected a key such as llw.rate or levy.allowance' }),
  FactEntry,
);

export type Fact = FactEntry & { key: string };
