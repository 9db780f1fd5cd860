import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V3 } from './1764400000001-poa-notification-kinds';

/** One notice kind per transition of a contract. */
export const CONTRACT_KINDS = [
  'CONTRACT_AWAITING_SIGNATURES',
  'CONTRACT_AMENDED',
  'CONTRACT_SIGNED',
  'CONTRACT_NOTARIZED',
  'CONTRACT_CANCELLATION_REQUESTED',
  'CONTRACT_CANCELLED',
  'CONTRACT_VOIDED',
];

/**
 * Notarized contracts: the contract (terms as JSON, with the searched amount and deed number as
 * columns), its parties, and each party's signatures and agreements to cancel. A party signs
 * once per purpose: a unique index over the signatures still valid refuses a second one even
 * under concurrent requests.
 */
export class Contracts1764450000000 implements MigrationInterface {
  name = 'Contracts1764450000000';

  async up(q: QueryRunner): Promise<void> {
    const types = `'SALE','LEASE','COMPANY_FORMATION','REAL_ESTATE_TRANSFER','GIFT','MORTGAGE'`;
    await q.query(`CREATE SEQUENCE contract_number_seq`);
    await q.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        type text NOT NULL CHECK (type IN (${types})),
        state text NOT NULL CHECK (state IN ('DRAFT','AWAITING_SIGNATURES','NOTARIZED','CANCELLED','VOIDED')),
        notary_office_id uuid NOT NULL REFERENCES notary_offices(id),
        drafted_by uuid NOT NULL REFERENCES users(id),
        terms jsonb NOT NULL,
        free_text text NOT NULL DEFAULT '',
        amount numeric(14,2) CHECK (amount IS NULL OR amount > 0),
        currency text CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
        deed_number text,
        submitted_at timestamptz,
        notarized_at timestamptz,
        notarized_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        voided_at timestamptz,
        voided_by uuid REFERENCES users(id),
        void_judgment_id uuid REFERENCES judgments(id),
        void_reason text,
        verification_hash text UNIQUE,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (state <> 'NOTARIZED' OR (notarized_at IS NOT NULL AND notarized_by IS NOT NULL AND verification_hash IS NOT NULL)),
        CHECK (state <> 'VOIDED' OR (voided_at IS NOT NULL AND void_judgment_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX contracts_office_idx ON contracts (notary_office_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX contracts_drafter_idx ON contracts (drafted_by, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX contracts_deed_idx ON contracts (deed_number) WHERE deed_number IS NOT NULL`);

    await q.query(`
      CREATE TABLE contract_parties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        position integer NOT NULL,
        role text NOT NULL CHECK (role IN ('SELLER','BUYER','LESSOR','LESSEE','PARTNER','TRANSFEROR','TRANSFEREE','DONOR','DONEE','MORTGAGOR','MORTGAGEE')),
        kind text NOT NULL CHECK (kind IN ('PERSON','ORGANIZATION')),
        national_id char(10),
        organization_number text,
        signatory_national_id char(10),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PERSON' AND national_id IS NOT NULL AND signatory_national_id IS NULL)
            OR (kind = 'ORGANIZATION' AND national_id IS NULL AND organization_number IS NOT NULL AND signatory_national_id IS NOT NULL)),
        UNIQUE (contract_id, position)
      )`);
    // "My contracts" and the access rules look parties up by the signer's national ID.
    await q.query(
      `CREATE INDEX contract_parties_signer_idx ON contract_parties ((coalesce(national_id, signatory_national_id)), contract_id)`,
    );
    await q.query(`CREATE INDEX contract_parties_contract_idx ON contract_parties (contract_id)`);

    await q.query(`
      CREATE TABLE contract_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts(id),
        party_id uuid REFERENCES contract_parties(id) ON DELETE SET NULL,
        principal_national_id char(10) NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('SIGN','CANCEL')),
        signed_by uuid NOT NULL REFERENCES users(id),
        power_of_attorney_id uuid,
        signed_at timestamptz NOT NULL,
        invalidated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX contract_signatures_once_idx ON contract_signatures (party_id, purpose) WHERE invalidated_at IS NULL`,
    );
    await q.query(`CREATE INDEX contract_signatures_contract_idx ON contract_signatures (contract_id)`);

    for (const table of ['contracts', 'contract_parties', 'contract_signatures']) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck([...NOTIFICATION_KINDS_V3, ...CONTRACT_KINDS]));
  }

  /** Fails while contract notices exist: notices are proof of service and are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V3));
    for (const table of ['contract_signatures', 'contract_parties', 'contracts']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`DROP SEQUENCE IF EXISTS contract_number_seq`);
  }
}
