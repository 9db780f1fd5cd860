import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified self-registration (docs/identity.md): a registration holds what the civil registry
 * answered for a national ID and birth date (names and registered phone) until the code sent to
 * that phone confirms it; then it names the account it opened. When the national ID already had an
 * account, the registration names it and the message to the phone says so instead of a code.
 * Its code is an account code owned by the registration rather than by a user.
 */
export class Registrations1764930000000 implements MigrationInterface {
  name = 'Registrations1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        national_id text NOT NULL,
        name_ar text NOT NULL,
        name_en text NOT NULL,
        phone text NOT NULL,
        existing_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        completed_at timestamptz,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX registrations_national_id_idx ON registrations (national_id, created_at)`);
    await q.query(`ALTER TABLE account_codes ALTER COLUMN user_id DROP NOT NULL`);
    await q.query(`ALTER TABLE account_codes ADD COLUMN registration_id uuid REFERENCES registrations(id) ON DELETE CASCADE`);
    await q.query(
      `ALTER TABLE account_codes ADD CONSTRAINT account_codes_owner_check CHECK ((user_id IS NULL) <> (registration_id IS NULL))`,
    );
    await q.query(`ALTER TABLE account_codes DROP CONSTRAINT account_codes_purpose_check`);
    await q.query(
      `ALTER TABLE account_codes ADD CONSTRAINT account_codes_purpose_check CHECK (purpose IN ('password_reset', 'activation', 'registration'))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX account_codes_registration_idx ON account_codes (registration_id) WHERE registration_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM account_codes WHERE registration_id IS NOT NULL`);
    await q.query(`ALTER TABLE account_codes DROP CONSTRAINT account_codes_purpose_check`);
    await q.query(
      `ALTER TABLE account_codes ADD CONSTRAINT account_codes_purpose_check CHECK (purpose IN ('password_reset', 'activation'))`,
    );
    await q.query(`ALTER TABLE account_codes DROP CONSTRAINT account_codes_owner_check`);
    await q.query(`ALTER TABLE account_codes DROP COLUMN registration_id`);
    await q.query(`ALTER TABLE account_codes ALTER COLUMN user_id SET NOT NULL`);
    await q.query(`DROP TABLE registrations`);
  }
}
