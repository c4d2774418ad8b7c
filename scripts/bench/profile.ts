/**
 * Summarises a V8 CPU profile of a build (from `npm run bench -- --cpu-prof`):
 *
 *   node scripts/bench/profile.ts .bench/profiles/site-1000/*.cpuprofile [--top 25]
 *
 * Prints, for the main thread only (native work on other threads, e.g. Rolldown's or
 * Pagefind's, is not in a V8 profile):
 * - self time by package (node_modules/<pkg>, "project" for src/, "node:" internals, GC, idle);
 * - inclusive time by package: samples with at least one frame of that package on the stack,
 *   i.e. the time spent in it and in everything it called;
 * - self time by owner: generic helpers (unist-util-visit, trough, unified, node internals…)
 *   charged to the nearest caller that is not one, e.g. the plugin that ran the visit;
 * - inclusive time per function of the project's own src/ (content gate, loader, renderer…);
 * - the functions with the most self time.
 * With several profiles (Astro may fork), each is summarised on its own.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which package a frame belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(idle)') return '(idle: waiting on I/O or other threads)';
    if (functionName === '(program)') return '(program: native/VM)';
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node: internals';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
    url.slice(url.lastIndexOf('node_modules/') >= 0 ? url.lastIndexOf('node_modules/') : 0),
  );
  if (match) return match[1]!;
  const src = /\/src\/(.*)$/.exec(url.replace(/[?#].*$/, ''));
  if (src) {
    // src/lib/content-lint/… → "src/lib/content-lint/", src/lib/article-loader.ts → itself.
    const parts = src[1]!.split('/');
    return `src/${parts.length > 2 ? `${parts.slice(0, 2).join('/')}/` : parts.join('/')}`;
  }
  if (/\/dist\/.*(chunks|\.prerender|pages)/.test(url) || url.includes('.prerender'))
    return 'built bundle (page rendering)';
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

/** Generic helpers whose time belongs to whoever called them. */
const UTILITY = /^(unist-util-|trough$|unified$|vfile|devlop$|bail$|node: internals$|\(native\)$|\(program)/;

function summarise(file: string, top: number) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const total = (profile.endTime - profile.startTime) / 1000;

  const selfByPackage = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const inclusiveByProjectFunction = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByPackage = new Map<string, number>();
  for (const [id, micros] of selfByNode) {
    const node = byId.get(id)!;
    const { url, functionName, lineNumber } = node.callFrame;
    const pkg = packageOf(url, functionName);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + micros);
    const fn = `${functionName || '(anonymous)'}  ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + micros);
    const onStack = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!.callFrame;
      if (frame.functionName === '(root)') continue;
      onStack.add(packageOf(frame.url, frame.functionName));
    }
    for (const p of onStack) inclusiveByPackage.set(p, (inclusiveByPackage.get(p) ?? 0) + micros);

    // Owner: the nearest frame (leaf → root) that is not a generic tree/pipeline utility.
    let owner = pkg;
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!.callFrame;
      const candidate = packageOf(frame.url, frame.functionName);
      if (!UTILITY.test(candidate)) {
        owner = candidate;
        break;
      }
    }
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);

    const seenFunctions = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!.callFrame;
      const framePkg = packageOf(frame.url, frame.functionName);
      if (!framePkg.startsWith('src/')) continue;
      const name = `${frame.functionName || '(anonymous)'}  ${framePkg}:${frame.lineNumber + 1}`;
      if (seenFunctions.has(name)) continue;
      seenFunctions.add(name);
      inclusiveByProjectFunction.set(name, (inclusiveByProjectFunction.get(name) ?? 0) + micros);
    }
  }

  const ms = (micros: number) =>
    `${(micros / 1000).toFixed(0).padStart(7)} ms ${((micros / 1000 / total) * 100).toFixed(1).padStart(5)} %`;
  const list = (title: string, map: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${ms(micros)}  ${name}`);
  };
  console.log(`\n=== ${file}: ${(total / 1000).toFixed(1)} s profiled, ${profile.samples.length} samples`);
  list('self time by package', selfByPackage, top);
  list('inclusive time by package (time with the package on the stack)', inclusiveByPackage, top);
  list(
    'self time by owner (utility frames such as unist-util-visit, trough, unified and node internals charged to the nearest caller that is not one)',
    byOwner,
    top,
  );
  list('inclusive time by project function (src/)', inclusiveByProjectFunction, top);
  list('self time by function', selfByFunction, top);
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' } },
  });
  if (positionals.length === 0) {
    console.error('usage: node scripts/bench/profile.ts <file.cpuprofile>… [--top 25]');
    process.exit(2);
  }
  for (const file of positionals) summarise(file, Number(values.top));
}
