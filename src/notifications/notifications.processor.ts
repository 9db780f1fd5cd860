/** The worker's `notifications` queue: one job per notice, delivered on every channel of its recipient; and account codes. */
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobHandlers } from '../core/queue/job-handlers';
import { JobName, JobPayloads } from '../core/queue/jobs';
import { NotificationDelivery } from './notification-delivery.service';
import { AccountCodeDelivery } from './account-code-delivery';

@Processor('notifications', { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly delivery: NotificationDelivery,
    private readonly accountCodes: AccountCodeDelivery,
  ) {
    super();
    handlers.register('notifications.deliver', (payload, meta) => this.delivery.deliver(payload.notificationId, meta));
    handlers.register('notifications.fallback', (payload, meta) => this.delivery.fallback(payload.notificationId, meta));
    handlers.register('identity.deliver-account-code', (payload, meta) => this.accountCodes.deliver(payload.codeId, meta));
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    return this.handlers.get(name)(job.data as JobPayloads[typeof name], { jobId: String(job.id), attempt: job.attemptsMade + 1 });
  }
}
