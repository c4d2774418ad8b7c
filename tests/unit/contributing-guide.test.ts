/**
 * CONTRIBUTING.md is followed literally by people who never read the code: the commands it
 * names must exist, and its examples must build.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';

const guide = readFileSync('CONTRIBUTING.md', 'utf8');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('CONTRIBUTING.md', () => {
  it('names only npm scripts that exist', () => {
    const named = [...new Set([...guide.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!))];
    expect(named).toEqual(expect.arrayContaining(['lint:content', 'new', 'dev', 'preview']));
    expect(scripts.start).toBeDefined();
    expect(named.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('has a diagram example that renders as a numbered figure, with its cross-reference', async () => {
    const section = guide.slice(guide.indexOf('## Add a figure'));
    const example = /````markdown\n([\s\S]*?)````/.exec(section)?.[1];
    expect(example).toBeDefined();
    const { html } = await renderArticle(`Intro.\n\n${example}`, {
      path: 'content/articles/guide-example.md',
      frontmatter: {},
      bodyLine: 8,
    });
    expect(html).toContain('<figure class="figure diagram" id="fig-serving-path">');
    expect(html).toContain('<a href="#fig-serving-path" class="cross-ref">Figure 1</a>');
  });
});
