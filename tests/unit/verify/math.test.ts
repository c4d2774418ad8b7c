import { describe, expect, it } from 'vitest';
import { findKatexErrors, katexVersionFindings } from '../../../scripts/verify/math.ts';
import { makeDist, page } from './helpers.ts';

describe('math', () => {
  it('fails on a katex-error span, naming the page and the TeX', () => {
    const dist = makeDist({
      'articles/x/index.html': page(
        '<p>ok <span class="katex"><span class="katex-html">x</span></span> and <span class="katex-error" title="ParseError: KaTeX parse error: Expected \'}\'" style="color:#cc0000">\\frac{1}{</span></p>',
      ),
    });
    const { findings, expressions } = findKatexErrors(dist);
    expect(expressions).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toMatch(/articles\/x\/index\.html$/);
    expect(findings[0]!.message).toContain('\\frac{1}{');
    expect(findings[0]!.message).toContain('ParseError');
  });

  it('passes one KaTeX version and fails two', () => {
    const one = {
      dependencies: {
        katex: { version: '0.16.47' },
        'rehype-katex': { version: '7.0.1', dependencies: { katex: { version: '0.16.47' } } },
      },
    };
    expect(katexVersionFindings(one).findings).toEqual([]);
    const two = {
      dependencies: {
        katex: { version: '0.16.47' },
        'rehype-katex': { version: '7.0.1', dependencies: { katex: { version: '0.16.11' } } },
      },
    };
    const { findings } = katexVersionFindings(two);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/2 KaTeX versions.*0\.16\.11.*rehype-katex > katex/);
  });
});
