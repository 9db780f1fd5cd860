/**
 * Worker side of the case's own clocks, on the maintenance queue: every ten minutes, struck-off
 * cases no one may resume any more are closed (lawsuit-outcomes.service.ts), and waivers the
 * defendant left unanswered when the hearing began lapse (pleadings/waiver-lapses.ts).
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { JobHandlers } from '../core/queue/job-handlers';
import { LawsuitOutcomesService } from './lawsuits/lawsuit-outcomes.service';
import { WaiverLapses } from './pleadings/waiver-lapses';

@Injectable()
export class LitigationSweeps implements OnApplicationBootstrap {
  constructor(
    handlers: JobHandlers,
    private readonly outcomes: LawsuitOutcomesService,
    private readonly waivers: WaiverLapses,
    private readonly contexts: RequestContextFactory,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    handlers.register('litigation.sweep-lapsed', () => this.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'sweep-lapsed-litigation',
      { every: 10 * 60_000 },
      {
        name: 'litigation.sweep-lapsed',
        data: {},
        opts: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
      },
    );
  }

  /** Both sweeps, each in its own transactions; answers how many cases closed and waivers lapsed. */
  async run(): Promise<{ closed: number; lapsed: number }> {
    const ctx = this.contexts.forActor(`sweep-lapsed-${Date.now()}`, null);
    const closed = await this.outcomes.lapseStruckOff(ctx);
    const lapsed = await this.waivers.sweep(ctx);
    return { closed, lapsed };
  }
}
