/**
 * Moves committed outbox rows into their BullMQ queues. Woken by the NOTIFY that PostgreSQL
 * delivers when an outbox insert commits, and by a slow poll as a safety net. Rows are claimed
 * with FOR UPDATE SKIP LOCKED (several workers share the work) and the job id is the row id, so a
 * crash between enqueueing and marking the row only re-adds a job that BullMQ already holds.
 * A NOTIFY is answered after a few milliseconds (OUTBOX_COALESCE_MS), so that a burst of commits
 * leaves in one batch — one transaction and one BullMQ call — rather than one each.
 */
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { JobBus } from '../core/queue/job-bus';
import { isJobName } from '../core/queue/jobs';

const BATCH = 200;
const COALESCE_MS = Number(process.env.OUTBOX_COALESCE_MS ?? 10);

@Injectable()
export class OutboxDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  /** A NOTIFY came while a drain ran: drain again soon after it. */
  private notified = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobBus,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.databaseUrl });
    this.listener.on('error', (err) => this.logger.warn(`outbox listener: ${err.message}`));
    this.listener.on('notification', () => this.drainSoon());
    await this.listener.connect();
    await this.listener.query('LISTEN adl_outbox');
    this.timer = setInterval(() => void this.drain(), 5000);
    this.timer.unref();
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.running?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** A NOTIFY: drains in COALESCE_MS (after the running drain, if one runs), unless a drain is due already. */
  private drainSoon(): void {
    if (this.running) {
      this.notified = true;
      return;
    }
    this.soon ??= setTimeout(() => {
      this.soon = null;
      void this.drain();
    }, COALESCE_MS);
  }

  /** Dispatches until nothing is pending; concurrent calls coalesce. Returns rows dispatched. */
  drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        this.notified = false;
        for (let n = BATCH; n === BATCH && !this.stopped;) {
          n = await this.dispatchBatch();
          total += n;
        }
      } while (this.again && !this.stopped);
      return total;
    })()
      .catch((err: Error) => {
        this.logger.error(`outbox dispatch failed: ${err.message}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.notified && !this.stopped) {
          this.notified = false;
          this.drainSoon();
        }
      });
    return this.running;
  }

  private dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; topic: string; payload: Record<string, unknown> }[] = await manager.query(
        `SELECT id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      const jobs: Parameters<JobBus['addMany']>[0][number][] = [];
      for (const row of rows) {
        if (!isJobName(row.topic)) {
          await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            row.id,
            `no job named ${row.topic}`,
          ]);
          continue;
        }
        jobs.push({ name: row.topic, payload: row.payload, jobId: `outbox-${row.id}` });
      }
      await this.jobs.addMany(jobs);
      if (rows.length) {
        await manager.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1) AND last_error IS NULL`, [
          rows.map((r) => r.id),
        ]);
      }
      return rows.length;
    });
  }
}
