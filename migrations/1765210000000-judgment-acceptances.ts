import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Objections for every party (docs/domain.md, "Judgments, objections and execution"): a party may
 * declare it accepts the judgment (القناعة بالحكم), which closes its window; each party objects
 * once to a judgment, which the database holds too.
 */
export class JudgmentAcceptances1765210000000 implements MigrationInterface {
  name = 'JudgmentAcceptances1765210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE judgment_acceptances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        judgment_id uuid NOT NULL REFERENCES judgments(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id),
        accepted_by uuid NOT NULL REFERENCES users(id),
        power_of_attorney_id uuid,
        accepted_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (judgment_id, party_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX objections_one_per_party_idx ON objections (judgment_id, party_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS objections_one_per_party_idx`);
    await q.query(`DROP TABLE IF EXISTS judgment_acceptances`);
  }
}
