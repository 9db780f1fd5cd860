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
  LAWSUIT_SUBMITTED = 'LAWSUIT_SUBMITTED',
  LAWSUIT_WITHDRAWN = 'LAWSUIT_WITHDRAWN',
  LAWSUIT_SETTLED = 'LAWSUIT_SETTLED',
  LAWSUIT_STRUCK_OFF = 'LAWSUIT_STRUCK_OFF',
  LAWSUIT_RESUMED = 'LAWSUIT_RESUMED',
  LAWSUIT_CLOSED = 'LAWSUIT_CLOSED',
  OBJECTION_FILED = 'OBJECTION_FILED',
  APPEAL_DECIDED = 'APPEAL_DECIDED',
  JUDGMENT_FINAL = 'JUDGMENT_FINAL',
  EXECUTION_REQUESTED = 'EXECUTION_REQUESTED',
  POA_ISSUED = 'POA_ISSUED',
  POA_CONFIRMATION_REQUESTED = 'POA_CONFIRMATION_REQUESTED',
  POA_REVOKED = 'POA_REVOKED',
  POA_PARTIALLY_REVOKED = 'POA_PARTIALLY_REVOKED',
  POA_EXPIRED = 'POA_EXPIRED',
  POA_LAPSED = 'POA_LAPSED',
  POA_AGENT_WITHDREW = 'POA_AGENT_WITHDREW',
  POA_DELEGATED = 'POA_DELEGATED',
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
