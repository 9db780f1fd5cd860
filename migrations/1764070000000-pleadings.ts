import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pleadings: statements of defence and memos, the claimant's waiver of the claim (ترك الدعوى),
 * and the dates that striking off (شطب) and its one resumption within 60 days depend on.
 */
export class Pleadings1764070000000 implements MigrationInterface {
  name = 'Pleadings1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE memos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('DEFENCE','MEMO')),
        body text NOT NULL,
        submitted_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX memos_lawsuit_idx ON memos (lawsuit_id, created_at DESC, id)`);
    await q.query(`CREATE UNIQUE INDEX memos_one_defence_idx ON memos (party_id) WHERE kind = 'DEFENCE'`);

    await q.query(`
      CREATE TABLE claim_waivers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL UNIQUE REFERENCES lawsuits(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        state text NOT NULL CHECK (state IN ('PENDING','ACCEPTED','REFUSED')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(
      `ALTER TABLE lawsuits ADD COLUMN struck_off_at timestamptz, ADD COLUMN resumed_at timestamptz, ADD COLUMN settled_at timestamptz`,
    );
    for (const table of ['memos', 'claim_waivers']) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE lawsuits DROP COLUMN IF EXISTS struck_off_at, DROP COLUMN IF EXISTS resumed_at, DROP COLUMN IF EXISTS settled_at`,
    );
    await q.query(`DROP TABLE IF EXISTS claim_waivers`);
    await q.query(`DROP TABLE IF EXISTS memos`);
  }
}
