import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the public court statistics, which select lawsuits by month of filing
 * (submitted_at), for one court or for all.
 */
export class Statistics1764200000000 implements MigrationInterface {
  name = 'Statistics1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX lawsuits_court_submitted_idx ON lawsuits (court_id, submitted_at) WHERE submitted_at IS NOT NULL`);
    await q.query(`CREATE INDEX lawsuits_submitted_idx ON lawsuits (submitted_at) WHERE submitted_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS lawsuits_submitted_idx`);
    await q.query(`DROP INDEX IF EXISTS lawsuits_court_submitted_idx`);
  }
}
