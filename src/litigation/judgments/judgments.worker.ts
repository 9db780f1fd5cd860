/**
 * Worker side of judgments, on the maintenance queue: every ten minutes, judgments whose every
 * party's objection window passed unused become final (اكتسب القطعية); every hour, served parties
 * whose window closes within REMINDER_DAYS_BEFORE days are reminded, once.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RequestContextFactory } from '../../access/context/request-context.factory';
import { JobHandlers } from '../../core/queue/job-handlers';
import type { JobName } from '../../core/queue/jobs';
import { JudgmentsService } from './judgments.service';
import { ObjectionReminders } from './objection-reminders';

@Injectable()
export class JudgmentsFinalizer implements OnApplicationBootstrap {
  constructor(
    handlers: JobHandlers,
    private readonly judgments: JudgmentsService,
    private readonly reminders: ObjectionReminders,
    private readonly contexts: RequestContextFactory,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    handlers.register('judgments.finalize-expired', () => this.run());
    handlers.register('judgments.remind-objection-deadlines', () => this.remind());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule('finalize-expired-judgments', 10 * 60_000, 'judgments.finalize-expired');
    await this.schedule('remind-objection-deadlines', 60 * 60_000, 'judgments.remind-objection-deadlines');
  }

  run(): Promise<number> {
    return this.judgments.finalizeExpired(this.contexts.forActor(`finalize-${Date.now()}`, null));
  }

  remind(): Promise<number> {
    return this.reminders.remindDue(this.contexts.forActor(`remind-objection-${Date.now()}`, null));
  }

  private async schedule(id: string, every: number, name: JobName): Promise<void> {
    await this.queue.upsertJobScheduler(
      id,
      { every },
      { name, data: {}, opts: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } } },
    );
  }
}
