/**
 * The PDF benchmark's floor: the same HTML straight through Chromium's `page.pdf()` on reused pages
 * in the benchmark's own process — what printing alone costs, with nothing of the pipeline — and the
 * process measurements both sides are compared by.
 */
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { BROWSER_FLAGS } from '../src/documents/browser-pool';
import { htmlToPdf } from '../src/documents/pdf-render';
import { cpuOf, descendants, ownCpuMicros } from './cpu';

/** Resident memory of a process and of its descendants (Chromium), in MiB. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** CPU milliseconds of this process and of its Chromium. */
export function selfCpu(): { node: number; chromium: number } {
  return { node: ownCpuMicros() / 1000, chromium: descendants(process.pid).reduce((sum, pid) => sum + cpuOf(pid), 0) };
}

export interface Floor {
  /** Prints `n` documents on the reused pages in parallel; wall time and CPU. */
  run(n: number): Promise<{ ms: number; cpu: { node: number; chromium: number } }>;
  close(): Promise<void>;
}

/** The floor: the same HTML straight through `page.pdf()` on the same number of reused pages, in this process. */
export async function openFloor(html: { html: string; footer: string }, pageCount: number): Promise<Floor> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: BROWSER_FLAGS,
    headless: true,
    pipe: true,
  });
  const pages = await Promise.all(Array.from({ length: pageCount }, () => browser.newPage()));
  // Warm the pages as the pipeline's warm-up warms the worker's.
  await Promise.all(pages.map((p) => htmlToPdf(p, html.html, html.footer)));
  return {
    run: async (n) => {
      let next = 0;
      const cpuBefore = selfCpu();
      const started = performance.now();
      await Promise.all(
        pages.map(async (page) => {
          while (next < n) {
            next += 1;
            await htmlToPdf(page, html.html, html.footer);
          }
        }),
      );
      const ms = performance.now() - started;
      const cpuAfter = selfCpu();
      return { ms, cpu: { node: cpuAfter.node - cpuBefore.node, chromium: cpuAfter.chromium - cpuBefore.chromium } };
    },
    close: () => browser.close(),
  };
}
