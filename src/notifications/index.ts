/**
 * The notifications wing's public surface: the Notifier other wings call inside their
 * transactions, the kinds and channels of notices, and the hook that tells a wing when one of
 * its notices counted as legal service.
 */
export type { Notification } from './notification.entity';
export { NotificationChannel, NotificationKind } from './notification.enums';
export { NOTIFICATION_WORKER_PROVIDERS, NotificationsModule } from './notifications.module';
export { Notifier } from './notifier.service';
export { ServiceListeners } from './service-listeners';
export { OutboxDispatcher } from './outbox-dispatcher';
export { icsFold, icsText, icsUtc } from './ics';
