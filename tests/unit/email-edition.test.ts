/** The email edition of a newsletter issue: HTML for mail clients and its plain-text part. */
import { describe, expect, it } from 'vitest';
import { emailEdition, type EmailIssue } from '../../src/lib/email/edition.ts';

const ISSUE: EmailIssue = {
  number: 8,
  title: 'Drift, measured',
  date: new Date('2025-10-26T00:00:00Z'),
  summary: 'How two teams measure drift & why the threshold matters.',
  bodyHtml:
    '<p>Read <a href="/articles/drift/">/articles/drift/</a> and <a href="https://example.com/post">the post</a>.</p>' +
    '<p>Again: <a href="https://example.com/post">same post</a>, <a href="#top">top</a>.</p>' +
    '<p><img src="/_astro/chart.png" alt="A chart" width="600" height="300"></p>',
  articleTitles: new Map([['/articles/drift/', 'Measuring drift in production']]),
};

describe('emailEdition', () => {
  const edition = emailEdition(ISSUE);

  it('names the issue in the subject and uses the summary as preheader', () => {
    expect(edition.subject).toBe('ML Systems Review No. 8: Drift, measured');
    expect(edition.preheader).toBe(ISSUE.summary);
    expect(edition.webUrl).toBe('https://mlsystemsreview.com/newsletter/8/');
  });

  it('writes inlined, absolute HTML with a view-in-browser link and a hidden preheader', () => {
    const { html } = edition;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<a href="https://mlsystemsreview.com/newsletter/8/"');
    expect(html).toContain('View in your browser');
    expect(html).toMatch(
      /<div class="preheader" style="[^"]*display: ?none[^"]*">How two teams measure drift &#x26; why/,
    );
    expect(html).toContain('href="https://mlsystemsreview.com/articles/drift/"');
    expect(html).toContain('>Measuring drift in production</a>');
    expect(html).toContain('src="https://mlsystemsreview.com/_astro/chart.png"');
    expect(html).toContain('href="https://mlsystemsreview.com/newsletter/8/#top"');
    expect(html).not.toMatch(/href="\//);
    // Everything but @media rules is inlined; the one <style> left holds only media queries.
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!.trim());
    expect(styles).toHaveLength(1);
    expect(styles[0]).toMatch(/^@media/);
    expect(html).toMatch(/<td class="content" style="[^"]*font-family/);
    expect(html).not.toMatch(/<script|<form|@import|fonts\.googleapis/);
  });

  it('writes a plain-text part with every link numbered and listed once', () => {
    const { text } = edition;
    expect(text).toContain('View in your browser: https://mlsystemsreview.com/newsletter/8/');
    expect(text).toContain('Read Measuring drift in production [1] and the post [2].');
    expect(text).toContain('same post [2]');
    expect(text).toContain(
      [
        'Links:',
        '[1] https://mlsystemsreview.com/articles/drift/',
        '[2] https://example.com/post',
        '[3] https://mlsystemsreview.com/newsletter/8/#top',
      ].join('\n'),
    );
    expect(text).not.toMatch(/<[a-z]/);
  });
});
