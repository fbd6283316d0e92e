import { z } from 'zod';
import { CALCULATOR_KINDS, ENQUIRY_VOICES, INTENTS, OUT_OF_SCOPE_REASONS, TOPICS } from './understanding.js';

const Turn = z.object({ role: z.enum(['user', 'assistant']), text: z.string().trim().min(1).max(4000) }).strict();

/** One labelled message, in the format of LABELS.md. */
export const LabelledExample = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id must be kebab-case' })
      .optional(),
    text: z.string().trim().min(1).max(4000),
    intent: z.enum(INTENTS),
    topic: z.enum(TOPICS),
    voice: z.enum(ENQUIRY_VOICES).optional(),
    reason: z.enum(OUT_OF_SCOPE_REASONS).optional(),
    calculator: z.enum(CALCULATOR_KINDS).optional(),
    inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    history: z.array(Turn).min(1).max(20).optional(),
    followUp: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((item, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (item.intent === 'enquiry' && item.voice === undefined) problem('voice', 'an enquiry needs voice');
    if (item.intent !== 'enquiry' && item.voice !== undefined) problem('voice', 'voice is for enquiries only');
    if (item.intent === 'out_of_scope' && item.reason === undefined) problem('reason', 'out_of_scope needs reason');
    if (item.intent !== 'out_of_scope' && item.reason !== undefined) problem('reason', 'reason is for out_of_scope');
    if (item.intent === 'calculation' && item.calculator === undefined)
      problem('calculator', 'a calculation needs calculator');
    if (item.intent !== 'calculation' && item.calculator !== undefined)
      problem('calculator', 'calculator is for calculations only');
    if (item.inputs !== undefined && item.intent !== 'calculation') problem('inputs', 'inputs are for calculations');
    if (item.history !== undefined && item.followUp === undefined)
      problem('followUp', 'followUp is required when history is given');
    if (item.history === undefined && item.followUp !== undefined) problem('followUp', 'followUp needs history');
  });
export type LabelledExample = z.infer<typeof LabelledExample>;

export const LabelledFile = z.array(LabelledExample);
