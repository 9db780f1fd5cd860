import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V7 } from './1765000000000-payments';

/**
 * Notary fees (docs/payments.md): a contract's fee is a bill like a filing's (`bills` takes the
 * purpose NOTARY_FEE already); what is new is the notice of a contract sent back to draft when
 * its fee's bill expired unpaid.
 */
export class NotaryFees1765100000000 implements MigrationInterface {
  name = 'NotaryFees1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck([...NOTIFICATION_KINDS_V7, 'CONTRACT_RETURNED_TO_DRAFT']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V7));
  }
}
