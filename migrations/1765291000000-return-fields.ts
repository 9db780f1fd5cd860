import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clerk who returns a filing names the parts to correct (docs/domain.md, "Filing, review and
 * registration"), kept until the filing is submitted again.
 */
export class ReturnFields1765291000000 implements MigrationInterface {
  name = 'ReturnFields1765291000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lawsuits ADD COLUMN return_fields text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lawsuits DROP COLUMN return_fields`);
  }
}
