import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { newsletterIssueSchema } from './schemas/newsletter-issue.ts';
import { personSchema } from './schemas/person.ts';
import { articleLoader } from './lib/article-loader.ts';
import { NEWSLETTER_GLOB, PEOPLE_GLOB } from './lib/content-files.ts';
import { contentRoot } from './lib/content-root.ts';

const people = defineCollection({
  loader: glob({ base: `${contentRoot}/people`, pattern: PEOPLE_GLOB }),
  schema: personSchema,
});

const articles = defineCollection({
  loader: articleLoader({ root: contentRoot }),
  schema: articleSchema(reference('people')),
});

const newsletter = defineCollection({
  loader: glob({ base: `${contentRoot}/newsletter`, pattern: NEWSLETTER_GLOB }),
  schema: newsletterIssueSchema,
});

export const collections = { people, articles, newsletter };
