/**
 * Item 9, second half: two builds of the same commit must be byte-identical (the Pagefind index
 * included). Lists files present in only one tree and, for files that differ, the first
 * differing byte with a little context, which is usually enough to spot a date or a hash.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

function firstDifference(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return length;
}

function context(buffer: Buffer, at: number): string {
  return JSON.stringify(buffer.subarray(Math.max(0, at - 30), at + 30).toString('utf8'));
}

export function compareDirs(dirA: string, dirB: string): CheckResult {
  const rel = (dir: string) => new Set(listFiles(dir).map((f) => relative(dir, f).split(sep).join('/')));
  const filesA = rel(dirA);
  const filesB = rel(dirB);
  const fix =
    'Make the output deterministic: no build-time clock (format content dates with the site time zone), no random ids, stable sort orders (tie-break by slug).';
  const findings: Finding[] = [];
  for (const file of filesA)
    if (!filesB.has(file))
      findings.push({ severity: 'error', file, message: 'exists in the first build only', fix });
  for (const file of filesB)
    if (!filesA.has(file))
      findings.push({ severity: 'error', file, message: 'exists in the second build only', fix });
  let same = 0;
  for (const file of filesA) {
    if (!filesB.has(file)) continue;
    const a = readFileSync(join(dirA, file));
    const b = readFileSync(join(dirB, file));
    if (a.equals(b)) {
      same++;
      continue;
    }
    const at = firstDifference(a, b);
    findings.push({
      severity: 'error',
      file,
      message: `differs between the two builds at byte ${at} (${a.length} vs ${b.length} bytes): ${context(a, at)} vs ${context(b, at)}`,
      fix,
    });
  }
  const pagefind = [...filesA].filter((f) => f.startsWith('pagefind/')).length;
  return {
    findings,
    summary: `${filesA.size} files compared, ${same} identical${pagefind ? ` (${pagefind} Pagefind index files)` : ' (no Pagefind index in this build)'}`,
  };
}
