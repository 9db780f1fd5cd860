import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the ability filter of lawsuit lists (the lawsuit's facts in litigation/lawsuits/case-files.ts), found with `npm run bench:docket`. A
 * judge's `lawsuits` list ORs, among its rules, "an objection of the case was sent to one of my courts" and "I
 * preside over a hearing of the case"; PostgreSQL evaluates both as hashed subplans built on every request. Without
 * these indexes the first read every objection (a sequential scan) and the second every hearing row of the judge,
 * both growing with the data; with them, each is an index-only scan of the entries that match.
 */
export class DocketIndexes1764310000000 implements MigrationInterface {
  name = 'DocketIndexes1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX objections_appeal_court_lawsuit_idx ON objections (appeal_court_id, lawsuit_id)`);
    await q.query(`CREATE INDEX hearings_judge_lawsuit_idx ON hearings (judge_id, lawsuit_id) WHERE judge_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS hearings_judge_lawsuit_idx`);
    await q.query(`DROP INDEX IF EXISTS objections_appeal_court_lawsuit_idx`);
  }
}
