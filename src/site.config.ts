/**
 * The one validated site configuration. Everything site-wide (name, URL, beats, policies)
 * lives here once; pages, feeds, JSON-LD and scripts import it instead of repeating values.
 */
import { z } from 'astro/zod';

export const BEAT_IDS = ['architecture', 'benchmarks', 'mlops', 'postmortems'] as const;
export type BeatId = (typeof BEAT_IDS)[number];

const beatSchema = z.object({
  id: z.enum(BEAT_IDS),
  /** Display name, e.g. "Architecture case studies". */
  title: z.string().min(1),
  /** Short name for tight spaces (breadcrumbs, article kicker). */
  shortTitle: z.string().min(1),
  /** One or two sentences describing what the beat covers. */
  blurb: z.string().min(1),
});

/**
 * Where the newsletter sign-up form posts: a mail provider's public "embed" endpoint (a
 * Buttondown- or Listmonk-style URL). The form is plain HTML (no JavaScript), and the CSP's
 * form-action allows exactly this URL's origin. Set `subscribe` to null when there is no
 * provider: the sign-up block then offers the feeds and the editors' address instead.
 */
const subscribeSchema = z
  .object({
    /** Shown to readers ("Sign-ups are handled by Buttondown"). */
    provider: z.string().min(1),
    /** The provider's form endpoint; https only, since the reader's address travels in the request. */
    action: z.url({
      protocol: /^https$/,
      error: 'must be an https:// URL (the form endpoint of the provider)',
    }),
    /** Name of the form field that carries the reader's address. */
    emailField: z.string().regex(/^[A-Za-z_][\w\-[\]]*$/, { error: 'must be a plain form-field name' }),
    /** Fixed fields the provider expects (a list id, say), sent as hidden inputs. */
    hiddenFields: z.record(z.string().regex(/^[A-Za-z_][\w\-[\]]*$/), z.string()).default({}),
  })
  .strict();

const newsletterConfigSchema = z.object({
  subscribe: subscribeSchema.nullable(),
  /** When issues go out, in the reader's words ("every Sunday"). */
  cadence: z.string().min(1),
});

/**
 * Discussion of each article in the repository's GitHub Discussions, one thread per article
 * titled with its slug. Every article links to its thread; with `embed` on, the article also
 * offers the thread inline through giscus (https://giscus.app), inside a closed <details>, so
 * nothing from giscus.app loads until the reader opens it (src/lib/discussion.ts). The ids
 * come from giscus.app's configuration form for the repository (its `data-repo-id` and
 * `data-category-id`), once the giscus GitHub app is installed on it.
 */
const discussionsSchema = z.discriminatedUnion(
  'enabled',
  [
    z.strictObject(
      { enabled: z.literal(false) },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `has ${issue.keys.map((k) => `"${k}"`).join(', ')} but enabled is false: set enabled: true to use them, or remove them`
            : undefined,
      },
    ),
    z
      .object({
        enabled: z.literal(true),
        /** The repository's GraphQL node id (giscus's data-repo-id). */
        repoId: z
          .string({
            error:
              'is required when discussions are enabled: copy data-repo-id from the snippet giscus.app generates for the repository (it starts with "R_")',
          })
          .regex(/^R_[\w-]+$/, {
            error: 'must be the repository id giscus.app shows as data-repo-id (it starts with "R_")',
          }),
        /** The Discussions category the threads live in, by name (as GitHub shows it) and id. */
        category: z
          .string({ error: 'is required when discussions are enabled: the category name, e.g. "Articles"' })
          .min(1),
        categoryId: z
          .string({
            error:
              'is required when discussions are enabled: copy data-category-id from the snippet giscus.app generates (it starts with "DIC_")',
          })
          .regex(/^DIC_[\w-]+$/, {
            error: 'must be the category id giscus.app shows as data-category-id (it starts with "DIC_")',
          }),
        /** Offer the thread inline (giscus, loaded only when the reader opens it); otherwise only the link. */
        embed: z.boolean().default(true),
      })
      .strict(),
  ],
  { error: 'needs enabled: true (with repoId, category and categoryId) or enabled: false' },
);

