import { z } from 'astro/zod';
import { calendarDate } from './date.ts';

/**
 * What a logged change was. A correction fixes something that was wrong; a clarification
 * rewords something that was right but could be misread; an update adds what became known
 * after publication. Readers see the kind on the article, on /corrections/ and in the feed.
 */
export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export function isCorrectionKind(value: unknown): value is CorrectionKind {
  return (CORRECTION_KINDS as readonly unknown[]).includes(value);
}

/** The kind as a reader sees it: a label, and the past participle the inline mark uses. */
export const CORRECTION_KIND_LABELS: Record<CorrectionKind, { label: string; done: string }> = {
  correction: { label: 'Correction', done: 'corrected' },
  clarification: { label: 'Clarification', done: 'clarified' },
  update: { label: 'Update', done: 'updated' },
};

/**
 * One entry of an article's corrections log. Its date ties it to the inline
 * `<Correction date="…">` mark(s) in the text.
 */
export const correctionSchema = z
  .object({
    date: calendarDate,
    /** correction (the default), clarification or update. */
    kind: z
      .enum(CORRECTION_KINDS, { error: `must be one of ${CORRECTION_KINDS.join(', ')}` })
      .default('correction'),
    /** What changed, in a sentence a reader can check against the marked text. */
    summary: z
      .string()
      .min(10, { error: 'say what changed, in a full sentence' })
      .describe('What changed, in one sentence a reader can check against the marked text.'),
  })
  .strict();

export type Correction = z.infer<typeof correctionSchema>;
