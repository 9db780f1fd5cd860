import { MigrationInterface, QueryRunner } from 'typeorm';
// The kinds before this migration, which `down` restores.
import { kindCheck, NOTIFICATION_KINDS_V2 } from './1764300000000-notification-kinds';

/** Notices of the power-of-attorney lifecycle (1764450000000-contracts builds on this list). */
export const NOTIFICATION_KINDS_V3 = [
  ...NOTIFICATION_KINDS_V2,
  'POA_ISSUED',
  'POA_CONFIRMATION_REQUESTED',
  'POA_REVOKED',
  'POA_PARTIALLY_REVOKED',
  'POA_EXPIRED',
  'POA_LAPSED',
  'POA_AGENT_WITHDREW',
  'POA_DELEGATED',
];

export class PoaNotificationKinds1764400000001 implements MigrationInterface {
  name = 'PoaNotificationKinds1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V3));
  }

  /** Fails while notices of the new kinds exist: notices are proof of service and are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V2));
  }
}
