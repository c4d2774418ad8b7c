import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHeaders } from '../../../scripts/verify/headers.ts';
import { makeDist } from './helpers.ts';

describe('_headers', () => {
  it("passes the project's public/_headers", () => {
    expect(checkHeaders(makeDist({ _headers: readFileSync('public/_headers', 'utf8') })).findings).toEqual(
      [],
    );
  });

  it('fails when a required header is missing or weak, naming the file', () => {
    const dist = makeDist({
      _headers: "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n",
    });
    const { findings } = checkHeaders(dist);
    expect(findings.every((f) => f.file.endsWith('_headers'))).toBe(true);
    expect(findings.map((f) => f.fix).join('\n')).toMatch(
      /frame-ancestors 'none'[\s\S]*Referrer-Policy[\s\S]*Permissions-Policy[\s\S]*Strict-Transport-Security/,
    );
  });

  it('fails when there is no _headers file', () => {
    expect(checkHeaders(makeDist({})).findings[0]!.problem).toContain('is missing');
  });
});
