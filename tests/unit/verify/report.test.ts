import { describe, expect, it } from 'vitest';
import { formatReport, githubAnnotations, type RanCheck } from '../../../scripts/verify/report.ts';

const ran: RanCheck[] = [
  {
    id: 'html',
    title: 'HTML validity',
    seconds: 1.2,
    result: {
      summary: '2 pages',
      findings: [
        {
          severity: 'error',
          file: 'dist/a/index.html',
          line: 4,
          message: 'Duplicate attribute “id”.',
          fix: 'Fix the markup.',
        },
      ],
    },
  },
  {
    id: 'external-links',
    title: 'External links',
    seconds: 0.1,
    result: { summary: '3 URLs', skipped: 'offline', findings: [] },
  },
];

describe('verify report', () => {
  it('prints check → file → message → fix and a failing verdict', () => {
    const text = formatReport(ran, 1.3, 'dist/');
    expect(text).toContain('✗ HTML validity: 1 error (1.2 s)');
    expect(text).toContain(
      '  dist/a/index.html\n    ✗ line 4: Duplicate attribute “id”.\n      fix: Fix the markup.',
    );
    expect(text).toContain('- External links: skipped: offline');
    expect(text).toMatch(/verify: FAILED — 1 error, 0 warnings in 1 of 2 checks/);
  });

  it('emits GitHub annotations with escaped properties', () => {
    expect(githubAnnotations(ran)).toEqual([
      '::error file=dist/a/index.html,line=4,title=verify html::Duplicate attribute “id”.%0Afix: Fix the markup.',
    ]);
  });
});