/**
 * A section a beat's pieces must have. The content lint accepts a heading (## or ###) that
 * contains any of `words` (case-insensitive); `new:article` scaffolds `heading`.
 */
const requiredSectionSchema = z.object({
  /** Stable name for messages and tests, e.g. "root-cause". */
  id: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/),
  /** The heading a new article starts with. */
  heading: z.string().min(1),
  /** Words any one of which, inside a heading, satisfies the rule. */
  words: z.array(z.string().min(1)).min(1),
});

const siteConfigSchema = z.object({
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** Absolute origin the site is served from; used for canonical URLs, feeds and sitemap. */
  url: z.url({ protocol: /^https$/ }),
  description: z.string().min(1),
  language: z.string().min(2),
  /** How dates, lists of names and plurals are written (BCP 47): "14 March 2025", "A, B and C". */
  locale: z.string().min(2),
  /** Dates are formatted in this zone so the build never depends on the machine's zone. */
  timeZone: z.string().min(1),
  founded: z.iso.date(),
  email: z.email(),
  /** Where readers' error reports go by email (the mailto: alternative to a GitHub issue). */
  correctionsEmail: z.email(),
  /**
   * The site's public GitHub repository: error reports open issues here, history pages link
   * to its commits, and each article links to its source file.
   */
  repository: z.object({
    url: z
      .url({ protocol: /^https$/, error: 'must be https://github.com/<owner>/<name>' })
      .refine((url) => /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(url), {
        error: 'must be https://github.com/<owner>/<name>, without a trailing slash',
      }),
    /** The default branch: what "the published version" means. */
    branch: z.string().min(1),
  }),
  /** Off by default: a fork without Discussions (or without giscus) shows no discussion links. */
  discussions: discussionsSchema.default({ enabled: false }),
  beats: z.array(beatSchema).length(BEAT_IDS.length),
  /** Listings show this many entries per page. */
  pageSize: z.int().positive(),
  /** Feeds carry this many newest items: readers poll them, so they must stay small as the archive grows. */
  feedSize: z.int().positive(),
  newsletter: newsletterConfigSchema,
  /** Article images: limits on originals, and the sizes Astro's image service produces. */
  images: z.object({
    /** Largest original file accepted beside an article, in bytes. */
    maxBytes: z.int().positive(),
    /** Longest side of a raster original, in pixels. */
    maxSide: z.int().positive(),
    /** srcset widths for a figure in the text column, and for a `wide` figure. */
    widths: z.array(z.int().positive()).min(1),
    wideWidths: z.array(z.int().positive()).min(1),
    /** `sizes` matching the article's measure (src/styles/global.css) and the wide column. */
    sizes: z.string().min(1),
    wideSizes: z.string().min(1),
    /** Image bytes an article page may load before the reader scrolls (checked by verify). */
    firstLoadBytes: z.int().positive(),
  }),
  /** Sections every post-mortem must have: the heading words live here and nowhere else. */
  postmortemSections: z.array(requiredSectionSchema).min(1),
  /**
   * Measurements older than this many days (from the methodology's `measured` date to the
   * build) carry a dated "measured on … with …" note: hardware and software move on.
   */
  measurementsStaleAfterDays: z.int().positive(),
});

export type RequiredSection = z.infer<typeof requiredSectionSchema>;

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type DiscussionsConfig = SiteConfig['discussions'];
export type SubscribeConfig = z.infer<typeof subscribeSchema>;

/** The configured provider, unless the environment names another endpoint (or none, with ""). */
function subscribeFromEnv(
  override: string | undefined,
  configured: z.input<typeof subscribeSchema>,
): z.input<typeof subscribeSchema> | null {
  if (override === undefined) return configured;
  if (override === '') return null;
  const provider = URL.canParse(override) ? new URL(override).hostname : override;
  return { ...configured, provider, action: override, hiddenFields: {} };
}
export type Beat = SiteConfig['beats'][number];

/**
 * Validates a configuration and, when it is wrong, throws one message per problem naming the
 * field (e.g. `discussions.repoId`) and what it must be, instead of zod's raw issue list.
 */
