/** The sign-up decisions: what the form posts, what the CSP allows, which feeds each place offers. */
import { describe, expect, it } from 'vitest';
import { formActionSources } from '../../src/lib/csp-sources.ts';
import { followLinks, subscribeForm } from '../../src/lib/subscribe.ts';
import { beatById } from '../../src/site.config.ts';

const provider = {
  provider: 'Listmonk',
  action: 'https://lists.example.org/subscription/form',
  emailField: 'email',
  hiddenFields: { l: 'b1c2', nonce: '' },
};

describe('subscribe', () => {
  it("allows exactly the provider's origin in form-action, or only the site without one", () => {
    expect(formActionSources({ newsletter: { subscribe: provider, cadence: 'weekly' } })).toEqual([
      "'self'",
      'https://lists.example.org',
    ]);
    expect(formActionSources({ newsletter: { subscribe: null, cadence: 'weekly' } })).toEqual(["'self'"]);
  });

  it('prints the form with hidden fields in a stable order, or none without a provider', () => {
    expect(subscribeForm(provider)).toEqual({
      provider: 'Listmonk',
      action: 'https://lists.example.org/subscription/form',
      emailField: 'email',
      hiddenFields: [
        ['l', 'b1c2'],
        ['nonce', ''],
      ],
    });
    expect(subscribeForm(null)).toBeUndefined();
  });

  it('offers the feeds that fit the place: the beat first on beat and article pages', () => {
    const mlops = beatById('mlops');
    expect(followLinks({ kind: 'article', beat: mlops }).map((l) => l.href)).toEqual([
      '/beats/mlops/feed.xml',
      '/feed.xml',
      '/newsletter/feed.xml',
      '/corrections/feed.xml',
    ]);
    expect(followLinks({ kind: 'newsletter' })[0]!.href).toBe('/newsletter/feed.xml');
    expect(followLinks({ kind: 'site' }).map((l) => l.label)).toEqual([
      'All articles',
      'Newsletter',
      'Corrections',
    ]);
  });
});
