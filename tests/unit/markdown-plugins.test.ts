/**
 * The render-time plugins (citations, corrections, math errors) through the production article
 * processor, so the HTML checked here is the HTML readers get. These are the last line of
 * defence when content reaches the build without going through the content lint.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';

interface RenderOptions {
  /** Parse as MDX (components allowed). */
  mdx?: boolean;
  frontmatter?: Record<string, unknown>;
  /** Project-relative path of the article. */
  path?: string;
}

function render(markdown: string, { mdx = false, frontmatter = {}, path }: RenderOptions = {}) {
  const file = path ?? `content/articles/test-article.${mdx ? 'mdx' : 'md'}`;
  return renderArticle(markdown, { path: join(process.cwd(), file), frontmatter });
}

const sources = [
  { id: 'store-paper', title: 'An Online Feature Store at Scale' },
  { id: 'store-talk', title: 'Serving Features in Single-Digit Milliseconds' },
];
const corrections = [
  { date: new Date('2025-04-02T00:00:00Z'), summary: 'An earlier version gave 90 percent.' },
];

/** The visible number (and locator) of each source link in a citation's HTML. */
function linkTexts(citation: string): string[] {
  return [...citation.matchAll(/class="citation-link"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

/** The HTML of every `<sup class="citation">`, in order. */
function citationsIn(html: string): string[] {
  return html.match(/<sup class="citation">.*?<\/sup>/g) ?? [];
}

describe('remark-citations', () => {
  it('renders a citation as a numbered link to the source, with an id for the back-link', async () => {
    const { html } = await render('Latency fell [@store-talk].', { frontmatter: { sources } });
    const citations = citationsIn(html);
    expect(citations).toHaveLength(1);
    expect(citations[0]).toContain(
      '<a href="#source-store-talk" id="cite-store-talk-1" class="citation-link" aria-label="Source 2: Serving Features in Single-Digit Milliseconds"',
    );
    expect(linkTexts(citations[0]!)).toEqual(['2']);
  });

  it('renders several citations in one bracket as [1, 2]', async () => {
    const { html } = await render('Both agree [@store-paper; @store-talk].', { frontmatter: { sources } });
    const [citation] = citationsIn(html);
    expect(linkTexts(citation!)).toEqual(['1', '2']);
    // The space written before the marker gives way to a word joiner inside it
    // (rehype-citation-previews): no line break and no visible gap between word and marker.
    expect(citation).toMatch(/^<sup class="citation">\u2060\[.*<\/a>.*, .*<\/a>.*\]<\/sup>$/);
    expect(html).toContain('Both agree<sup class="citation">');
    expect(html).not.toMatch(/[\s\u00a0]<sup class="citation">|<sup class="citation">[\s\u00a0]/);
    expect(citation).toContain('href="#source-store-paper" id="cite-store-paper-1"');
    expect(citation).toContain('href="#source-store-talk" id="cite-store-talk-1"');
  });

  it('numbers repeated citations of a source cite-<id>-1, -2… and records the counts', async () => {
    const { html, frontmatter } = await render(
      'One [@store-paper]. Two [@store-paper, p. 4]. Three [@store-talk].',
      { frontmatter: { sources } },
    );
    expect(html.match(/id="cite-[^"]+"/g)).toEqual([
      'id="cite-store-paper-1"',
      'id="cite-store-paper-2"',
      'id="cite-store-talk-1"',
    ]);
    expect(citationsIn(html)[1]).toContain('>1, p. 4</a>');
    expect(frontmatter.citationCounts).toEqual({ 'store-paper': 2, 'store-talk': 1 });
  });

  it('records empty counts when nothing is cited', async () => {
    const { frontmatter } = await render('No citations here.', { frontmatter: { sources } });
    expect(frontmatter.citationCounts).toEqual({});
  });

  it('leaves citation syntax in code and link text alone', async () => {
    const { html } = await render(
      'Write `[@store-paper]` or see [the [@store-talk] talk](https://example.com).',
      { frontmatter: { sources } },
    );
    expect(citationsIn(html)).toEqual([]);
    expect(html).toContain('<code>[@store-paper]</code>');
  });

  it('stops the build on an unknown id, naming the file, the line and the fix', async () => {
    await expect(
      render('Fine [@store-paper].\n\nBroken [@store-blog].', {
        frontmatter: { sources },
        path: 'content/articles/feature-stores.md',
      }),
    ).rejects.toThrow(
      'content/articles/feature-stores.md:3 citation: [@store-blog] names no entry in "sources". Add a source with id "store-blog" to the frontmatter, or cite one of: store-paper, store-talk.',
    );
  });

  it('stops the build on an unknown id when the article has no sources at all', async () => {
    await expect(render('Broken [@x].')).rejects.toThrow('cite one of: (none).');
  });

  it('stops the build on a malformed citation', async () => {
    await expect(render('Broken [@store-paper; 2019].', { frontmatter: { sources } })).rejects.toThrow(
      'citation: [@store-paper; 2019] is malformed: "2019" is not "@source-id". Write [@id] or [@a; @b].',
    );
  });
});

describe('remark-corrections', () => {
  it('gives an inline mark the id the log links to', async () => {
    const { html } = await render('The rate is <Correction date="2025-04-02">82 percent</Correction>.', {
      mdx: true,
      frontmatter: { corrections },
    });
    // The mark readers get: the changed words, and a flag that links to the log entry.
    expect(html).toMatch(
      /<ins class="correction" id="correction-2025-04-02" datetime="2025-04-02">82 percent<a class="correction-flag" href="#correction-log-2025-04-02">[^<]+<\/a><\/ins>/,
    );
  });

  it('numbers a second mark of the same day', async () => {
    const { html } = await render(
      '<Correction date="2025-04-02">one</Correction> and <Correction date="2025-04-02">two</Correction>',
      { mdx: true, frontmatter: { corrections } },
    );
    expect(html.match(/id="correction-[^"]+"/g)).toEqual([
      'id="correction-2025-04-02"',
      'id="correction-2025-04-02-2"',
    ]);
  });

  it('matches log dates given as YYYY-MM-DD strings too', async () => {
    const { html } = await render('<Correction date="2025-04-02">x</Correction>', {
      mdx: true,
      frontmatter: { corrections: [{ date: '2025-04-02', summary: 's' }] },
    });
    expect(html).toContain('id="correction-2025-04-02"');
  });

  it('stops the build on a mark whose date is not in the log', async () => {
    await expect(
      render('Intro.\n\nThe rate is <Correction date="2025-04-03">82 percent</Correction>.', {
        mdx: true,
        frontmatter: { corrections },
        path: 'content/articles/feature-stores.mdx',
      }),
    ).rejects.toThrow(
      'content/articles/feature-stores.mdx:3 <Correction>: <Correction date="2025-04-03"> has no entry in the "corrections" log. Add { date: 2025-04-03, summary: "…" } to corrections, or fix the date.',
    );
  });

  it('stops the build on a mark without a date', async () => {
    await expect(
      render('<Correction>x</Correction>', { mdx: true, frontmatter: { corrections } }),
    ).rejects.toThrow('<Correction> needs a date="YYYY-MM-DD" attribute matching an entry in "corrections".');
  });
});

describe('math', () => {
  it('typesets inline and display math and records hasMath', async () => {
    const { html, frontmatter } = await render('Inline $p_{99}$.\n\n$$\n\\frac{N}{t}\n$$\n');
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/class="katex-display[ "]/);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"');
    expect(html).not.toContain('katex-error');
    expect(frontmatter.hasMath).toBe(true);
  });

  it('records hasMath: false on a page without math', async () => {
    const { frontmatter } = await render('No math, just USD 5.');
    expect(frontmatter.hasMath).toBe(false);
  });

  it('stops the build on a malformed formula, naming the file and the expression', async () => {
    const error = await render('Intro.\n\nBroken $\\frac{1}{$ here.', {
      path: 'content/articles/math.md',
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /^content\/articles\/math\.md:3: malformed math "\\frac\{1\}\{": .*expected '\}'/,
    );
    expect(error?.message).toContain('Fix the TeX');
    expect(error?.message).not.toContain('ParseError: KaTeX parse error');
  });

  it('stops the build on an unknown command in display math', async () => {
    // KaTeX renders an unknown command in red without a katex-error span; it must still fail.
    await expect(render('$$\n\\notacommand{x}\n$$')).rejects.toThrow(
      'malformed math "\\notacommand{x}": Undefined control sequence: \\notacommand',
    );
  });

  it('stops the build on an untrusted command instead of printing it in red', async () => {
    await expect(
      render('Intro.\n\nSee $\\href{javascript:alert(1)}{x}$.', { path: 'content/articles/math.md' }),
    ).rejects.toThrow(
      /^content\/articles\/math\.md:3: math "\\href\{javascript:alert\(1\)\}\{x\}" uses \\href/,
    );
  });

  it('citations and math work together in MDX', async () => {
    const { html, frontmatter } = await render(
      'Rate $h$ [@store-paper], <Correction date="2025-04-02">fixed [@store-talk]</Correction>.',
      {
        mdx: true,
        frontmatter: { sources, corrections },
      },
    );
    expect(frontmatter).toMatchObject({
      hasMath: true,
      citationCounts: { 'store-paper': 1, 'store-talk': 1 },
    });
    expect(html).toContain('id="cite-store-talk-1"');
    expect(html).toContain('id="correction-2025-04-02"');
  });
});
