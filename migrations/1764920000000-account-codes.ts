import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time codes that reach a person outside the platform (docs/identity.md): a password-reset
 * code sent to their verified phone or e-mail, and a staff member's activation link. Each is kept
 * as an HMAC; the code itself is kept sealed only until the delivery job has sent it. A staff
 * member invited but not yet activated is INVITED.
 */
export class AccountCodes1764920000000 implements MigrationInterface {
  name = 'AccountCodes1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('ACTIVE', 'DISABLED', 'INVITED'))`);
    await q.query(`
      CREATE TABLE account_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('password_reset', 'activation')),
        channel text NOT NULL CHECK (channel IN ('sms', 'email')),
        code_hash bytea NOT NULL CHECK (length(code_hash) = 32),
        sealed_code text,
        failed_attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        voided_at timestamptz
      )`);
    // The open code of a person for a purpose (at most one: issuing voids the earlier one).
    await q.query(
      `CREATE UNIQUE INDEX account_codes_open_idx ON account_codes (user_id, purpose) WHERE used_at IS NULL AND voided_at IS NULL`,
    );
    await q.query(`CREATE INDEX account_codes_hash_idx ON account_codes (code_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_codes`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('ACTIVE', 'DISABLED'))`);
  }
}
