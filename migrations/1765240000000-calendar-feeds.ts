import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal calendar feeds (docs/domain.md, "A party's agenda"): a person's ICS address, signed,
 * until they revoke it or make a new one. One live feed per person (a partial unique index).
 * And the index the agenda reads a person's objection windows by.
 */
export class CalendarFeeds1765240000000 implements MigrationInterface {
  name = 'CalendarFeeds1765240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_read_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_live ON calendar_feeds (user_id) WHERE revoked_at IS NULL`);
    // The agenda finds a person's objection windows from their parties.
    await q.query(`CREATE INDEX judgment_party_services_party_idx ON judgment_party_services (party_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX judgment_party_services_party_idx`);
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
