/**
 * Item 4: the W3C Nu HTML Checker (vnu-jar) over every page, errors only, 0 errors.
 * One JVM over the whole directory (~3 s for the site; a JVM per page would cost ~1 s each).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { display, sitePages } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

const run = promisify(execFile);

export interface HtmlValidityOptions {
  java?: string;
  jar?: string;
}

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * Standard HTML this vnu release does not know yet, and nothing else: `interestfor` (interest
 * invokers, which show citation previews without script) on links and buttons. Each entry
 * matches one exact message, so every other error on the same element still fails.
 */
export const NEWER_THAN_VNU = [
  /^Attribute “interestfor” not allowed on element “(?:a|button)” at this point\.$/,
];

function defaultJar(): string {
  return createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
}

export async function checkHtmlValidity(
  distDir: string,
  options: HtmlValidityOptions = {},
): Promise<CheckResult> {
  // Email editions use the attributes mail clients need (cellpadding, align): the email check covers them.
  const files = sitePages(distDir);
  const pages = files.length;
  const java = options.java ?? 'java';
  const jar = options.jar ?? defaultJar();
  if (!existsSync(jar)) {
    return fail(display(jar), 'vnu.jar is missing', 'Run `npm install` (vnu-jar is a devDependency).', pages);
  }
  let stderr: string;
  try {
    // vnu prints its JSON report on stderr and exits 1 when it found errors.
    ({ stderr } = await run(
      java,
      [
        '-jar',
        jar,
        '--errors-only',
        '--format',
        'json',
        '--skip-non-html',
        ...(pages > 0 ? files : [distDir]),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    ));
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      return fail(
        java,
        'Java is not installed, so the Nu HTML Checker cannot run',
        'Install a JRE: `sudo apt-get install -y default-jre-headless` (CI does this).',
        pages,
      );
    }
    stderr = e.stderr ?? '';
  }
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
  } catch {
    return fail(
      display(distDir),
      `the Nu HTML Checker did not produce a report: ${stderr.slice(0, 300)}`,
      'Run `java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only dist` to see why.',
      pages,
    );
  }
  const findings: Finding[] = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .filter((m) => !NEWER_THAN_VNU.some((pattern) => pattern.test(m.message)))
    .map((m) => ({
      severity: 'error',
      file: m.url ? display(fileURLToPath(m.url)) : display(distDir),
      ...(m.lastLine ? { line: m.lastLine } : {}),
      message: `${m.message}${m.extract ? ` — near “${m.extract.replace(/\s+/g, ' ').trim()}”` : ''}`,
      fix: 'Fix the markup in the layout/component that renders it (src/layouts, src/components) or the article body; see https://validator.w3.org/nu/about.html for the rule.',
    }));
  return {
    findings,
    summary: `${pages} pages checked with vnu ${findings.length ? '' : '(0 errors)'}`.trim(),
  };
}

function fail(file: string, message: string, fix: string, pages: number): CheckResult {
  return { findings: [{ severity: 'error', file, message, fix }], summary: `${pages} pages not checked` };
}
