import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The objection clock per party: each party of a judgment is served when the judgment's notice
 * first reaches them (or, for an organization, its representative), and their own window runs
 * from that moment. One row per (judgment, party), written in the transaction that records the
 * delivery; the reminder a few days before the deadline is marked on the same row, once.
 *
 * Judgments issued before this migration were taken as served on every party at issue time:
 * their rows are backfilled from `judgments.notified_at`, with no notice to point at, and marked
 * reminded (a deploy must not send a burst of reminders for windows it did not track).
 */
export class ObjectionClock1764600000000 implements MigrationInterface {
  name = 'ObjectionClock1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE judgment_party_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        judgment_id uuid NOT NULL REFERENCES judgments(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id),
        national_id char(10) NOT NULL,
        notification_id uuid REFERENCES notifications(id),
        channel text CHECK (channel IN ('IN_APP','EMAIL','SMS')),
        served_at timestamptz NOT NULL,
        objection_deadline timestamptz NOT NULL CHECK (objection_deadline > served_at),
        reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (judgment_id, party_id)
      )`);
    // The reminder job looks for windows closing soon that were not yet reminded of.
    await q.query(
      `CREATE INDEX judgment_party_services_remind_idx ON judgment_party_services (objection_deadline) WHERE reminded_at IS NULL`,
    );
    await q.query(
      `CREATE TRIGGER judgment_party_services_touch BEFORE UPDATE ON judgment_party_services FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );
    await q.query(`
      INSERT INTO judgment_party_services (judgment_id, party_id, national_id, served_at, objection_deadline, reminded_at)
      SELECT j.id, p.id, coalesce(p.national_id, r.national_id), j.notified_at, j.objection_deadline, j.notified_at
        FROM judgments j
        JOIN lawsuit_parties p ON p.lawsuit_id = j.lawsuit_id
        LEFT JOIN users r ON r.id = p.representative_id
       WHERE j.notified_at IS NOT NULL AND j.objection_deadline IS NOT NULL AND coalesce(p.national_id, r.national_id) IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS judgment_party_services`);
  }
}
