import { z } from 'astro/zod';

/** Masthead roles, in the order the masthead page lists them. */
export const PERSON_ROLES = [
  'editor-in-chief',
  'deputy-editor',
  'staff-writer',
  'technical-reviewer',
  'contributor',
] as const;

export const ROLE_TITLES: Record<(typeof PERSON_ROLES)[number], string> = {
  'editor-in-chief': 'Editor-in-Chief',
  'deputy-editor': 'Deputy Editor',
  'staff-writer': 'Staff Writer',
  'technical-reviewer': 'Technical Reviewer',
  contributor: 'Contributor',
};

/**
 * A GitHub user name as GitHub allows it: 1 to 39 letters, digits or single inner dashes.
 * Written without "@"; the technical-review workflow requests reviews from it.
 */
export const GITHUB_HANDLE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export const githubHandleSchema = z.string().regex(GITHUB_HANDLE_PATTERN, {
  error:
    'must be a GitHub user name without "@": letters, digits and single dashes, at most 39 characters, e.g. "octocat"',
});

const educationSchema = z
  .object({
    /** Degree abbreviation as printed after a name: PhD, MS, MSc, BSc… */
    degree: z.string().min(1),
    /** Field of study, e.g. "Machine Learning Systems". */
    field: z.string().min(1).optional(),
    /** Awarding institution; becomes `alumniOf` in JSON-LD. */
    institution: z.string().min(1),
    year: z.int().min(1950).max(2100).optional(),
  })
  .strict();

const linkSchema = z
  .object({
    label: z.string().min(1),
    url: z.url({ protocol: /^(https?|mailto)$/, error: 'must be an http(s) or mailto: URL' }),
  })
  .strict();

/** A member of the masthead or a contributor: `content/people/<id>.yaml`. */
export const personSchema = z
  .object({
    /** Full name without honorific or degree. */
    name: z.string().min(1).describe('Full name without honorific or degree.'),
    /** Optional honorific printed before the name ("Dr."). */
    honorific: z.string().min(1).describe('Printed before the name, e.g. "Dr.".').optional(),
    /** Highest degree, printed after the name ("PhD", "MS"). */
    degree: z.string().min(1).describe('Highest degree, printed after the name, e.g. "PhD".').optional(),
    role: z
      .enum(PERSON_ROLES, {
        error: `must be one of ${PERSON_ROLES.join(', ')}`,
      })
      .describe('Place on the masthead.'),
    /** A short biography in the publication's own words. */
    bio: z
      .string()
      .min(40, { error: 'is too short: write at least a full sentence (40+ characters)' })
      .describe("A short biography in the publication's own words."),
    /** Areas of expertise; become `knowsAbout` in JSON-LD. */
    knowsAbout: z
      .array(z.string().min(1))
      .min(1, { error: 'list at least one area of expertise' })
      .describe('Areas of expertise.'),
    education: z.array(educationSchema).min(1, { error: 'list at least one degree' }),
    links: z.array(linkSchema).optional(),
    /**
     * The person's GitHub account, without "@". Pull requests that change an article this
     * person reviews request their review from it, and only their approval passes the
     * "technical review" check.
     */
    github: githubHandleSchema
      .describe(
        'GitHub user name without "@"; the technical-review check requests and counts this account\'s approval.',
      )
      .optional(),
  })
  .strict();

export type PersonData = z.infer<typeof personSchema>;
export type PersonRole = PersonData['role'];
