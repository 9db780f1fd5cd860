/**
 * The worker's Chromium (Debian's, through puppeteer-core; never a downloaded browser): one
 * browser with a small pool of reused pages, relaunched after a number of documents or when it
 * crashes. Its state is published to Redis so that the API's /health can report it.
 */
import { heartbeatKey } from '../core/health/heartbeat';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { existsSync } from 'node:fs';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { RedisClient } from '../core/redis';

export type BrowserState = 'starting' | 'up' | 'down';

export const BROWSER_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** Pooled Chromium pages (BROWSER_PAGES, default 2); the documents queue runs twice as many jobs at once. */
export function browserPages(): number {
  return Number(process.env.BROWSER_PAGES ?? 2);
}

@Injectable()
export class BrowserPool implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(BrowserPool.name);
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private idle: Page[] = [];
  private waiters: ((page: Page) => void)[] = [];
  private pagesOpen = 0;
  private rendered = 0;
  private state: BrowserState = 'starting';
  private lastError: string | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Set once the process stops: nothing launches Chromium again. */
  private closing = false;
  /** Set once stopping began: the state is no longer published. */
  private stopping = false;

  readonly size: number;
  readonly recycleAfter: number;

  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    private readonly redisClient: RedisClient,
  ) {
    this.size = browserPages();
    // Chromium's memory stays flat over hundreds of documents (bench/RESULTS.md); a relaunch costs
    // about a second without a page, so it comes rarely.
    this.recycleAfter = Number(process.env.BROWSER_RECYCLE_AFTER ?? 2000);
  }

  async onModuleInit(): Promise<void> {
    await this.ensureBrowser().catch((err: Error) => this.logger.error(`Chromium did not start: ${err.message}`));
    await this.publish();
    this.heartbeat = setInterval(() => void this.publish(), 5000);
    this.heartbeat.unref();
  }

  /** Stopping, first: the worker no longer reports a browser (while Redis is still open to say so). */
  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.stopping = true;
    await this.redisClient.redis.del(heartbeatKey(this.config.redisPrefix)).catch(() => undefined);
  }

  /**
   * Stopping, then: after every module's destroy hook — the documents queue has stopped taking jobs
   * and drained (DocumentsProcessor) — Chromium is closed, and nothing may launch it again.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    // Detach first, so that the 'disconnected' handler does not count it as a crash.
    const browser = this.browser;
    this.browser = null;
    await browser?.close().catch(() => undefined);
  }

  /** The browser's process id while it runs (operators and tests look at it). */
  get browserPid(): number | null {
    return this.browser?.process()?.pid ?? null;
  }

  get status(): { state: BrowserState; error: string | null } {
    return { state: this.state, error: this.lastError };
  }

  /** Runs `work` on a pooled page; the page returns to the pool afterwards. */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    let healthy = true;
    try {
      return await work(page);
    } catch (err) {
      healthy = !page.isClosed() && !!this.browser?.connected;
      throw err;
    } finally {
      this.rendered += 1;
      this.release(page, healthy);
    }
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.pagesOpen < this.size) {
      this.pagesOpen += 1;
      try {
        return await (await this.ensureBrowser()).newPage();
      } catch (err) {
        this.pagesOpen -= 1;
        throw err;
      }
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(page: Page, healthy: boolean): void {
    if (!healthy || page.isClosed() || this.rendered >= this.recycleAfter) {
      this.pagesOpen -= 1;
      void page.close().catch(() => undefined);
      if (this.rendered >= this.recycleAfter && this.pagesOpen === 0) void this.recycle();
      this.wakeWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter(page);
    else this.idle.push(page);
  }

  private wakeWaiter(): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.acquire().then(waiter, () => this.waiters.unshift(waiter));
  }

  private async recycle(): Promise<void> {
    const old = this.browser;
    this.browser = null;
    this.idle = [];
    this.rendered = 0;
    await old?.close().catch(() => undefined);
  }

  private ensureBrowser(): Promise<Browser> {
    if (this.browser?.connected) return Promise.resolve(this.browser);
    if (this.closing) return Promise.reject(new Error('the worker is stopping: Chromium is not launched again'));
    this.launching ??= this.launch().finally(() => (this.launching = null));
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    if (!existsSync(this.config.chromiumPath)) {
      this.state = 'down';
      this.lastError = `Chromium not found at ${this.config.chromiumPath} (CHROMIUM_PATH)`;
      throw new Error(this.lastError);
    }
    try {
      // pipe: Chromium talks over stdio pipes rather than a port, and exits when they close, so a
      // worker killed with SIGKILL leaves no orphaned browser behind.
      // Signals are the process's to handle, not puppeteer's: on SIGTERM puppeteer would kill Chromium
      // at once, under the jobs still rendering (and the pool would launch another for them); the
      // pool closes it itself once the documents queue has drained (beforeApplicationShutdown).
      const browser = await puppeteer.launch({
        executablePath: this.config.chromiumPath,
        args: BROWSER_FLAGS,
        headless: true,
        pipe: true,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      browser.on('disconnected', () => {
        if (this.browser === browser) {
          this.browser = null;
          this.idle = [];
          this.pagesOpen = 0;
          this.state = 'down';
          void this.publish();
        }
      });
      this.browser = browser;
      this.state = 'up';
      this.lastError = null;
      return browser;
    } catch (err) {
      this.state = 'down';
      this.lastError = (err as Error).message;
      throw err;
    }
  }

  private async publish(): Promise<void> {
    if (this.stopping) return;
    const value = JSON.stringify({ state: this.state, error: this.lastError, pid: process.pid, at: new Date().toISOString() });
    await this.redisClient.redis.set(heartbeatKey(this.config.redisPrefix), value, 'EX', 15).catch(() => undefined);
  }
}
