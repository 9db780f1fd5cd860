import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions (docs/identity.md): one row per sign-in, and the refresh tokens it has been
 * given, one per rotation. A refresh token is kept only as its SHA-256; a spent one stays, so that
 * presenting it again is recognised as reuse and ends its whole session.
 */
export class Sessions1764900000000 implements MigrationInterface {
  name = 'Sessions1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        method text NOT NULL CHECK (method IN ('password', 'national')),
        auth_level text NOT NULL CHECK (auth_level IN ('password', 'mfa')),
        ip text,
        user_agent text CHECK (length(user_agent) <= 512),
        created_at timestamptz NOT NULL,
        last_used_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_reason text CHECK (ended_reason IN ('logout', 'ended_by_user', 'refresh_token_reused', 'credentials_changed', 'account_disabled', 'two_factor_reset')),
        CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
      )`);
    // A person's live sessions, newest first (mySessions).
    await q.query(`CREATE INDEX sessions_user_live_idx ON sessions (user_id, created_at DESC) WHERE ended_at IS NULL`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL,
        spent_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE sessions`);
  }
}
