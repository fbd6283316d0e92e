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

/** Words a source puts before a figure it does not give exactly. */
export const FigureQualifier = z.enum(['nearly', 'over', 'about', 'at least', 'more than']);
export type FigureQualifier = z.infer<typeof FigureQualifier>;

/**
 * `rule`: a value set to apply from a date (a rate, a limit). `reported`: a count a document reported on its `from`
 * date; it stands until the next report and is stated "reported in November 2018", never as applying over a range.
 */
export const FactKind = z.enum(['rule', 'reported']);
export type FactKind = z.infer<typeof FactKind>;

/** One value of a figure and the dates it applied: `to` is the last day it applied (absent while in force). */
export const FactValue = z
  .object({
    value: z.union([z.number(), z.string().trim().min(1)]),
    from: IsoDate,
    to: IsoDate.optional(),
    source: Source,
    /** For editors; shown to readers only when `noteForReaders` is true. */
    note: z.string().trim().min(3).optional(),
    noteForReaders: z.boolean().optional(),
    /** How the source words a count it does not give exactly: "nearly 300" is 300 with qualifier "nearly". */
    qualifier: FigureQualifier.optional(),
  })
  .strict()
  .refine((entry) => entry.to === undefined || entry.to >= entry.from, {
    error: '`to` must not be before `from`',
    path: ['to'],
  });
export type FactValue = z.infer<typeof FactValue>;

/** A figure's change cadence: each year from a month and day, what happens then, and where to check. */
export const FactChanges = z
  .object({
    /** MM-DD: the earliest day each year a new value is expected (e.g. 10-01 for an autumn announcement). */
    yearlyFrom: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected MM-DD, e.g. 10-01' }),
    /** What normally happens, as a reader reads it: "a new rate is normally announced each October or November". */
    expected: z.string().trim().min(10),
    /** Where to check for a newer value: "livingwage.org.uk". */
    check: z.string().trim().min(3),
  })
  .strict();
export type FactChanges = z.infer<typeof FactChanges>;

export const FactEntry = z
  .object({
    label: z.string().trim().min(3),
    topic: Topic,
    unit: FactUnit,
    kind: FactKind.optional(),
    /** The article that explains the figure, cited with it. */
    article: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Ways staff name this figure, to find it from a question. */
    aliases: z.array(z.string().trim().min(2)).default([]),
    audience: z.enum(['staff', 'public']).default('public'),
    /** Set when the first value held is when the rule or scheme began, so there was none before. */
    began: z.boolean().optional(),
    /**
     * Set when the last value's `to` is where the sources stop, not when the figure stopped applying (a programme
     * recorded up to 2019): an answer then gives it as the latest held, never as a figure that has ended.
     */
    sourcesEnd: z.boolean().optional(),
    /** How the figure changes, so an answer can say when the latest value held may be out of date. */
    changes: FactChanges.optional(),
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
