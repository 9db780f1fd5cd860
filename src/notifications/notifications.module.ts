import { Global, Module, Provider } from '@nestjs/common';
import { ADL_CONFIG } from '../core/config/config';
import { OUTBOX_APPENDER } from '../core/database/transactions';
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
import { DeliveryReports } from './delivery-reports.service';
import { MailReportsReceiver } from './mail-reports.receiver';
import { SmsWebhookController } from './sms-webhook.controller';
// What the rules look at in this wing's records (checks and list filters).
import './notifications.subjects';

/**
 * Electronic notification: the transactional outbox, the Notifier that other modules call inside
 * their transactions, the signed-in person's notices (API) and the SMS provider's delivery reports
 * (POST /webhooks/sms). The worker adds the delivery side (NOTIFICATION_WORKER_PROVIDERS: the
 * queue's processor, email and its inbound port for delivery reports, SMS).
 */
@Global()
@Module({
  controllers: [SmsWebhookController],
  providers: [
    DeliveryReports,
    OutboxService,
    { provide: OUTBOX_APPENDER, useExisting: OutboxService },
    Notifier,
    DeliveryAttempts,
    ServiceListeners,
    NotificationsService,
    NotificationsResolver,
  ],
  exports: [OUTBOX_APPENDER, Notifier, DeliveryAttempts, DeliveryReports, ServiceListeners],
})
export class NotificationsModule {}

/** Delivery, for the worker module (its processor needs the worker's JobHandlers). */
export const NOTIFICATION_WORKER_PROVIDERS: Provider[] = [
  NotificationsProcessor,
  NotificationDelivery,
  AccountCodeDelivery,
  Mailer,
  MailReportsReceiver,
  { provide: SMS_PROVIDER, inject: [ADL_CONFIG], useFactory: smsProviderFactory },
];
