/** The plain-text part of an issue's email edition (src/lib/email/edition.ts). */
import type { APIRoute } from 'astro';
import type { NewsletterEntry } from '../../../lib/content.ts';
import { editionOf, emailEditionPaths } from '../../../lib/email/issues.ts';

export const getStaticPaths = emailEditionPaths;

export const GET: APIRoute<{ issue: NewsletterEntry }> = async ({ props }) =>
  new Response((await editionOf(props.issue)).text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
