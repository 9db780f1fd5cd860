import { Global, Module, Provider } from '@nestjs/common';
import { ADL_CONFIG } from '../core/config/config';
import { OUTBOX_APPENDER } from '../core/database/transactions';
import { RedisClient } from '../core/redis';
import { DeliveryAttempts } from './delivery-attempts.service';
import { Mailer } from './mailer';
import { NotificationDelivery } from './notification-delivery.service';
import { NotificationsProcessor } from './notifications.processor';
import { AccountCodeDelivery } from './account-code-delivery';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { Notifier } from './notifier.service';
import { OutboxService } from './outbox.service';
import { ServiceListeners } from './service-listeners';
import { SMS_PROVIDER, smsProviderFactory } from './sms-provider';
// What the rules look at in this wing's records (checks and list filters).
import './notifications.subjects';

/**
 * Electronic notification: the transactional outbox, the Notifier that other modules call inside
 * their transactions, and the signed-in person's notices (API). The worker adds the delivery side
 * (NOTIFICATION_WORKER_PROVIDERS: the queue's processor, email, SMS).
 */
@Global()
@Module({
  providers: [
    OutboxService,
    { provide: OUTBOX_APPENDER, useExisting: OutboxService },
    Notifier,
    DeliveryAttempts,
    ServiceListeners,
    NotificationsService,
    NotificationsResolver,
  ],
  exports: [OUTBOX_APPENDER, Notifier, DeliveryAttempts, ServiceListeners],
})
export class NotificationsModule {}

/** Delivery, for the worker module (its processor needs the worker's JobHandlers). */
export const NOTIFICATION_WORKER_PROVIDERS: Provider[] = [
  NotificationsProcessor,
  NotificationDelivery,
  AccountCodeDelivery,
  Mailer,
  { provide: SMS_PROVIDER, inject: [ADL_CONFIG, RedisClient], useFactory: smsProviderFactory },
];
