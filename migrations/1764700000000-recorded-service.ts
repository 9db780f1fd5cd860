import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service of a judgment recorded by the court: a party whom no notice can reach on the platform
 * (an organization without a representative, a person without an account or a verified contact)
 * is served outside it — by a process server, an official letter — and the clerk records when,
 * with the report's reference. Such a row names no recipient and no notice; it names the clerk.
 */
export class RecordedService1764700000000 implements MigrationInterface {
  name = 'RecordedService1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE judgment_party_services
        ALTER COLUMN national_id DROP NOT NULL,
        ADD COLUMN method text NOT NULL DEFAULT 'ELECTRONIC' CHECK (method IN ('ELECTRONIC', 'RECORDED')),
        ADD COLUMN recorded_by uuid REFERENCES users(id),
        ADD COLUMN reference text,
        ADD CONSTRAINT judgment_party_services_recorded_check CHECK (
          CASE method
            WHEN 'ELECTRONIC' THEN national_id IS NOT NULL AND recorded_by IS NULL AND reference IS NULL
            ELSE recorded_by IS NOT NULL AND reference IS NOT NULL AND notification_id IS NULL AND channel IS NULL
          END)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM judgment_party_services WHERE method = 'RECORDED'`);
    await q.query(`
      ALTER TABLE judgment_party_services
        DROP CONSTRAINT judgment_party_services_recorded_check,
        DROP COLUMN reference,
        DROP COLUMN recorded_by,
        DROP COLUMN method,
        ALTER COLUMN national_id SET NOT NULL`);
  }
}
