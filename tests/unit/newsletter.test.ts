/** A newsletter issue's parts: the pieces it links to, ours named by their titles. */
import { describe, expect, it } from 'vitest';
import { issueParts } from '../../src/lib/newsletter.ts';
import { site } from '../../src/site.config.ts';

describe('issueParts', () => {
  it('lists each link once, ours by title, outside ones by link text', () => {
    const body = [
      'See the [Monolith paper](https://arxiv.org/abs/2209.07663) and [our piece](/articles/monolith/).',
      'Again: [the paper](https://arxiv.org/abs/2209.07663), [mail us](mailto:x@example.org), [a section](#x).',
      'And [a page that is not an article](/about/).',
    ].join('\n\n');
    expect(issueParts(body, new Map([['monolith', 'Inside Monolith']]))).toEqual([
      { url: 'https://arxiv.org/abs/2209.07663', name: 'Monolith paper' },
      { url: `${site.url}/articles/monolith/`, name: 'Inside Monolith', articleSlug: 'monolith' },
      { url: `${site.url}/about/`, name: 'a page that is not an article' },
    ]);
  });
});
