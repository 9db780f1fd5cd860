import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ways back into an account (docs/identity.md): one-time recovery codes for a lost authenticator,
 * kept only as their SHA-256; and the reset of a staff member's second factor, which one system
 * administrator requests and another approves (four eyes: the database refuses one person doing both).
 */
export class Recovery1764910000000 implements MigrationInterface {
  name = 'Recovery1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recovery_codes (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash bytea NOT NULL CHECK (length(code_hash) = 32),
        created_at timestamptz NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);

    await q.query(`
      CREATE TABLE two_factor_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        CHECK (approved_by IS NULL OR approved_by <> requested_by),
        CHECK ((approved_by IS NULL) = (approved_at IS NULL))
      )`);
    // One open request per person at a time.
    await q.query(`CREATE UNIQUE INDEX two_factor_resets_open_idx ON two_factor_resets (user_id) WHERE approved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE two_factor_resets`);
    await q.query(`DROP TABLE recovery_codes`);
  }
}
