import { z } from 'zod';

export const TOPICS = ['levy', 'apprenticeships', 'llw', 'hackney-100', 's106', 'employer-offer'] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

/** A calendar date written YYYY-MM-DD (kept as text so no time zone can shift it). */
export const IsoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD' })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      error: 'not a real calendar date',
    },
  );
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * The page or document that says the thing, dated as that document is. A council paper whose own address is not
 * known is cited without a URL, by a title that names the paper, the meeting and its date.
 */
export const Source = z.object({
  title: z.string().trim().min(3, { error: 'expected the source title' }),
  url: z.url({ protocol: /^https?$/, error: 'expected a full http(s) URL' }).optional(),
  date: IsoDate,
});
export type Source = z.infer<typeof Source>;

export const Audience = z.enum(['staff', 'public']);
export type Audience = z.infer<typeof Audience>;

/** The YAML front matter every article in knowledge/ must carry. */
export const ArticleFrontMatter = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as llw-rates' }),
    title: z.string().trim().min(5),
    topic: Topic,
    summary: z.string().trim().min(10),
    audience: Audience,
    owner: z.string().trim().min(3),
    reviewed: IsoDate,
    reviewBy: IsoDate,
    sources: z.array(Source).min(1, { error: 'expected at least one source' }),
    questions: z.array(z.string().trim().min(3)).default([]),
    keywords: z.array(z.string().trim().min(2)).default([]),
  })
  .strict()
  .refine((article) => article.reviewBy > article.reviewed, {
    error: 'reviewBy must be after reviewed',
    path: ['reviewBy'],
  });
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;
