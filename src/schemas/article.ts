import { z } from 'astro/zod';
import { BEAT_IDS } from '../site.config.ts';
import { correctionSchema } from './correction.ts';
import { calendarDate, isoDay } from './date.ts';
import { methodologySchema } from './methodology.ts';
import { resultsSchema } from './results.ts';
import { SLUG_PATTERN } from './slug.ts';
import { sourceSchema } from './source.ts';

/**
 * How an article refers to a person. The content layer passes Astro's `reference('people')`
 * (which resolves ids to `{ collection, id }`); the content lint passes `personIdSchema`.
 * Either way the rules below see ids through `personIdOf`.
 */
export type PersonRefSchema = z.ZodType<string | { id: string }>;

/** A person id is the file name of `content/people/<id>.yaml`, a slug. */
export const personIdSchema = z.string().regex(SLUG_PATTERN, {
  error: 'must be a person id: the file name of content/people/<id>.yaml, e.g. "nadia-volkov"',
});

export function personIdOf(ref: string | { id: string }): string {
  return typeof ref === 'string' ? ref : ref.id;
}

/** Counts sentences the way an editor would: terminal punctuation followed by space or end. */
export function countSentences(text: string): number {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=\S)/)
    .filter((s) => s.trim().length > 0).length;
}

/**
 * Article frontmatter: `content/articles/<slug>.mdx`. Exactly these keys; an unknown key is
 * an error so a typo (`reviwer:`) can never silently drop a field.
 */
export function articleSchema(personRef: PersonRefSchema) {
  return (
    z
      .object({
        title: z.string().trim().min(1, { error: 'is required' }).describe('The headline.'),
        /** The dek: one to three sentences under the title and in listings. */
        description: z
          .string()
          .trim()
          .min(1, { error: 'is required: write a one-to-three-sentence dek' })
          .refine((text) => countSentences(text) <= 3, {
            error: 'must be one to three sentences; move the rest into the body',
          })
          .describe('The dek: one to three sentences under the title and in listings.'),
        beat: z
          .enum(BEAT_IDS, { error: `must be one of ${BEAT_IDS.join(', ')}` })
          .describe('The section the piece belongs to.'),
        /** One person id, or a list of ids for co-authored pieces. */
        author: z
          .union([personRef, z.array(personRef).min(1, { error: 'list at least one author' })], {
            error: 'must be a person id, or a list of person ids for a co-authored piece',
          })
          .describe(
            'A person id (the file name of content/people/<id>.yaml), or a list of ids for a co-authored piece.',
          )
          .transform((v) => (Array.isArray(v) ? v : [v])),
        /** The technical reviewer: one person id, never one of the authors. */
        reviewer: personRef.describe(
          'The technical reviewer: one person id, never one of the authors. Their GitHub approval is required to merge.',
        ),
        published: calendarDate.describe('Publication date, YYYY-MM-DD.'),
        updated: calendarDate
          .describe('Last substantive update, YYYY-MM-DD; not before published.')
          .optional(),
        tags: z
          .array(
            z.string().regex(SLUG_PATTERN, {
              error: 'tags are lower-case words joined by dashes, e.g. "feature-stores"',
            }),
          )
          .describe('Lower-case words joined by dashes, e.g. feature-stores.')
          .default([]),
        /** Drafts are rendered by `astro dev` only, never in a production build. */
        draft: z
          .boolean()
          .describe('true keeps the piece out of production builds; drafts need no technical review yet.')
          .default(false),
        /** Conflict-of-interest statement shown at the top of the article. */
        disclosure: z
          .string()
          .trim()
          .min(1)
          .describe('Conflict-of-interest statement shown above the body.')
          .optional(),
        sources: z
          .array(sourceSchema)
          .min(1, {
            error: 'list at least one source: every number we publish is sourced',
          })
          .describe('The evidence behind the piece; every source is cited in the text as [@id].'),
        corrections: z
          .array(correctionSchema)
          .describe('Corrections log; each entry has an inline <Correction date="…"> mark in the text.')
          .default([]),
        methodology: methodologySchema
          .describe('How the numbers were measured; required for benchmark pieces.')
          .optional(),
        results: resultsSchema
          .describe('Results files beside the article (CSV or JSON), drawn by <Results id="…" />.')
          .default([]),
        supersededBy: z
          .string()
          .regex(SLUG_PATTERN, {
            error: 'must be the slug of the newer article, e.g. "latency-benchmarks-2026"',
          })
          .describe('Slug of a newer article that replaces this one; the old one says so at the top.')
          .optional(),
      })
      .strict()
      // Cross-field rules run only once every field is valid on its own: a field that failed a
      // check (e.g. `author: Ben Sato`) never reached its transform, and the rules below would
      // see raw input (a string where a list is expected) and crash.
      .superRefine(
        (article, ctx) => {
          const authorIds = article.author.map(personIdOf);
          const reviewerId = personIdOf(article.reviewer);
          if (authorIds.includes(reviewerId)) {
            ctx.addIssue({
              code: 'custom',
              path: ['reviewer'],
              message: `"${reviewerId}" is also an author; the technical reviewer must be someone else on the masthead`,
            });
          }
          const seenAuthors = new Set<string>();
          authorIds.forEach((id, index) => {
            if (seenAuthors.has(id)) {
              ctx.addIssue({ code: 'custom', path: ['author', index], message: `"${id}" is listed twice` });
            }
            seenAuthors.add(id);
          });
          if (article.updated && article.updated < article.published) {
            ctx.addIssue({
              code: 'custom',
              path: ['updated'],
              message: `${isoDay(article.updated)} is before published (${isoDay(article.published)}); updated must be on or after it`,
            });
          }
          const seenSources = new Map<string, number>();
          article.sources.forEach((source, index) => {
            const first = seenSources.get(source.id);
            if (first !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: ['sources', index, 'id'],
                message: `"${source.id}" is already the id of sources[${first}]; source ids must be unique`,
              });
            } else seenSources.set(source.id, index);
          });
          const seenDays = new Map<string, number>();
          article.corrections.forEach((correction, index) => {
            const day = isoDay(correction.date);
            const first = seenDays.get(day);
            if (first !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: ['corrections', index, 'date'],
                message: `${day} is already the date of corrections[${first}]; merge the two entries into one summary`,
              });
            } else seenDays.set(day, index);
            if (correction.date < article.published) {
              ctx.addIssue({
                code: 'custom',
                path: ['corrections', index, 'date'],
                message: `${isoDay(correction.date)} is before published (${isoDay(article.published)}); a correction comes after publication`,
              });
            }
          });
        },
        { when: (payload) => payload.issues.length === 0 },
      )
  );
}

/** Article frontmatter after validation (authors always a list; people as ids or references). */
export type ArticleData = z.infer<ReturnType<typeof articleSchema>>;
