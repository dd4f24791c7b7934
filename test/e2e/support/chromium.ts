import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`): `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = process.env.ANZE_CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser tests cannot run, or undefined when they can. A missing Chromium fails the tests
 * everywhere — in CI (`CI=true`) it must never pass as a silent skip, and locally the message says how
 * to install it.
 */
export function chromiumProblem(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const where = process.env.CI === 'true' ? 'CI=true: the browser tests are required, not skipped. ' : '';
  return (
    `${where}Chromium was not found at ${CHROMIUM_PATH}. Install it with ` +
    '`sudo apt-get update && sudo apt-get install -y chromium` (about 20 s), or point ANZE_CHROMIUM_PATH at one.'
  );
}

/** A headless Chromium; playwright-core gives each non-persistent context a fresh profile directory. */
export async function launchChromium(): Promise<Browser> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
