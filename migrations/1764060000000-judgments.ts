import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Judgments, objections (with their appeal decision) and execution requests. The objection
 * deadline is computed from the notification of the judgment, never typed.
 */
export class Judgments1764060000000 implements MigrationInterface {
  name = 'Judgments1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE judgments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL UNIQUE REFERENCES lawsuits(id),
        hearing_id uuid NOT NULL REFERENCES hearings(id),
        judge_id uuid NOT NULL REFERENCES users(id),
        ruling text NOT NULL,
        summary text NOT NULL,
        reasoning text NOT NULL,
        amount_awarded numeric(14,2) CHECK (amount_awarded IS NULL OR amount_awarded >= 0),
        in_favour_of text NOT NULL CHECK (in_favour_of IN ('CLAIMANT','DEFENDANT')),
        urgent boolean NOT NULL,
        issued_at timestamptz NOT NULL,
        notified_at timestamptz,
        objection_deadline timestamptz,
        final_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The finalizing job looks for judgments whose window has passed.
    await q.query(`CREATE INDEX judgments_open_window_idx ON judgments (objection_deadline) WHERE final_at IS NULL`);

    await q.query(`
      CREATE TABLE objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        judgment_id uuid NOT NULL REFERENCES judgments(id),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id),
        filed_by uuid NOT NULL REFERENCES users(id),
        reasons text NOT NULL,
        appeal_court_id uuid NOT NULL REFERENCES courts(id),
        decision text CHECK (decision IN ('UPHOLD','OVERTURN','AMEND')),
        decision_reasoning text,
        amended_amount numeric(14,2),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX objections_lawsuit_idx ON objections (lawsuit_id)`);
    await q.query(`CREATE INDEX objections_appeal_court_idx ON objections (appeal_court_id, created_at DESC) WHERE decided_at IS NULL`);

    await q.query(`
      CREATE TABLE execution_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL UNIQUE REFERENCES lawsuits(id),
        judgment_id uuid NOT NULL REFERENCES judgments(id),
        party_id uuid NOT NULL REFERENCES lawsuit_parties(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const table of ['judgments', 'objections', 'execution_requests']) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['execution_requests', 'objections', 'judgments']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
