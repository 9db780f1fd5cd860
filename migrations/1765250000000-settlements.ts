import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = [
  'LAWSUIT_RECEIPT',
  'HEARING_SUMMONS',
  'HEARING_MINUTES',
  'JUDGMENT',
  'EXECUTION_ORDER',
  'POWER_OF_ATTORNEY',
  'NOTARIZED_CONTRACT',
  'PAYMENT_RECEIPT',
  'REFUND_RECEIPT',
];
const documentKinds = (kinds: string[]) =>
  `ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`;

/**
 * Settlement (صلح) of a case (docs/domain.md, "Settlement"): its terms, amount and instalments,
 * one pending proposal per case at a time, each party's consent once, and the settlement deed
 * among the kinds of documents.
 */
export class Settlements1765250000000 implements MigrationInterface {
  name = 'Settlements1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lawsuit_settlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id),
        state text NOT NULL CHECK (state IN ('PROPOSED','APPROVED','SUPERSEDED','LAPSED')),
        terms text NOT NULL CHECK (length(btrim(terms)) BETWEEN 10 AND 10000),
        amount numeric(14,2) CHECK (amount > 0),
        instalments jsonb NOT NULL DEFAULT '[]',
        proposed_by uuid NOT NULL REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'APPROVED') = (approved_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX lawsuit_settlements_lawsuit ON lawsuit_settlements (lawsuit_id, created_at DESC)`);
    await q.query(`CREATE UNIQUE INDEX lawsuit_settlements_pending ON lawsuit_settlements (lawsuit_id) WHERE state = 'PROPOSED'`);
    await q.query(
      `CREATE TRIGGER lawsuit_settlements_touch BEFORE UPDATE ON lawsuit_settlements FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );
    await q.query(`
      CREATE TABLE settlement_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        settlement_id uuid NOT NULL REFERENCES lawsuit_settlements(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id),
        consented_by uuid NOT NULL REFERENCES users(id),
        power_of_attorney_id uuid,
        consented_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (settlement_id, party_id)
      )`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(documentKinds([...KINDS_BEFORE, 'SETTLEMENT']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(documentKinds(KINDS_BEFORE));
    await q.query(`DROP TABLE settlement_consents`);
    await q.query(`DROP TABLE lawsuit_settlements`);
  }
}
