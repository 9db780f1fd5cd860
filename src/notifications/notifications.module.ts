import { Global, Module } from '@nestjs/common';
import { OUTBOX_APPENDER } from '../core/database/transactions';
import { OutboxService } from './outbox.service';

/** The transactional outbox (and, with the judicial workflow, the channels it feeds). */
@Global()
@Module({
  providers: [OutboxService, { provide: OUTBOX_APPENDER, useExisting: OutboxService }],
  exports: [OUTBOX_APPENDER],
})
export class NotificationsModule {}
