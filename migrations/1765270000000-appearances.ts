import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V10 } from './1765220000000-court-acts';

export const NOTIFICATION_KINDS_V11 = [...NOTIFICATION_KINDS_V10, 'REPRESENTATION_CHANGED'];

/**
 * Representation (docs/domain.md, "Lawyers and agents in lawsuits"): a lawyer who enters an
 * appearance for a party, or whose representation ends, is news to the parties.
 */
export class Appearances1765270000000 implements MigrationInterface {
  name = 'Appearances1765270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V11));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V10));
  }
}
