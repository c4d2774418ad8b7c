/**
 * CSP sources that depend on site configuration, computed once for both policies that carry
 * them: Astro's per-page <meta> (astro.config.ts) and the HTTP header file (http-headers.ts).
 * Browsers enforce both, so they must agree.
 */
import { site, type SiteConfig } from '../site.config.ts';

/**
 * form-action: the site itself (the search form is a GET to /search/) and, when a newsletter
 * provider is configured, exactly the origin of its form endpoint.
 */
export function formActionSources(config: Pick<SiteConfig, 'newsletter'> = site): string[] {
  const subscribe = config.newsletter.subscribe;
  return ["'self'", ...(subscribe ? [new URL(subscribe.action).origin] : [])];
}
