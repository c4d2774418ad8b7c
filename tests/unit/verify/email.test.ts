/** The email check on planted defects: each starts from a real edition and breaks one thing. */
import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../../scripts/verify/email.ts';
import { emailEdition } from '../../../src/lib/email/edition.ts';
import { makeDist, page, SITE_URL } from './helpers.ts';

const edition = emailEdition({
  number: 3,
  title: 'Three things',
  date: new Date('2025-09-21T00:00:00Z'),
  summary: 'A short issue.',
  bodyHtml:
    '<p>Our piece: <a href="/articles/x/">/articles/x/</a>. Theirs: <a href="https://example.com/post">post</a>.</p>',
  articleTitles: new Map([['/articles/x/', 'X explained']]),
});

function dist(html = edition.html, text = edition.text, extra: Record<string, string> = {}) {
  return makeDist({
    'articles/x/index.html': page('<h1>X</h1>'),
    'newsletter/index.html': page('<h1>Newsletter</h1>'),
    'newsletter/3/index.html': page('<a href="https://example.com/post">post</a>'),
    'newsletter/3/email.html': html,
    'newsletter/3/email.txt': text,
    ...extra,
  });
}
const problems = (dir: string, maxBytes?: number) =>
  checkEmail(dir, { siteUrl: SITE_URL, ...(maxBytes ? { maxBytes } : {}) }).findings.map(
    (f) => `${f.file.replace(/^.*?newsletter/, 'newsletter')}: ${f.message}`,
  );

describe('email check', () => {
  it('passes a real edition', () => {
    expect(problems(dist())).toEqual([]);
  });

  it('fails on a relative URL', () => {
    const html = edition.html.replace('href="https://example.com/post"', 'href="/articles/x/"');
    expect(problems(dist(html))).toEqual([
      expect.stringMatching(/^newsletter\/3\/email\.html: <a href="\/articles\/x\/"> is a relative URL/),
    ]);
  });

  it('fails on an issue over the clipping size', () => {
    const padding = `<p>${'An overlong paragraph. '.repeat(5000)}</p>`;
    const html = edition.html.replace('</body>', `${padding}</body>`);
    expect(problems(dist(html))).toEqual([
      expect.stringMatching(/email\.html: is 1\d\d\.\d KB, over the 102 KB at which Gmail clips/),
    ]);
  });

  it('fails on a script, a form and an event handler', () => {
    const html = edition.html.replace(
      '</body>',
      '<script>track()</script><form action="https://example.com/x"><input name="q"></form><img src="https://mlsystemsreview.com/articles/x/" alt="x" width="1" height="1" onload="x()"></body>',
    );
    const found = problems(dist(html));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('contains <script>'),
        expect.stringContaining('contains <form>'),
        expect.stringContaining('contains <input>'),
        expect.stringContaining('event handler onload'),
      ]),
    );
  });

  it('fails on a <style> rule juice did not inline, and on a web font', () => {
    const html = edition.html.replace(
      '</head>',
      '<style>.x { color: red } @font-face { font-family: F; src: url(https://fonts.example.com/f.woff2) }</style></head>',
    );
    expect(problems(dist(html))).toEqual([
      expect.stringContaining('<style> keeps rule ".x"'),
      expect.stringContaining('<style> keeps @font-face'),
    ]);
  });

  it('fails on a link to a page that was not built, and an outside link the web page lacks', () => {
    const html = edition.html
      .replace(
        'href="https://mlsystemsreview.com/articles/x/"',
        'href="https://mlsystemsreview.com/articles/gone/"',
      )
      .replace('href="https://example.com/post"', 'href="https://tracker.example.net/r?u=1"');
    expect(problems(dist(html))).toEqual([
      expect.stringContaining(
        'links to https://mlsystemsreview.com/articles/gone/, which is not a built page',
      ),
      expect.stringContaining(
        "links to https://tracker.example.net/r?u=1, which the issue's web page does not",
      ),
    ]);
  });

  it('fails on an image without alt text or dimensions', () => {
    const html = edition.html.replace(
      '</body>',
      '<img src="https://mlsystemsreview.com/articles/x/"></body>',
    );
    expect(problems(dist(html))).toEqual([
      expect.stringContaining('has no alt text'),
      expect.stringContaining('has no width and height'),
    ]);
  });

  it('fails when an issue has no email edition, no preheader or no view-in-browser link', () => {
    const missing = makeDist({ 'newsletter/3/index.html': page('<h1>3</h1>') });
    expect(problems(missing)).toEqual([
      expect.stringContaining('email.html: is missing'),
      expect.stringContaining('email.txt: is missing'),
    ]);
    const bare = edition.html
      .replace('class="preheader"', 'class="intro"')
      .replaceAll(
        'href="https://mlsystemsreview.com/newsletter/3/"',
        'href="https://mlsystemsreview.com/newsletter/"',
      );
    expect(problems(dist(bare, 'Hello'))).toEqual([
      expect.stringContaining('has no preheader'),
      expect.stringContaining('has no "view in browser" link'),
      expect.stringContaining("email.txt: does not name the issue's web page"),
    ]);
  });
});
