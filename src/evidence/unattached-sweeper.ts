/** Worker side of evidence: every hour, uploads never attached in time are removed (docs/evidence.md). */
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { JobHandlers } from '../core/queue/job-handlers';
import { AttachmentsService } from './attachments.service';

@Injectable()
export class UnattachedSweeper implements OnApplicationBootstrap {
  constructor(
    handlers: JobHandlers,
    private readonly attachments: AttachmentsService,
    private readonly contexts: RequestContextFactory,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {
    handlers.register('evidence.remove-unattached', () => this.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'remove-unattached-uploads',
      { every: 60 * 60_000 },
      {
        name: 'evidence.remove-unattached',
        data: {},
        opts: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
      },
    );
  }

  run(): Promise<number> {
    return this.attachments.removeUnattached(this.contexts.forActor(`remove-unattached-${Date.now()}`, null));
  }
}
