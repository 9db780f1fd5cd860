import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { JOB_QUEUE, JobName, jobOptions, JobPayloads } from './jobs';

/** Typed enqueueing: the job's queue comes from its name, its id makes it idempotent. */
@Injectable()
export class JobBus {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: JobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[name]), { strict: false });
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await this.queue(name).add(name, payload, jobOptions(jobId));
  }

  /** Several jobs, one call to Redis per queue. */
  async addMany(jobs: readonly { name: JobName; payload: JobPayloads[JobName]; jobId: string }[]): Promise<void> {
    const byQueue = new Map<Queue, { name: JobName; data: JobPayloads[JobName]; opts: ReturnType<typeof jobOptions> }[]>();
    for (const job of jobs) {
      const queue = this.queue(job.name);
      const batch = byQueue.get(queue) ?? [];
      batch.push({ name: job.name, data: job.payload, opts: jobOptions(job.jobId) });
      byQueue.set(queue, batch);
    }
    await Promise.all([...byQueue].map(([queue, batch]) => queue.addBulk(batch)));
  }
}
