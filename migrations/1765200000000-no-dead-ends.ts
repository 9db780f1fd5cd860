import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V7 } from './1765000000000-payments';

export const NOTIFICATION_KINDS_V8 = [...NOTIFICATION_KINDS_V7, 'CONTRACT_RETURNED_TO_DRAFT'];
export const NOTIFICATION_KINDS_V9 = [...NOTIFICATION_KINDS_V8, 'CLAIM_WAIVER_LAPSED', 'CONTRACT_DISCARDED', 'CONTRACT_REFUSED'];

/**
 * No dead ends (docs/lifecycles.md): a waiver the defendant did not answer before the hearing
 * lapses; a contract draft can be discarded by its drafter and a contract put to signature refused
 * by the notary, with the reason kept; their notices.
 */
export class NoDeadEnds1765200000000 implements MigrationInterface {
  name = 'NoDeadEnds1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_waivers DROP CONSTRAINT claim_waivers_state_check`);
    await q.query(
      `ALTER TABLE claim_waivers ADD CONSTRAINT claim_waivers_state_check CHECK (state IN ('PENDING','ACCEPTED','REFUSED','LAPSED'))`,
    );
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_state_check`);
    await q.query(
      `ALTER TABLE contracts ADD CONSTRAINT contracts_state_check
         CHECK (state IN ('DRAFT','AWAITING_SIGNATURES','NOTARIZED','CANCELLED','VOIDED','DISCARDED','REFUSED'))`,
    );
    await q.query(`ALTER TABLE contracts ADD COLUMN ended_at timestamptz, ADD COLUMN refusal_reason text`);
    await q.query(`ALTER TABLE contracts ADD CONSTRAINT contracts_refusal_check CHECK (state <> 'REFUSED' OR refusal_reason IS NOT NULL)`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V9));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V8));
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_refusal_check`);
    await q.query(`ALTER TABLE contracts DROP COLUMN ended_at, DROP COLUMN refusal_reason`);
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_state_check`);
    await q.query(
      `ALTER TABLE contracts ADD CONSTRAINT contracts_state_check CHECK (state IN ('DRAFT','AWAITING_SIGNATURES','NOTARIZED','CANCELLED','VOIDED'))`,
    );
    await q.query(`ALTER TABLE claim_waivers DROP CONSTRAINT claim_waivers_state_check`);
    await q.query(`ALTER TABLE claim_waivers ADD CONSTRAINT claim_waivers_state_check CHECK (state IN ('PENDING','ACCEPTED','REFUSED'))`);
  }
}
