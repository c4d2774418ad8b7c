/**
 * Makes sure the system tools the test suite drives are installed, so a fresh machine needs
 * nothing done by hand: Chromium (browser tests), Java (W3C Nu HTML checker), xmllint
 * (sitemap XSD) and Python feedparser (feed check). Missing ones are installed from Debian's
 * packages with one apt-get call when running as root; Chromium alone has a second route,
 * Playwright's own download. Says what it found and what it did.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/chromium.ts';

interface Tool {
  name: string;
  debianPackage: string;
  present: () => boolean;
}

const succeeds = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

const TOOLS: Tool[] = [
  { name: 'Chromium', debianPackage: 'chromium', present: () => findChromium() !== undefined },
  { name: 'Java', debianPackage: 'default-jre-headless', present: () => succeeds('java', ['-version']) },
  { name: 'xmllint', debianPackage: 'libxml2-utils', present: () => succeeds('xmllint', ['--version']) },
  {
    name: 'feedparser',
    debianPackage: 'python3-feedparser',
    present: () => succeeds('/usr/bin/python3', ['-c', 'import feedparser']),
  },
];

const missing = TOOLS.filter((tool) => !tool.present());
for (const tool of TOOLS) if (!missing.includes(tool)) console.log(`tools: ${tool.name} found`);
if (missing.length === 0) process.exit(0);

const canApt =
  typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
if (canApt) {
  const packages = missing.map((t) => t.debianPackage);
  console.log(`tools: installing ${packages.join(', ')} from Debian (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

const stillMissing = TOOLS.filter((tool) => !tool.present());
const chromium = stillMissing.find((t) => t.debianPackage === 'chromium');
if (chromium) {
  console.log("tools: no system Chromium; downloading Playwright's Chromium…");
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  stillMissing.splice(stillMissing.indexOf(chromium), 1);
}
if (stillMissing.length > 0) {
  console.error(
    `tools: missing ${stillMissing.map((t) => `${t.name} (Debian package ${t.debianPackage})`).join(', ')}.\n` +
      'Install them (e.g. sudo apt-get install -y ' +
      stillMissing.map((t) => t.debianPackage).join(' ') +
      ') and run the tests again.',
  );
  process.exit(1);
}
console.log('tools: all installed');
