/**
 * CSP sources that depend on site configuration, computed once for both policies that carry
 * them: Astro's per-page <meta> (astro.config.ts) and the HTTP header file (http-headers.ts).
 * Browsers enforce both, so they must agree.
 */
import { site, type SiteConfig } from '../site.config.ts';
import { DISCUSSION_PAGE, GISCUS_ORIGIN } from './discussion.ts';

/**
 * form-action: the site itself (the search form is a GET to /search/) and, when a newsletter
 * provider is configured, exactly the origin of its form endpoint.
 */
export function formActionSources(config: Pick<SiteConfig, 'newsletter'> = site): string[] {
  const subscribe = config.newsletter.subscribe;
  return ["'self'", ...(subscribe ? [new URL(subscribe.action).origin] : [])];
}

/**
 * frame-src of one page: exactly giscus's origin on an article's discussion page when the
 * site embeds discussions, and nothing anywhere else (no directive: frames then fall back to
 * default-src 'self'). The embed's frame is the only one the site has; the discussion page
 * adds the directive for itself (Astro.csp.insertDirective), so no other page may frame it.
 */
export function frameSources(pagePath: string, config: Pick<SiteConfig, 'discussions'> = site): string[] {
  const embeds = config.discussions.enabled && config.discussions.embed;
  return embeds && DISCUSSION_PAGE.test(pagePath) ? [GISCUS_ORIGIN] : [];
}
