/**
 * Worker side of judgments: every ten minutes, judgments whose objection window passed unused
 * become final (اكتسب القطعية). Runs on the maintenance queue.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RequestContextFactory } from '../core/context/request-context.factory';
import { JobHandlers } from '../core/queue/job-handlers';
import { JudgmentsService } from './judgments.service';

@Injectable()
export class JudgmentsFinalizer implements OnApplicationBootstrap {
  constructor(
    handlers: JobHandlers,
    private readonly judgments: JudgmentsService,
    private readonly contexts: RequestContextFactory,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    handlers.register('judgments.finalize-expired', () => this.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'finalize-expired-judgments',
      { every: 10 * 60_000 },
      {
        name: 'judgments.finalize-expired',
        data: {},
        opts: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
      },
    );
  }

  run(): Promise<number> {
    return this.judgments.finalizeExpired(this.contexts.forActor(`finalize-${Date.now()}`, null));
  }
}
