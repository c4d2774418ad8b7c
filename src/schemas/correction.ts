import { z } from 'astro/zod';
import { calendarDate } from './date.ts';

/**
 * One entry of an article's corrections log. Its date ties it to the inline
 * `<Correction date="…">` mark(s) in the text.
 */
export const correctionSchema = z
  .object({
    date: calendarDate,
    /** What changed, in a sentence a reader can check against the marked text. */
    summary: z
      .string()
      .min(10, { error: 'say what changed, in a full sentence' })
      .describe('What changed, in one sentence a reader can check against the marked text.'),
  })
  .strict();

export type Correction = z.infer<typeof correctionSchema>;
