import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents: one row per (subject, kind, language, subject version), unique, so a repeated request
 * or a retried job finds the same row; a gapless-enough public number from a sequence; a unique
 * verification code.
 */
export class Documents1764500000000 implements MigrationInterface {
  name = 'Documents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE documents_number_seq`);
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('LAWSUIT_RECEIPT','HEARING_SUMMONS','HEARING_MINUTES','JUDGMENT','EXECUTION_ORDER','POWER_OF_ATTORNEY','NOTARIZED_CONTRACT')),
        language text NOT NULL CHECK (language IN ('AR','EN')),
        subject_id uuid NOT NULL,
        subject_version int NOT NULL,
        instrument_type text NOT NULL,
        instrument_id uuid NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('PENDING','READY','FAILED')),
        failure_reason text,
        verification_code text NOT NULL UNIQUE,
        sha256 text,
        size_bytes int,
        storage_key text,
        data jsonb NOT NULL,
        requested_by uuid REFERENCES users(id),
        attempts int NOT NULL DEFAULT 0,
        ready_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (state <> 'READY' OR (sha256 IS NOT NULL AND storage_key IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX documents_instrument_idx ON documents (instrument_id, created_at DESC, id)`);
    await q.query(`CREATE TRIGGER documents_touch BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS documents`);
    await q.query(`DROP SEQUENCE IF EXISTS documents_number_seq`);
  }
}
