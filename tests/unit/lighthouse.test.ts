import type { Result } from 'lighthouse';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  failures,
  formatTable,
  median,
  MIN_SCORE,
  summarizePage,
} from '../../scripts/lib/lighthouse.ts';

interface FakeAudit {
  score: number | null;
  weight: number;
  displayValue?: string;
}

/** Just the parts of a Lighthouse result the summary reads. */
function lhr(
  scores: Partial<Record<(typeof CATEGORIES)[number], number | null>>,
  audits: Record<string, FakeAudit> = {},
  runWarnings: string[] = [],
): Result {
  const categories = Object.fromEntries(
    CATEGORIES.map((id) => [
      id,
      {
        id,
        title: {
          performance: 'Performance',
          accessibility: 'Accessibility',
          'best-practices': 'Best Practices',
          seo: 'SEO',
        }[id],
        score: scores[id] === undefined ? 1 : scores[id],
        auditRefs: Object.entries(audits)
          .filter(([auditId]) => auditId.startsWith(`${id}:`))
          .map(([auditId, a]) => ({ id: auditId.split(':')[1], weight: a.weight })),
      },
    ]),
  );
  const auditMap = Object.fromEntries(
    Object.entries(audits).map(([auditId, a]) => {
      const id = auditId.split(':')[1]!;
      return [
        id,
        {
          id,
          title: `Title of ${id}`,
          score: a.score,
          ...(a.displayValue ? { displayValue: a.displayValue } : {}),
        },
      ];
    }),
  );
  return { categories, audits: auditMap, runWarnings } as unknown as Result;
}

describe('lighthouse summary', () => {
  it('takes the median of odd and even run counts', () => {
    expect(median([1, 0.5, 0.9])).toBe(0.9);
    expect(median([0.9, 1])).toBeCloseTo(0.95);
    expect(() => median([])).toThrow();
  });

  it('passes when every category median reaches the threshold, even with one bad run', () => {
    const page = summarizePage('home', '/', [lhr({ performance: 0.7 }), lhr({}), lhr({ performance: 0.99 })]);
    expect(page.categories.find((c) => c.id === 'performance')!.median).toBe(0.99);
    expect(failures([page])).toEqual([]);
  });

  it('names the page, the category, the runs and the failing audits of the median run', () => {
    const bad = {
      'accessibility:color-contrast': { score: 0, weight: 7 },
      'accessibility:target-size': { score: 1, weight: 7 },
      'accessibility:list': { score: 0, weight: 0 },
    };
    const runs = [
      lhr({ accessibility: 0.93 }, bad),
      lhr({ accessibility: 0.93 }, bad),
      lhr({ accessibility: 1 }),
    ];
    const [line] = failures([summarizePage('article-math', '/articles/x/', runs)]);
    expect(line).toBe(
      `article-math /articles/x/: Accessibility 0.93 < ${MIN_SCORE} (runs 0.93, 0.93, 1.00). Failing audits: color-contrast (Title of color-contrast; score 0.00)`,
    );
  });

  it('lists performance metrics with their values, worst first', () => {
    const audits = {
      'performance:first-contentful-paint': { score: 0.9, weight: 10, displayValue: '2.1 s' },
      'performance:cumulative-layout-shift': { score: 0.76, weight: 25, displayValue: '0.149' },
      'performance:largest-contentful-paint': { score: 1, weight: 25, displayValue: '1.0 s' },
    };
    const [line] = failures([
      summarizePage('search', '/search/?q=model', [lhr({ performance: 0.9 }, audits)]),
    ]);
    expect(line).toMatch(
      /^search \/search\/\?q=model: Performance 0\.90 < 0\.98 .*Failing audits: cumulative-layout-shift \(Title of cumulative-layout-shift: 0\.149; score 0\.76\); first-contentful-paint \(.*: 2\.1 s; score 0\.90\)$/,
    );
  });

  it('counts a run whose category could not be scored as 0', () => {
    const page = summarizePage('home', '/', [lhr({ seo: null }), lhr({ seo: null }), lhr({})]);
    expect(page.categories.find((c) => c.id === 'seo')!.median).toBe(0);
    expect(failures([page])[0]).toMatch(/SEO 0\.00 < 0\.98 \(runs n\/a, n\/a, 1\.00\)/);
  });

  it('prints one row per page with median and range, and the skipped audits with their reason', () => {
    const pages = [
      summarizePage('home', '/', [lhr({}), lhr({ performance: 0.97 }), lhr({})]),
      summarizePage('search', '/search/?q=model', [lhr({ seo: 0.9 })], {
        'is-crawlable': 'noindex on purpose',
      }),
    ];
    const table = formatTable(pages);
    expect(table.split('\n')[0]).toMatch(/^page\s+performance\s+accessibility\s+best-practices\s+seo$/);
    expect(table).toMatch(/home \/\s+1\.00 \(0\.97–1\.00\)/);
    expect(table).toMatch(/0\.90 \(0\.90–0\.90\) ✗/);
    expect(table).toContain('search: audit is-crawlable skipped: noindex on purpose');
  });

  it('carries Lighthouse warnings once', () => {
    const page = summarizePage('home', '/', [lhr({}, {}, ['slow server']), lhr({}, {}, ['slow server'])]);
    expect(page.warnings).toEqual(['slow server']);
  });
});
