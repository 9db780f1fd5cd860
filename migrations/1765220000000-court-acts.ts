import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V9 } from './1765200000000-no-dead-ends';

export const NOTIFICATION_KINDS_V10 = [...NOTIFICATION_KINDS_V9, 'LAWSUIT_TRANSFERRED'];

/**
 * The court's own acts (docs/domain.md, "The court's own acts"): courtrooms are resources of a
 * court, and the database refuses two live hearings in one room at once, as it does for a circuit
 * and a judge; a case transferred to another court or circuit keeps its history, and each of its
 * transfers (with its old number) is a row.
 *
 * Existing hearings take the courtroom their room's name names (one is registered per court and
 * name); of two live hearings that already overlap in a room, the later booked keeps its room's
 * name but not the booking, so that the constraint can hold.
 */
export class CourtActs1765220000000 implements MigrationInterface {
  name = 'CourtActs1765220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courtrooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        court_id uuid NOT NULL REFERENCES courts(id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (court_id, name)
      )`);
    await q.query(`CREATE TRIGGER courtrooms_touch BEFORE UPDATE ON courtrooms FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    await q.query(`ALTER TABLE hearings ADD COLUMN courtroom_id uuid REFERENCES courtrooms(id)`);
    await q.query(`
      INSERT INTO courtrooms (court_id, name)
      SELECT DISTINCT court_id, btrim(room) FROM hearings WHERE room IS NOT NULL AND length(btrim(room)) BETWEEN 1 AND 120
      ON CONFLICT DO NOTHING`);
    await q.query(`UPDATE hearings h SET courtroom_id = c.id FROM courtrooms c WHERE c.court_id = h.court_id AND c.name = btrim(h.room)`);
    await q.query(`
      UPDATE hearings h SET courtroom_id = NULL
       WHERE h.courtroom_id IS NOT NULL AND h.state IN ('SCHEDULED','HELD')
         AND EXISTS (SELECT 1 FROM hearings o
                      WHERE o.courtroom_id = h.courtroom_id AND o.state IN ('SCHEDULED','HELD') AND o.id <> h.id
                        AND tstzrange(o.starts_at, o.ends_at) && tstzrange(h.starts_at, h.ends_at)
                        AND (o.created_at, o.id) < (h.created_at, h.id))`);
    await q.query(`
      ALTER TABLE hearings ADD CONSTRAINT hearings_courtroom_no_overlap EXCLUDE USING gist
        (courtroom_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (courtroom_id IS NOT NULL AND state IN ('SCHEDULED','HELD'))`);

    await q.query(`
      CREATE TABLE lawsuit_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id),
        from_court_id uuid NOT NULL REFERENCES courts(id),
        from_circuit_id uuid REFERENCES circuits(id),
        to_court_id uuid NOT NULL REFERENCES courts(id),
        to_circuit_id uuid NOT NULL REFERENCES circuits(id),
        previous_case_number text NOT NULL,
        case_number text NOT NULL,
        reason text NOT NULL,
        transferred_by uuid NOT NULL REFERENCES users(id),
        transferred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lawsuit_transfers_lawsuit_idx ON lawsuit_transfers (lawsuit_id, transferred_at)`);
    await q.query(`CREATE INDEX lawsuit_transfers_previous_number_idx ON lawsuit_transfers (previous_case_number)`);

    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V10));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V9));
    await q.query(`DROP TABLE IF EXISTS lawsuit_transfers`);
    await q.query(`ALTER TABLE hearings DROP CONSTRAINT IF EXISTS hearings_courtroom_no_overlap`);
    await q.query(`ALTER TABLE hearings DROP COLUMN IF EXISTS courtroom_id`);
    await q.query(`DROP TABLE IF EXISTS courtrooms`);
  }
}
