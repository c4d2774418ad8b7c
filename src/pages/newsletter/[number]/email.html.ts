/** The email edition of an issue, ready for a provider (src/lib/email/edition.ts). */
import type { APIRoute } from 'astro';
import type { NewsletterEntry } from '../../../lib/content.ts';
import { editionOf, emailEditionPaths } from '../../../lib/email/issues.ts';

export const getStaticPaths = emailEditionPaths;

export const GET: APIRoute<{ issue: NewsletterEntry }> = async ({ props }) =>
  new Response((await editionOf(props.issue)).html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
