import { describe, expect, it } from 'vitest';
import { checkHtmlValidity } from '../../../scripts/verify/html-validity.ts';
import { makeDist, page } from './helpers.ts';

describe('HTML validity (vnu)', () => {
  // One JVM run for both cases: vnu takes a few seconds to start.
  it('fails on invalid HTML, naming the file and line, and passes the valid page next to it', async () => {
    const dist = makeDist({
      'good/index.html': page('<p>fine</p>'),
      'bad/index.html': page(
        '<p id="x" id="x">duplicate</p>\n<div><span></div>\n<p><a href="#" interestfor="p" title="x" nonsense="1">a</a></p>',
      ),
      'newer/index.html': page(
        '<p><a href="#s" interestfor="p">1</a><span id="p" popover="hint">preview</span></p>',
      ),
    });
    const { findings, summary } = await checkHtmlValidity(dist);
    expect(summary).toContain('4 pages');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.file.endsWith('/bad/index.html'))).toBe(true);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/Duplicate attribute/);
    // interestfor (newer than vnu) passes; any other unknown attribute on the same link does not.
    expect(findings.map((f) => f.message).join('\n')).toMatch(/Attribute “nonsense” not allowed/);
    expect(findings.filter((f) => f.message.startsWith('Attribute “interestfor”'))).toEqual([]);
    expect(findings.some((f) => f.file.endsWith('/newer/index.html'))).toBe(false);
    expect(findings[0]!.line).toBeGreaterThan(1);
  });

  it('says how to install Java when it is missing', async () => {
    const { findings } = await checkHtmlValidity(makeDist({}), { java: '/nonexistent/java' });
    expect(findings[0]!.fix).toContain('default-jre-headless');
  });
});
