/**
 * Worker side of the audit trail: verifies the hash chain every night (and whenever the job is
 * enqueued), logs a broken link loudly, and keeps the latest result in Redis for operators.
 */
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { JobHandlers } from '../core/queue/job-handlers';
import { JobName, JobPayloads } from '../core/queue/jobs';
import { RedisClient } from '../core/redis';
import { AuditService } from './audit.service';

export function lastVerificationKey(prefix: string): string {
  return `${prefix}:audit:last-verification`;
}

@Processor('maintenance')
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly audit: AuditService,
    private readonly redisClient: RedisClient,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    super();
    handlers.register('maintenance.verify-audit-chain', (payload) => this.verifyChain(payload));
  }

  async onApplicationBootstrap(): Promise<void> {
    // 02:00 Riyadh time, every night; one schedule however many workers start.
    await this.queue.upsertJobScheduler(
      'nightly-audit-verification',
      { pattern: '0 2 * * *', tz: 'Asia/Riyadh' },
      {
        name: 'maintenance.verify-audit-chain',
        data: { reason: 'nightly' },
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { age: 30 * 24 * 3600 } },
      },
    );
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    return this.handlers.get(name)(job.data as JobPayloads[typeof name], { jobId: String(job.id), attempt: job.attemptsMade + 1 });
  }

  private async verifyChain(payload: JobPayloads['maintenance.verify-audit-chain']) {
    const result = await this.audit.verify();
    const record = { ...result, reason: payload.reason, at: new Date().toISOString() };
    await this.redisClient.redis.set(lastVerificationKey(this.config.redisPrefix), JSON.stringify(record));
    if (!result.valid) this.logger.error(`Audit chain broken at event ${result.firstBrokenSeq}: ${result.reason}`);
    return record;
  }
}
