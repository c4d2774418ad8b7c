/**
 * The production renderer (what the article loader calls) on the valid fixture: what the
 * content lint accepts must render, with the plugins' ids and the components built as HTML.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import {
  createArticleProcessor,
  renderArticle,
  type LeaveOut,
} from '../../src/lib/markdown/article-renderer.ts';
import { VALID_FIXTURE } from './helpers/content-tree.ts';

/** Reads a fixture article the way the article loader does. */
async function renderFixture(file: string, edit: (body: string) => string = (body) => body) {
  const path = join(VALID_FIXTURE, file);
  const { frontmatter, content } = parseFrontmatter(await readFile(path, 'utf8'), {
    frontmatter: 'empty-with-spaces',
  });
  return renderArticle(edit(content), { path, frontmatter });
}

describe('renderArticle on the valid fixture', () => {
  it('renders citations, the correction mark, the aside and math', async () => {
    const { html, frontmatter } = await renderFixture('articles/feature-store-latency.mdx');
    expect(html).toMatch(
      /<ins class="correction" id="correction-2025-04-02"[^>]*>cache hit rate of 82 percent/,
    );
    expect(html).toContain('<a href="#source-store-talk" id="cite-store-talk-1"');
    expect(html).toMatch(/<aside class="aside" aria-label="Note">/);
    expect(frontmatter).toMatchObject({
      hasMath: true,
      citationCounts: { 'store-paper': 2, 'store-talk': 1, 'vendor-docs': 1 },
    });
  });

  it('labels the inline mark with the kind of its log entry', async () => {
    const path = join(VALID_FIXTURE, 'articles/feature-store-latency.mdx');
    const { frontmatter, content } = parseFrontmatter(await readFile(path, 'utf8'), {
      frontmatter: 'empty-with-spaces',
    });
    const corrections = (frontmatter.corrections as object[]).map((c) => ({ ...c, kind: 'clarification' }));
    const { html } = await renderArticle(content, { path, frontmatter: { ...frontmatter, corrections } });
    expect(html).toContain(
      '<a class="correction-flag" href="#correction-log-2025-04-02">clarified 2 April 2025</a>',
    );
    const plain = await renderFixture('articles/feature-store-latency.mdx');
    expect(plain.html).toContain('>corrected 2 April 2025</a>');
  });

  it('refuses a <Results> with no validated table, naming the file and line', async () => {
    // The loader hands the lint's tables to the renderer; rendered alone, there are none.
    await expect(renderFixture('articles/gpu-inference-benchmark/index.mdx')).rejects.toThrow(
      /gpu-inference-benchmark\/index\.mdx:\d+: <Results id="fig-throughput" \/> names no entry in the frontmatter's results list/,
    );
  });

  it('renders a .md article', async () => {
    const { html, frontmatter } = await renderFixture('articles/drift-monitoring.md');
    expect(html).toContain('<table>');
    expect(frontmatter.citationCounts).toEqual({ 'psi-note': 1 });
  });

  it('fails on an unknown citation with the file and the line', async () => {
    await expect(
      renderFixture('articles/drift-monitoring.md', (body) => body.replace('[@psi-note]', '[@psi-paper]')),
    ).rejects.toThrow(
      /tests\/fixtures\/valid\/articles\/drift-monitoring\.md:19 citation: \[@psi-paper\] names no entry in "sources"/,
    );
  });

  it('fails on a command KaTeX refuses and prints in red, naming the file, line and command', async () => {
    // \\href parses, but with trust off KaTeX renders it as red text and reports nothing.
    await expect(
      renderFixture('articles/drift-monitoring.md', (body) =>
        body.replace('$\\mathrm{PSI} > 0.2$', '$\\href{https://example.com}{PSI} > 0.2$'),
      ),
    ).rejects.toThrow(
      /^tests\/fixtures\/valid\/articles\/drift-monitoring\.md:19: math "\\href\{https:\/\/example\.com\}\{PSI\} > 0\.2" uses \\href, which articles may not use/,
    );
  });

  it('fails on malformed math', async () => {
    await expect(
      renderFixture('articles/drift-monitoring.md', (body) => body.replace('0.2$', '\\frac{0.2}{$')),
    ).rejects.toThrow('malformed math');
  });
});

describe('createArticleProcessor', () => {
  const body = "## Setup\n\nIt's $x^2$ here.\n\n```python\nprint(1)\n```\n";
  const frontmatter = { sources: [] };
  async function processed(leaveOut: LeaveOut): Promise<string> {
    const file = new VFile({
      value: body,
      path: join(process.cwd(), 'content/articles/t.md'),
      data: { astro: { frontmatter } },
    });
    return String(await createArticleProcessor({ mdx: false, leaveOut }).process(file));
  }

  it('is what renderArticle runs: with nothing left out, the same HTML', async () => {
    const { html } = await renderArticle(body, { path: 'content/articles/t.md', frontmatter });
    expect(await processed({})).toBe(html);
  });

  it('leaves out exactly the step it is asked to', async () => {
    const full = await processed({});
    expect(full).toContain('class="katex"');
    expect(full).toContain('--shiki-light');
    expect(full).toContain('<h2 id="setup">');
    expect(full).toContain('It’s');

    const noKatex = await processed({ katex: true });
    expect(noKatex).not.toContain('class="katex"');
    expect(noKatex).toContain('--shiki-light');

    const noShiki = await processed({ shiki: true });
    expect(noShiki).not.toContain('--shiki-light');
    expect(noShiki).toContain('class="katex"');

    expect(await processed({ headingLinks: true })).not.toContain('heading-anchor');
    expect(await processed({ typography: true })).toContain("It's");
  });
});
