/**
 * Worker side of payments (docs/payments.md): refunds ordered through the outbox, and two
 * schedules: every minute the status query of attempts whose webhook did not come, every five
 * minutes the expiry of bills past their due date, every night the reconciliation of the day before.
 */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { JobHandlers } from '../core/queue/job-handlers';
import { PaymentSettlement } from './payment-settlement';
import { PaymentReconciliation } from './reconciliation';

const KEEP = { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } };

@Injectable()
export class PaymentsSchedules implements OnApplicationBootstrap {
  constructor(
    handlers: JobHandlers,
    private readonly settlement: PaymentSettlement,
    private readonly reconciliation: PaymentReconciliation,
    private readonly contexts: RequestContextFactory,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    handlers.register('payments.refund', (order, meta) => this.settlement.refund(this.context(`refund-${meta.jobId}`), order));
    handlers.register('payments.check-open', () => this.settlement.checkOpen(this.context('check-open')));
    handlers.register('payments.expire-due', () => this.settlement.expireDue(this.context('expire-due')));
    handlers.register('payments.reconcile', (payload) => {
      const ctx = this.context('reconcile');
      const yesterday = new Date(ctx.now().getTime() - 86_400_000).toISOString().slice(0, 10);
      return this.reconciliation.reconcile(ctx, payload.day ?? yesterday);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('payments-check-open', { every: 60_000 }, { name: 'payments.check-open', data: {}, opts: KEEP });
    await this.queue.upsertJobScheduler(
      'payments-expire-due',
      { every: 5 * 60_000 },
      { name: 'payments.expire-due', data: {}, opts: KEEP },
    );
  }

  private context(name: string) {
    return this.contexts.forActor(`payments-${name}-${Date.now()}`, null);
  }
}
