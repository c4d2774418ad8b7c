import { z } from 'astro/zod';
import { calendarDate } from './date.ts';

/** One issue of the weekly newsletter: `content/newsletter/<number>.md`. */
export const newsletterIssueSchema = z
  .object({
    /** Issue number: unique across the archive and positive. */
    number: z
      .int({ error: 'must be a whole number' })
      .positive({ error: 'must be 1 or more' })
      .describe('Issue number, unique; the file is named <number>.md.'),
    title: z.string().min(1).describe('The issue headline.'),
    date: calendarDate.describe('Date the issue is sent, YYYY-MM-DD.'),
    /** One or two sentences for the archive listing and feeds. */
    summary: z.string().min(1).describe('One or two sentences for the archive listing and feeds.'),
  })
  .strict();

export type NewsletterIssueData = z.infer<typeof newsletterIssueSchema>;
