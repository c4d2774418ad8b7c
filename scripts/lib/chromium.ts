/**
 * Finds the Chromium the browser tests drive. `CHROMIUM_PATH` overrides; otherwise the usual
 * system locations. Returns undefined when none is installed (scripts/ensure-tools.ts installs one).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override))
      throw new Error(
        `CHROMIUM_PATH=${override} does not exist; unset it or point it at a Chromium/Chrome binary.`,
      );
    return override;
  }
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

/** Flags that keep headless Chromium quiet on a machine with no outside network (see FIELD-NOTES). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
