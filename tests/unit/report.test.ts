/**
 * One report vocabulary for the content lint and verify, and one GitHub annotation writer:
 * hostile text in a finding must not end the workflow command early or forge another one.
 */
import { describe, expect, it } from 'vitest';
import { githubAnnotations } from '../../scripts/verify/report.ts';
import { githubAnnotation as lintAnnotation } from '../../src/lib/content-lint/index.ts';
import { errorsIn, githubAnnotation, type Finding } from '../../src/lib/report.ts';

const hostile: Finding = {
  severity: 'error',
  file: 'content/articles/a,b:c.md',
  line: 7,
  field: 'sources[0]:url,x',
  message: '100% wrong\r\n::error file=forged.md::gotcha',
  fix: 'Write it again.',
};

describe('GitHub annotations', () => {
  it('escapes the message and the properties by the workflow-command rules', () => {
    expect(githubAnnotation(hostile)).toBe(
      '::error file=content/articles/a%2Cb%3Ac.md,line=7,title=sources[0]%3Aurl%2Cx::100%25 wrong%0D%0A::error file=forged.md::gotcha%0Afix: Write it again.',
    );
    // Whatever the text, the command is one line.
    expect(githubAnnotation(hostile)).not.toMatch(/[\r\n]/);
  });

  it('the lint and verify write the same command for the same finding', () => {
    const ran = [{ id: 'links', title: 'Links', seconds: 1, result: { findings: [hostile], summary: '' } }];
    expect(lintAnnotation(hostile)).toBe(githubAnnotation(hostile));
    expect(githubAnnotations(ran)).toEqual([githubAnnotation(hostile, 'verify links')]);
  });

  it('gives the column when the tool knows it (the workflow lint: actionlint reports one)', () => {
    expect(
      githubAnnotation(
        { severity: 'error', file: '.github/workflows/ci.yml', line: 3, column: 5, message: 'bad, really' },
        'actionlint expression',
      ),
    ).toBe('::error file=.github/workflows/ci.yml,line=3,col=5,title=actionlint expression::bad, really');
  });

  it('leaves out what a finding does not have', () => {
    expect(githubAnnotation({ severity: 'warning', file: 'x.md', message: 'm' })).toBe(
      '::warning file=x.md::m',
    );
  });
});

describe('errorsIn', () => {
  it('keeps errors, drops warnings', () => {
    const warning: Finding = { severity: 'warning', file: 'x', message: 'w' };
    expect(errorsIn([hostile, warning])).toEqual([hostile]);
  });
});
