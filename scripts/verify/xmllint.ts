/**
 * The one place xmllint (Debian libxml2-utils) is called: schema validation and XPath queries
 * over the sitemap. A missing xmllint is a finding with the install command, not a crash.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface XmllintResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** True when the xmllint binary itself is missing. */
  missing?: boolean;
}

export async function xmllint(args: string[]): Promise<XmllintResult> {
  try {
    const { stdout, stderr } = await run('xmllint', args, { maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === 'ENOENT')
      return { ok: false, stdout: '', stderr: 'xmllint is not installed', missing: true };
    return { ok: false, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

export const INSTALL_XMLLINT =
  'Install xmllint: `sudo apt-get install -y libxml2-utils` (npm run tools does it).';

/** `file:12: message` lines from xmllint's stderr, as line + message. */
export function xmllintErrors(stderr: string, file: string): { line?: number; message: string }[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith(`${file}:`))
    .map((l) => {
      const match = /^[^:]+:(\d+): (.*)$/.exec(l);
      return match
        ? {
            line: Number(match[1]),
            message: match[2]!.replace(/^(element \S+: )?(Schemas validity error|parser error) : /, ''),
          }
        : { message: l };
    });
}
