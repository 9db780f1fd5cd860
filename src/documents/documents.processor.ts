/**
 * The worker's `documents` queue. Twice as many jobs at once as the browser has pooled pages: a
 * job holds a page only while Chromium prints, so while one job prepares its HTML or signs, stores
 * and commits its PDF, another prints on the page it left — with one job per page, pages sat idle
 * for a fifth of the time (bench/RESULTS.md). Short locks and stall checks, so that a job whose
 * worker died is taken up again within seconds (~11 s at 5 s / 5 s; ~61 s with BullMQ's defaults), not a minute.
 */
import { OnModuleDestroy } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandlers } from '../core/queue/job-handlers';
import { JobName, JobPayloads } from '../core/queue/jobs';
import { browserPages } from './browser-pool';
import { DocumentRenderer } from './document-renderer';

const CONCURRENCY = Number(process.env.DOCUMENT_JOB_CONCURRENCY ?? 2 * browserPages());
const LOCK_MS = Number(process.env.DOCUMENT_JOB_LOCK_MS ?? 5000);
/** How long a stopping worker lets its current jobs finish before it lets go of them (their locks lapse, another worker takes them). */
const DRAIN_MS = 6000;

@Processor('documents', { concurrency: CONCURRENCY, lockDuration: LOCK_MS, stalledInterval: LOCK_MS, maxStalledCount: 2 })
export class DocumentsProcessor extends WorkerHost implements OnModuleDestroy {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly renderer: DocumentRenderer,
  ) {
    super();
    handlers.register('documents.render', (payload, meta) => this.renderer.render(payload.documentId, meta));
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    const meta = { jobId: String(job.id), attempt: job.attemptsMade + 1 };
    try {
      return await this.handlers.get(name)(job.data as JobPayloads[typeof name], meta);
    } catch (err) {
      const last = err instanceof UnrecoverableError || meta.attempt >= (job.opts.attempts ?? 1);
      if (last && name === 'documents.render') {
        await this.renderer.fail((job.data as JobPayloads['documents.render']).documentId, (err as Error).message, meta);
      }
      throw err;
    }
  }

  /**
   * Stopping (SIGTERM): before anything else closes — Chromium last (BrowserPool) — take no more
   * jobs and let the current ones finish; one that does not finish in time is let go unfinished,
   * and its lock lapses so that another worker renders it (docs/operations.md, "Stopping a worker").
   */
  async onModuleDestroy(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      this.worker.close().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DRAIN_MS))),
    ]);
    clearTimeout(timer);
    if (!drained) await this.worker.close(true);
  }

  /** A job failed without reaching process()'s catch (it stalled too often: its workers kept dying). */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job || job.name !== 'documents.render') return;
    if ((await job.getState()) !== 'failed') return;
    await this.renderer.fail((job.data as JobPayloads['documents.render']).documentId, err.message, { jobId: String(job.id) });
  }
}
