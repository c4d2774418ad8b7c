/**
 * Item 6, post-build half: 0 `katex-error` elements in dist (rehype-katex leaves them with
 * exit 0 when a TeX parse error slips past the build-time check), and one KaTeX version in the
 * tree (`npm ls katex`): two versions would mean two stylesheets' worth of font metrics
 * disagreeing with the HTML one of them produced.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { toString } from 'hast-util-to-string';
import { classesOf, display, elements, htmlPages, lineOf } from './dist.ts';
import type { CheckResult, Finding } from './types.ts';

const run = promisify(execFile);

export function findKatexErrors(distDir: string): {
  findings: Finding[];
  pages: number;
  expressions: number;
} {
  const findings: Finding[] = [];
  let expressions = 0;
  const pages = htmlPages(distDir);
  for (const { file, tree } of pages) {
    for (const el of elements(tree)) {
      const classes = classesOf(el);
      if (classes.includes('katex')) expressions++;
      if (!classes.includes('katex-error')) continue;
      const tex = toString(el).trim();
      const reason = (el.properties.title ?? '').trim();
      findings.push({
        severity: 'error',
        file: display(file),
        ...(lineOf(el) ? { line: lineOf(el)! } : {}),
        message: `KaTeX could not render \`${tex.slice(0, 80)}\`${reason ? `: ${reason}` : ''}`,
        fix: 'Fix the TeX in the article (content/articles/<slug>.mdx); `npm run lint:content` names the line. The build should have refused it: check src/lib/markdown/rehype-math-errors.ts runs.',
      });
    }
  }
  return { findings, pages: pages.length, expressions };
}

interface NpmTree {
  version?: string;
  dependencies?: Record<string, NpmTree>;
}

/** Every distinct version of `name` in an `npm ls --all --json` tree, with where it sits. */
export function versionsIn(tree: NpmTree, name: string, path: string[] = []): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [dep, node] of Object.entries(tree.dependencies ?? {})) {
    const here = [...path, dep];
    if (dep === name && node.version)
      found.set(node.version, [...(found.get(node.version) ?? []), here.join(' > ')]);
    for (const [version, where] of versionsIn(node, name, here))
      found.set(version, [...(found.get(version) ?? []), ...where]);
  }
  return found;
}

export function katexVersionFindings(tree: NpmTree): { findings: Finding[]; versions: string[] } {
  const versions = versionsIn(tree, 'katex');
  if (versions.size <= 1) return { findings: [], versions: [...versions.keys()] };
  const listing = [...versions].map(([v, where]) => `${v} (${where.join(', ')})`).join('; ');
  return {
    versions: [...versions.keys()],
    findings: [
      {
        severity: 'error',
        file: 'package.json',
        message: `${versions.size} KaTeX versions are installed: ${listing}`,
        fix: 'Pin "katex" in package.json to the version rehype-katex depends on (or add an "overrides" entry), then `npm install`.',
      },
    ],
  };
}

async function npmLsKatex(projectDir: string): Promise<NpmTree> {
  try {
    const { stdout } = await run('npm', ['ls', 'katex', '--all', '--json'], {
      cwd: projectDir,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as NpmTree;
  } catch (error) {
    // npm ls exits 1 on an invalid tree but still prints the JSON we need.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as NpmTree;
    throw error;
  }
}

export async function checkMath(
  distDir: string,
  { projectDir = process.cwd() }: { projectDir?: string } = {},
): Promise<CheckResult> {
  const { findings, pages, expressions } = findKatexErrors(distDir);
  const { findings: versionFindings, versions } = katexVersionFindings(await npmLsKatex(projectDir));
  return {
    findings: [...findings, ...versionFindings],
    summary: `${expressions} KaTeX expressions in ${pages} pages, ${findings.length} katex-error; katex ${versions.join(', ') || 'not installed'} (npm ls)`,
  };
}
