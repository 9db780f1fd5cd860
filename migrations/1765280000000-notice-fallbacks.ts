import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices that reach people (docs/notifications.md): a notice whose e-mail or SMS failed for good
 * goes out once more on the person's next channel, as an attempt of its own (`fallback`). Each
 * channel keeps one first attempt per notice, and a notice has at most one fallback.
 */
export class NoticeFallbacks1765280000000 implements MigrationInterface {
  name = 'NoticeFallbacks1765280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_attempts ADD COLUMN fallback boolean NOT NULL DEFAULT false`);
    // FAILED for good (a 5xx, a bounce, an undelivered SMS): no retry sends it again on that channel.
    await q.query(`ALTER TABLE notification_attempts ADD COLUMN permanent boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE notification_attempts DROP CONSTRAINT notification_attempts_notification_id_channel_key`);
    await q.query(
      `CREATE UNIQUE INDEX notification_attempts_first_idx ON notification_attempts (notification_id, channel) WHERE NOT fallback`,
    );
    await q.query(`CREATE UNIQUE INDEX notification_attempts_fallback_idx ON notification_attempts (notification_id) WHERE fallback`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_attempts WHERE fallback`);
    await q.query(`DROP INDEX notification_attempts_fallback_idx`);
    await q.query(`DROP INDEX notification_attempts_first_idx`);
    await q.query(
      `ALTER TABLE notification_attempts ADD CONSTRAINT notification_attempts_notification_id_channel_key UNIQUE (notification_id, channel)`,
    );
    await q.query(`ALTER TABLE notification_attempts DROP COLUMN fallback, DROP COLUMN permanent`);
  }
}
