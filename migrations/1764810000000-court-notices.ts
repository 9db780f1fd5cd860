import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
// The kinds before this migration, which `down` restores.
import { NOTIFICATION_KINDS_V5 } from './1764800000000-judgment-served-notice';

/** Notices a clerk of the court sends to the parties of a case. */
export class CourtNotices1764810000000 implements MigrationInterface {
  name = 'CourtNotices1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck([...NOTIFICATION_KINDS_V5, 'COURT_NOTICE']));
  }

  /** Fails while notices of the new kind exist: notices are proof of service and are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V5));
  }
}
