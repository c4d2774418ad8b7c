/**
 * Tiny planted-defect sites: each test writes a few files into a fresh temp "dist" and runs one
 * check on it. Pages are valid HTML with a CSP meta unless a test says otherwise.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SITE_URL = 'https://mlsystemsreview.com';
export const CSP_META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'">`;

export function page(body: string, { head = '', title = 'Test page', csp = true } = {}): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${csp ? CSP_META : ''}\n<title>${title}</title>\n${head}\n</head>\n<body>\n<main id="main">\n${body}\n</main>\n</body>\n</html>\n`;
}

/** Writes `files` (path → content) under a new temp directory and returns its path. */
export function makeDir(files: Record<string, string | Uint8Array>, prefix = 'mlsr-verify-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A dist with a home page and whatever else the test adds. */
export function makeDist(files: Record<string, string | Uint8Array>): string {
  return makeDir({ 'index.html': page('<h1>Home</h1>'), ...files });
}
