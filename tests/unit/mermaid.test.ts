/**
 * Mermaid fences: rendered at build time to sanitised inline SVG with an accessible name and
 * colours from the page's stylesheet; every bad source is an error naming the file and line.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/lib/markdown/article-renderer.ts';
import { checkDiagram } from '../../src/lib/figures/mermaid.ts';

const path = 'content/articles/diagrams.md';
const render = (body: string) => renderArticle(body, { path, frontmatter: {}, bodyLine: 8 });
const fence = (...lines: string[]) => ['```mermaid', ...lines, '```', ''].join('\n');
const GOOD = fence(
  '%%| label: fig-serving',
  '%%| fig-cap: How a request reaches the model.',
  'accTitle: Requests pass the gateway, then the cache, then the model server.',
  'flowchart LR',
  '  A[Client] -->|request| B(Gateway)',
  '  B --> C{Cached?}',
  '  C -->|miss| D[Model server]',
);

describe('mermaid fences', () => {
  it('become a numbered figure with an inline SVG named by accTitle', async () => {
    const { html } = await render(`Intro.\n\n${GOOD}\nAs [@fig-serving] shows.\n`);
    expect(html).toContain('<figure class="figure diagram" id="fig-serving">');
    expect(html).toMatch(
      /<svg [^>]*role="img" aria-label="Requests pass the gateway, then the cache, then the model server." style="min-width: \d+px">/,
    );
    expect(html).toContain(
      '<figcaption><span class="number-label">Figure 1</span>. How a request reaches the model.</figcaption>',
    );
    expect(html).toContain('<a href="#fig-serving" class="cross-ref">Figure 1</a>');
  });

  it('sanitises the SVG: no style element, web font, handler, inline colour or script', async () => {
    const { html } = await render(
      fence(
        'accTitle: A label with an image tag in a node.',
        'flowchart LR',
        '  A["<img src=x onerror=alert(1)>"] --> B',
      ),
    );
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).not.toMatch(
      /<style|@import|fonts\.googleapis|<script|<[^>]*\s(onerror|data-[\w-]+)=|<img|style="(?!min-width: \d+px")/,
    );
    expect(svg).toContain('&#x3C;img src=x onerror=alert(1)>');
  });

  it('keeps ids unique when an article has two diagrams', async () => {
    const two =
      fence('accTitle: First diagram of two.', 'flowchart LR', '  A --> B') +
      '\n' +
      fence('accTitle: Second diagram of two.', 'flowchart LR', '  C --> D');
    const { html } = await render(two);
    const ids = html.match(/ id="[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('marker-end="url(#diagram-2-arrowhead)"');
  });

  it('uses only colour variables that src/styles/figures.css defines', async () => {
    const css = await readFile('src/styles/figures.css', 'utf8');
    const kinds = [
      GOOD,
      fence(
        'accTitle: A sequence of calls.',
        'sequenceDiagram',
        '  A->>B: call',
        '  B-->>A: reply',
        '  Note over A: waits',
      ),
      fence('accTitle: Two states.', 'stateDiagram-v2', '  [*] --> Ready', '  Ready --> [*]'),
      fence(
        'accTitle: A grouped flow.',
        'flowchart TB',
        '  subgraph S [Serving]',
        '  A --> B',
        '  end',
        '  B -.-> C[(Store)]',
      ),
    ];
    for (const kind of kinds) {
      const { html } = await render(kind);
      for (const [, name] of html.matchAll(/var\((--[\w-]+)/g)) {
        if (['--bg'].includes(name!)) continue; // the page's own
        expect(css, `${name} is used by a diagram`).toContain(`${name}:`);
      }
    }
  });
});

describe('diagram errors name the file, the line and the fix', () => {
  it('fails on malformed source with the parser message and the article line', async () => {
    // Fence opens on body line 1 = file line 8; the broken node is the fence's line 3 → file line 11.
    await expect(render(fence('accTitle: Broken.', 'flowchart LR', '  A[Client --> B'))).rejects.toThrow(
      "content/articles/diagrams.md:11: Mermaid: Expecting 'SQE', 'DOUBLECIRCLEEND'",
    );
  });

  it('finds the line of an error after a valid subgraph, and of an unclosed subgraph', async () => {
    const bad = fence(
      'accTitle: Broken.',
      'flowchart LR',
      '  subgraph S',
      '  A --> B',
      '  end',
      '  C -- ) D',
    );
    await expect(render(bad)).rejects.toThrow('content/articles/diagrams.md:14: Mermaid: ');
    const open = fence('accTitle: Broken.', 'flowchart LR', '  subgraph S', '  A --> B', '  B --> C');
    await expect(render(open)).rejects.toThrow('content/articles/diagrams.md:11: Mermaid: ');
  });

  it('fails on an unknown diagram type', async () => {
    await expect(render(fence('accTitle: Unknown.', 'flowchartt LR', '  A --> B'))).rejects.toThrow(
      /diagrams.md:10: Mermaid: .*flowchartt/,
    );
  });

  it('fails without an accessible name, and on a placeholder name', () => {
    expect(checkDiagram('flowchart LR\n  A --> B').findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('no accessible name. Add a line "accTitle:'),
      }),
    ]);
    expect(checkDiagram('accTitle: Diagram\nflowchart LR\n  A --> B').findings[0]?.message).toBe(
      'alt text "Diagram" is a placeholder. Describe what the diagram shows instead.',
    );
  });

  it('refuses styling, init directives and click handlers, with their line', () => {
    for (const [line, text] of [
      ['  style A fill:#f00', 'custom styling is not allowed'],
      ['  click A "javascript:alert(1)"', 'interactions are not allowed'],
      ['%%{init: {"theme": "dark"}}%%', 'init directives are not allowed'],
    ]) {
      const { findings } = checkDiagram(`accTitle: A to B.\nflowchart LR\n  A --> B\n${line}`);
      expect(findings).toEqual([
        expect.objectContaining({ line: 4, message: expect.stringContaining(text!) }),
      ]);
    }
  });

  it('checks the figure id and unknown options', () => {
    expect(
      checkDiagram('%%| label: figure-1\naccTitle: A to B.\nflowchart LR\n  A --> B').findings[0]?.message,
    ).toContain('must start with "fig-"');
    expect(checkDiagram('%%| caption: x\nflowchart LR').findings[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('unknown option'),
    });
  });
});

describe('the content lint and diagrams', () => {
  it('reports a diagram without an accessible name at the fence line, before any build', async () => {
    const { checkBody } = await import('../../src/lib/content-lint/body.ts');
    const problems: import('../../src/lib/content-lint/problem.ts').Problem[] = [];
    checkBody(path, `Intro.\n\n${fence('flowchart LR', '  A --> B')}`, 10, false, problems);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 12,
        field: 'mermaid',
        message: expect.stringContaining('no accessible name'),
      }),
    ]);
  });
});
