import { describe, expect, it } from 'vitest';
import { checkInternalLinks } from '../../../scripts/verify/internal-links.ts';
import { makeDist, page, SITE_URL } from './helpers.ts';

const run = (dist: string) => checkInternalLinks(dist, { siteUrl: SITE_URL });

describe('internal links (linkinator)', () => {
  it('passes a site whose links, fragments, srcset and CSS url() all resolve', async () => {
    const dist = makeDist({
      'a/index.html': page('<h2 id="there">There</h2><a href="/">home</a><a href="#there">self</a>', {
        head: '<link rel="stylesheet" href="/s.css">',
      }),
      'about/index.html': page(
        '<a href="/a/#there">a</a><a href="https://mlsystemsreview.com/a/">own origin</a><img src="/x.png" srcset="/x.png 1x, /x2.png 2x" alt="">',
      ),
      's.css': 'body{background:url(/x.png)}',
      'x.png': 'png',
      'x2.png': 'png',
    });
    const result = await run(dist);
    expect(result.findings).toEqual([]);
  });

  it('fails on a broken link, naming the page', async () => {
    const dist = makeDist({ 'a/index.html': page('<a href="/nowhere/">gone</a>') });
    const { findings } = await run(dist);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toMatch(/a\/index\.html$/);
    expect(findings[0]!.message).toContain('/nowhere/');
  });

  it('fails on a missing fragment on another page and on the same page', async () => {
    const dist = makeDist({
      'a/index.html': page('<h2 id="there">x</h2>'),
      'b/index.html': page('<a href="/a/#elsewhere">x</a><a href="#nothing">y</a>'),
    });
    const { findings } = await run(dist);
    const problems = findings.map((f) => `${f.file} ${f.message}`);
    expect(problems).toContainEqual(
      expect.stringMatching(/b\/index\.html links to \/a\/#elsewhere.*id="elsewhere"/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/b\/index\.html links to #nothing.*this page/));
  });

  it('fails on a missing srcset candidate', async () => {
    const dist = makeDist({
      'a/index.html': page('<img src="/x.png" srcset="/x.png 1x, /x-2x.png 2x" alt="">'),
      'x.png': 'png',
    });
    const { findings } = await run(dist);
    expect(findings.map((f) => `${f.file} ${f.message}`)).toEqual([
      expect.stringMatching(/a\/index\.html links to \/x-2x\.png/),
    ]);
  });

  it('fails on a missing CSS url(), naming the stylesheet', async () => {
    const dist = makeDist({
      'a/index.html': page('', { head: '<link rel="stylesheet" href="/s.css">' }),
      's.css': '@font-face{font-family:x;src:url(/fonts/missing.woff2)}',
    });
    const { findings } = await run(dist);
    expect(findings.map((f) => `${f.file} ${f.message}`)).toEqual([
      expect.stringMatching(/s\.css links to \/fonts\/missing\.woff2/),
    ]);
  });

  it('checks our own absolute URLs against dist (canonical links)', async () => {
    const dist = makeDist({
      'a/index.html': page('', {
        head: '<link rel="canonical" href="https://mlsystemsreview.com/not-built/">',
      }),
    });
    const { findings } = await run(dist);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('/not-built/')]);
  });
});
