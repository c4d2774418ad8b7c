import { z } from 'astro/zod';

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
  })
  .strict();

export type ArticleFacts = z.infer<typeof articleFactsSchema>;
