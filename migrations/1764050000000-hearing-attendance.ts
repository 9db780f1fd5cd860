import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attendance per party and hearing: recorded in the minutes, or registered online for a remote hearing. */
export class HearingAttendance1764050000000 implements MigrationInterface {
  name = 'HearingAttendance1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hearing_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hearing_id uuid NOT NULL REFERENCES hearings(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id) ON DELETE CASCADE,
        present boolean,
        registered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (hearing_id, party_id)
      )`);
    await q.query(
      `CREATE TRIGGER hearing_attendance_touch BEFORE UPDATE ON hearing_attendance FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
    );
    await q.query(`ALTER TABLE hearings ADD COLUMN court_id uuid REFERENCES courts(id)`);
    await q.query(`UPDATE hearings h SET court_id = c.court_id FROM circuits c WHERE c.id = h.circuit_id`);
    await q.query(`ALTER TABLE hearings ALTER COLUMN court_id SET NOT NULL`);
    await q.query(`CREATE INDEX hearings_court_day_idx ON hearings (court_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS hearings_court_day_idx`);
    await q.query(`ALTER TABLE hearings DROP COLUMN IF EXISTS court_id`);
    await q.query(`DROP TABLE IF EXISTS hearing_attendance`);
  }
}
