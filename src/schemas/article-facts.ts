import { z } from 'astro/zod';

/** One credited figure of an article, collected by rehype-figure-credits in reading order. */
export const figureCreditSchema = z
  .object({
    /** "Figure 2". */
    label: z.string(),
    /** Anchor of the figure in the page. */
    id: z.string().optional(),
    credit: z.string(),
    /** An SPDX id, or used-with-permission. */
    license: z.string(),
    sourceUrl: z.string().optional(),
  })
  .strict();

export type FigureCredit = z.infer<typeof figureCreditSchema>;

/**
 * What the build learns about an article by rendering it, as opposed to what its editor wrote
 * (article.ts): computed once in the article workers, stored with the rendered HTML, and
 * handed to pages as typed fields of the article view model (src/lib/content.ts).
 */
export const articleFactsSchema = z
  .object({
    /** Minutes to read the body, at least 1 (the `reading-time` package's estimate, rounded). */
    readingMinutes: z.number().int().min(1),
    /** How often each source is cited in the body, by source id; a source never cited is absent. */
    citationCounts: z.record(z.string(), z.number().int().min(1)),
    /** Whether the body typesets any math, so KaTeX's stylesheet loads only where needed. */
    hasMath: z.boolean(),
    /** The figures reused under a credit and licence: the "Figures" list and the JSON-LD. */
    figureCredits: z.array(figureCreditSchema),
  })
  .strict();

export type ArticleFacts = z.infer<typeof articleFactsSchema>;
