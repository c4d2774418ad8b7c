import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env.BENCH_CONTENT_ROOT;
if (!root)
  throw new Error('BENCH_CONTENT_ROOT must point at a fixture content root (see scripts/bench/README.md)');

// Permissive on purpose: the baseline measures rendering, not validation.
const articles = defineCollection({
  loader: glob({ base: `${root}/articles`, pattern: '**/*.{md,mdx}' }),
  schema: z.looseObject({ title: z.string(), description: z.string().optional() }),
});

export const collections = { articles };
