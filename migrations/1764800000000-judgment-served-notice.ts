import { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTRACT_KINDS } from './1764450000000-contracts';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V3 } from './1764400000001-poa-notification-kinds';

/** The kinds before this migration, which `down` restores. */
const NOTIFICATION_KINDS_V4 = [...NOTIFICATION_KINDS_V3, ...CONTRACT_KINDS];

/** The kinds after it (1764810000000-court-notices builds on this list). */
export const NOTIFICATION_KINDS_V5 = [...NOTIFICATION_KINDS_V4, 'JUDGMENT_SERVED'];

/** A notice telling a party that the court recorded their service with a judgment, and their deadline. */
export class JudgmentServedNotice1764800000000 implements MigrationInterface {
  name = 'JudgmentServedNotice1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V5));
  }

  /** Fails while notices of the new kind exist: notices are proof of service and are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V4));
  }
}
