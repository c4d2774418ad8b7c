/**
 * Runs one command and measures it the way the OS sees it: wall time, CPU time and peak RSS
 * from GNU time (`/usr/bin/time -v`, i.e. wait4's rusage). Where /usr/bin/time is missing it
 * falls back to polling /proc every 100 ms for the process tree (peak of the summed VmRSS),
 * and says so in `rssSource`. Every output line is written to a log with its offset from the
 * start, so build phases can be read off the log afterwards.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export interface Measured {
  exitCode: number;
  wallMs: number;
  userS?: number;
  sysS?: number;
  /** Peak resident set size in KiB. */
  peakRssKiB?: number;
  rssSource: 'gnu-time' | 'proc-poll';
  /** Every stdout/stderr line with its offset from the start, in ms. */
  lines: { ms: number; text: string }[];
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Full log goes here (offset-prefixed lines). */
  logFile: string;
  /** Keep only lines matching this in memory (the log file has everything). */
  keep?: RegExp;
}

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

// eslint-disable-next-line no-control-regex -- matching the ESC that starts a terminal colour code is the point
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

function parseGnuTime(text: string): Pick<Measured, 'userS' | 'sysS' | 'peakRssKiB'> {
  const number = (label: string) => {
    const match = new RegExp(`${label}:\\s*([0-9.]+)`).exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const userS = number('User time \\(seconds\\)');
  const sysS = number('System time \\(seconds\\)');
  const peakRssKiB = number('Maximum resident set size \\(kbytes\\)');
  return {
    ...(userS !== undefined ? { userS } : {}),
    ...(sysS !== undefined ? { sysS } : {}),
    ...(peakRssKiB !== undefined ? { peakRssKiB } : {}),
  };
}

/** Sum of VmRSS (KiB) over `root` and all its descendants, read from /proc. */
async function treeRssKiB(root: number): Promise<number> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(Number(entry), ppid);
  }
  const inTree = (pid: number): boolean => {
    for (
      let p: number | undefined = pid, hops = 0;
      p !== undefined && p > 1 && hops < 64;
      p = parents.get(p), hops++
    ) {
      if (p === root) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return total;
}

export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<Measured> {
  const timeFile = `${options.logFile}.time`;
  await rm(timeFile, { force: true });
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const log = createWriteStream(options.logFile);
  const lines: Measured['lines'] = [];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const onLine = (raw: string) => {
    const ms = performance.now() - started;
    const text = raw.replace(ANSI, '');
    log.write(`[${(ms / 1000).toFixed(3).padStart(8)}s] ${text}\n`);
    if (!options.keep || options.keep.test(text)) lines.push({ ms, text });
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  let polledPeak = 0;
  const poll = hasGnuTime
    ? undefined
    : setInterval(() => {
        if (child.pid) void treeRssKiB(child.pid).then((kib) => (polledPeak = Math.max(polledPeak, kib)));
      }, 100);

  const exitCode = await new Promise<number>((resolve) => {
    child.on('close', (code, signal) => {
      resolve(code ?? (signal ? 128 : 1));
    });
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  await new Promise<void>((resolve) => log.end(resolve));

  if (hasGnuTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    return { exitCode, wallMs, rssSource: 'gnu-time', lines, ...parseGnuTime(text) };
  }
  return {
    exitCode,
    wallMs,
    rssSource: 'proc-poll',
    lines,
    ...(polledPeak > 0 ? { peakRssKiB: polledPeak } : {}),
  };
}
