import { z } from 'astro/zod';
import { isCrossRefId } from '../lib/cross-refs.ts';
import { calendarDate } from './date.ts';

export const SOURCE_KINDS = [
  'paper',
  'talk',
  'blog',
  'docs',
  'benchmark',
  'dataset',
  'measurement',
  'interview',
] as const;

/** Source ids are what `[@id]` citations point at, so they must be citation-key safe. */
export const SOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** One entry of an article's `sources` list: the evidence behind its numbers. */
export const sourceSchema = z
  .object({
    /** Cited in the text as `[@id]`; unique within the article. */
    id: z
      .string()
      .regex(SOURCE_ID_PATTERN, {
        error: 'must start with a letter or digit and use only letters, digits and _ . : -',
      })
      // [@fig-x] is a cross-reference to a figure (tbl- a table, eq- an equation).
      .refine((id) => !isCrossRefId(id), {
        error: 'must not start with fig-, tbl- or eq-: those prefixes name figures, tables and equations',
      })
      .describe('Cited in the text as [@id]; unique within the article.'),
    title: z.string().min(1),
    /** Where a reader can check it. Only http(s): no javascript:, data: or file: URLs. */
    url: z.url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' }).optional(),
    publisher: z.string().min(1).optional(),
    date: calendarDate.optional(),
    kind: z
      .enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.join(', ')}` })
      .describe('What kind of evidence this is.'),
  })
  .strict();

export type Source = z.infer<typeof sourceSchema>;
