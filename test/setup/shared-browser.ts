/**
 * One Chromium for a whole run's browser specs (test/web/): launched once by the end-to-end tier's
 * global set-up as a Playwright browser server, its address handed to the test workers through
 * process.env (BROWSER_WS_ENDPOINT); each spec file connects to it and works in contexts of its own.
 */
import { chromium, type BrowserServer } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for Debian's Chromium in a closed network, as root, without a display. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const holder = globalThis as { sharedBrowser?: Promise<BrowserServer> };

export async function startSharedBrowser(): Promise<void> {
  holder.sharedBrowser ??= chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  process.env.BROWSER_WS_ENDPOINT = (await holder.sharedBrowser).wsEndpoint();
}

export async function stopSharedBrowser(): Promise<void> {
  const server = holder.sharedBrowser;
  holder.sharedBrowser = undefined;
  if (server) await (await server).close();
}
