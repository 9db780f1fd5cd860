import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines on the court's calendar (docs/domain.md, "Dates and deadlines"): a struck-off case
 * keeps the end of its resumption window, counted on its court's calendar when it is struck off.
 * Cases struck off before keep the plain sixty days they were given.
 */
export class CourtDeadlines1765230000000 implements MigrationInterface {
  name = 'CourtDeadlines1765230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lawsuits ADD COLUMN resume_due_at timestamptz`);
    await q.query(`UPDATE lawsuits SET resume_due_at = struck_off_at + interval '60 days' WHERE struck_off_at IS NOT NULL`);
    await q.query(`CREATE INDEX lawsuits_struck_off_due ON lawsuits (resume_due_at) WHERE state = 'STRUCK_OFF'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX lawsuits_struck_off_due`);
    await q.query(`ALTER TABLE lawsuits DROP COLUMN resume_due_at`);
  }
}
