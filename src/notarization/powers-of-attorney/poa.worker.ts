/**
 * Worker side of powers of attorney: every ten minutes, persists expiry and lapse (reads derive
 * them from the clock already), audits and notifies. Runs on the maintenance queue.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RequestContextFactory } from '../../access/context/request-context.factory';
import { JobHandlers } from '../../core/queue/job-handlers';
import { PowerOfAttorneyExpiry } from './poa-expiry.service';

@Injectable()
export class PowersOfAttorneySweeper implements OnApplicationBootstrap {
  constructor(
    handlers: JobHandlers,
    private readonly expiry: PowerOfAttorneyExpiry,
    private readonly contexts: RequestContextFactory,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    handlers.register('notarization.sweep-powers-of-attorney', () => this.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sweep-powers-of-attorney',
      { every: 10 * 60_000 },
      {
        name: 'notarization.sweep-powers-of-attorney',
        data: {},
        opts: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
      },
    );
  }

  run(): Promise<{ expired: number; lapsed: number }> {
    return this.expiry.sweep(this.contexts.forActor(`poa-sweep-${Date.now()}`, null));
  }
}