export function parseSiteConfig(input: unknown): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(the whole config)'}: ${issue.message}`,
  );
  throw new Error(`src/site.config.ts is invalid:\n${problems.join('\n')}`);
}

export const site: SiteConfig = parseSiteConfig({
  name: 'ML Systems Review',
  shortName: 'MLSR',
  url: process.env.MLSR_SITE_URL ?? 'https://mlsystemsreview.com',
  description:
    'An independent engineering publication about production machine-learning systems: architecture, benchmarks, reliability and failures, every claim sourced and reviewed.',
  language: 'en',
  locale: 'en-GB',
  timeZone: 'UTC',
  founded: '2023-05-01',
  email: 'editors@mlsystemsreview.com',
  correctionsEmail: 'editors@mlsystemsreview.com',
  repository: { url: 'https://github.com/mlsystemsreview/mlsr', branch: 'main' },
  // The ids giscus.app gives for the repository above and its "Articles" category; a fork sets
  // its own (or `enabled: false`).
  discussions: {
    enabled: true,
    repoId: 'R_kgDOMLSRrw',
    category: 'Articles',
    categoryId: 'DIC_kwDOMLSRr84Cl0Xa',
  },
  pageSize: 10,
  feedSize: 30,
  newsletter: {
    cadence: 'every Sunday',
    // MLSR_SUBSCRIBE_ACTION overrides the endpoint for a build ("" = no provider), so a fork or
    // a test build can change it without editing this file.
    subscribe: subscribeFromEnv(process.env.MLSR_SUBSCRIBE_ACTION, {
      provider: 'Buttondown',
      action: 'https://buttondown.com/api/emails/embed-subscribe/mlsystemsreview',
      emailField: 'email',
      hiddenFields: { embed: '1' },
    }),
  },
  images: {
    maxBytes: 5_000_000,
    maxSide: 4000,
    widths: [480, 800, 1200, 1600],
    wideWidths: [480, 800, 1200, 1600, 2400],
    sizes: '(min-width: 48rem) 44rem, calc(100vw - 2.5rem)',
    wideSizes: '(min-width: 80rem) 76rem, calc(100vw - 2.5rem)',
    firstLoadBytes: 400_000,
  },
  postmortemSections: [
    { id: 'timeline', heading: 'Timeline', words: ['timeline'] },
    { id: 'impact', heading: 'Impact', words: ['impact'] },
    { id: 'detection', heading: 'Detection', words: ['detection'] },
    { id: 'root-cause', heading: 'Root cause', words: ['root cause'] },
    { id: 'contributing-factors', heading: 'Contributing factors', words: ['contributing factor'] },
    {
      id: 'what-changed',
      heading: 'What changed afterwards',
      words: ['what changed', 'afterwards', 'remediation'],
    },
  ],
  measurementsStaleAfterDays: 365,
  beats: [
    {
      id: 'architecture',
      title: 'Architecture case studies',
      shortTitle: 'Architecture',
      blurb:
        'How real organisations structured real ML systems, reconstructed from papers, engineering blogs, talks and background interviews.',
    },
    {
      id: 'benchmarks',
      title: 'Benchmarks & comparisons',
      shortTitle: 'Benchmarks',
      blurb:
        'Measurements with their methodology attached: sample sizes, variance and confidence intervals, never a bare number.',
    },
    {
      id: 'mlops',
      title: 'MLOps & reliability',
      shortTitle: 'MLOps',
      blurb:
        'Monitoring, retraining, drift, feature pipelines and on-call: the work that keeps a model useful after launch day.',
    },
    {
      id: 'postmortems',
      title: 'Post-mortems',
      shortTitle: 'Post-mortems',
      blurb:
        'Public failures of production ML, and the engineering decisions behind them, written to learn from rather than to blame.',
    },
  ],
});

export function beatById(id: BeatId): Beat {
  const beat = site.beats.find((b) => b.id === id);
  if (!beat) throw new Error(`site.config.ts: beat "${id}" is not configured`);
  return beat;
}
