/** A newsletter issue's parts: the pieces it links to, ours named by their titles. */
import { describe, expect, it } from 'vitest';
import { articleLinkTitle, checkIssueLinks, issueParts, nameArticleLinks } from '../../src/lib/newsletter.ts';
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

describe('links to our articles in an issue', () => {
  const titles = new Map([['/articles/monolith/', 'Inside Monolith']]);

  it('reads a bare-path link as the article title, on the page and in the feed or email', () => {
    expect(
      nameArticleLinks(
        '<p>More at <a href="/articles/monolith/">/articles/monolith/</a> and <a href="/articles/monolith/">our piece</a>.</p>',
        titles,
      ),
    ).toBe(
      '<p>More at <a href="/articles/monolith/">Inside Monolith</a> and <a href="/articles/monolith/">our piece</a>.</p>',
    );
    // The email and the feed make URLs absolute first.
    const absolute = `${site.url}/articles/monolith/`;
    expect(articleLinkTitle(absolute, '/articles/monolith/', titles)).toBe('Inside Monolith');
    expect(articleLinkTitle(absolute, absolute, titles)).toBe('Inside Monolith');
    expect(articleLinkTitle('https://example.org/articles/monolith/', '/articles/monolith/', titles)).toBe(
      undefined,
    );
  });

  it('refuses unknown slugs (with the nearest one) and drafts, with their lines; listings pass', () => {
    const articles = new Map([
      ['monolith', { draft: false }],
      ['secret', { draft: true }],
    ]);
    const body = [
      'Ours: [/articles/monolith/](/articles/monolith/) and [all](/articles/) and [p2](/articles/page/2/).',
      '',
      'Typo: [x](/articles/monolit/). Draft: [y](/articles/secret/). BibTeX: [z](/articles/monolith.bib).',
    ].join('\n');
    expect(checkIssueLinks(body, articles)).toEqual([
      {
        line: 3,
        message:
          'links to /articles/monolit/, but no article has the slug "monolit": did you mean /articles/monolith/?',
      },
      { line: 3, message: expect.stringContaining('/articles/secret/, an article that is still a draft') },
    ]);
  });
});
