/**
 * The newsletter sign-up, decided once: the form to print (src/lib/csp-sources.ts says what
 * the CSP allows for it) and which feeds a reader is offered where. Components only print what this returns.
 */
import { site, type Beat, type SubscribeConfig } from '../site.config.ts';
import { feeds, type Feed } from './feeds.ts';

export interface SubscribeForm {
  provider: string;
  action: string;
  emailField: string;
  hiddenFields: [name: string, value: string][];
}

/** The form to print, or undefined when no provider is configured (the block then offers feeds and email). */
export function subscribeForm(
  subscribe: SubscribeConfig | null = site.newsletter.subscribe,
): SubscribeForm | undefined {
  if (!subscribe) return undefined;
  return {
    provider: subscribe.provider,
    action: subscribe.action,
    emailField: subscribe.emailField,
    hiddenFields: Object.entries(subscribe.hiddenFields).sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Where a follow list appears; each placement offers the feeds a reader there would want. */
export type FollowContext =
  { kind: 'site' } | { kind: 'newsletter' } | { kind: 'beat'; beat: Beat } | { kind: 'article'; beat: Beat };

/** A feed with the short label a list of links shows ("Newsletter", "Corrections"). */
export interface FollowLink extends Feed {
  label: string;
}

export function followLinks(context: FollowContext): FollowLink[] {
  const all: FollowLink = { ...feeds.site(), label: 'All articles' };
  const newsletter: FollowLink = { ...feeds.newsletter(), label: 'Newsletter' };
  const corrections: FollowLink = { ...feeds.corrections(), label: 'Corrections' };
  switch (context.kind) {
    case 'site':
      return [all, newsletter, corrections];
    case 'newsletter':
      return [newsletter, all, corrections];
    case 'beat':
    case 'article':
      return [{ ...feeds.beat(context.beat), label: context.beat.title }, all, newsletter, corrections];
  }
}
