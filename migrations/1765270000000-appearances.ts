import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V10 } from './1765220000000-court-acts';

export const NOTIFICATION_KINDS_V11 = [...NOTIFICATION_KINDS_V10, 'REPRESENTATION_CHANGED'];

/**
 * Representation (docs/domain.md, "Lawyers and agents in lawsuits"): a lawyer who enters an
 * appearance for a party, or whose representation ends, is news to the parties; the prosecutor
 * who filed a criminal case is the representative of record of the Public Prosecution in it.
 */
export class Appearances1765270000000 implements MigrationInterface {
  name = 'Appearances1765270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V11));
    // The prosecutor who filed a criminal case represents the Public Prosecution in it.
    await q.query(`
      UPDATE lawsuit_parties p SET representative_id = l.filed_by
        FROM lawsuits l
       WHERE l.id = p.lawsuit_id AND l.category = 'CRIMINAL' AND p.side = 'CLAIMANT' AND p.kind = 'ORGANIZATION'
         AND p.representative_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V10));
  }
}
