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
}
