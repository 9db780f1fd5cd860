import { registerEnumType } from '@nestjs/graphql';

/** What a notice is about. Kept in step with notifications_kind_check (extend both in a migration). */
export enum NotificationKind {
  LAWSUIT_REGISTERED = 'LAWSUIT_REGISTERED',
  LAWSUIT_RETURNED = 'LAWSUIT_RETURNED',
  LAWSUIT_REJECTED = 'LAWSUIT_REJECTED',
  HEARING_SCHEDULED = 'HEARING_SCHEDULED',
  HEARING_POSTPONED = 'HEARING_POSTPONED',
  HEARING_CANCELLED = 'HEARING_CANCELLED',
  JUDGMENT_ISSUED = 'JUDGMENT_ISSUED',
  OBJECTION_DEADLINE = 'OBJECTION_DEADLINE',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

export enum NotificationChannel {
  /** The notice in the platform account: always, when the recipient has one. */
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

/** sent → delivered → opened, or failed. */
export enum DeliveryState {
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  OPENED = 'OPENED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryState, { name: 'DeliveryState' });
