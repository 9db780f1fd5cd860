import { MigrationInterface, QueryRunner } from 'typeorm';

/** The kinds of 1764100000000-notifications, which `down` restores. */
const NOTIFICATION_KINDS_V1 = [
  'LAWSUIT_REGISTERED',
  'LAWSUIT_RETURNED',
  'LAWSUIT_REJECTED',
  'HEARING_SCHEDULED',
  'HEARING_POSTPONED',
  'HEARING_CANCELLED',
  'JUDGMENT_ISSUED',
  'OBJECTION_DEADLINE',
];

/** Every transition of a lawsuit notifies the people concerned: one kind per transition. */
export const NOTIFICATION_KINDS_V2 = [
  ...NOTIFICATION_KINDS_V1,
  'LAWSUIT_SUBMITTED',
  'LAWSUIT_WITHDRAWN',
  'LAWSUIT_SETTLED',
  'LAWSUIT_STRUCK_OFF',
  'LAWSUIT_RESUMED',
  'LAWSUIT_CLOSED',
  'OBJECTION_FILED',
  'APPEAL_DECIDED',
  'JUDGMENT_FINAL',
  'EXECUTION_REQUESTED',
];

/** The CHECK constraint on notifications.kind; later migrations that add kinds rebuild it with this too. */
export function kindCheck(kinds: string[]): string {
  return `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`;
}

/** Notice kinds for the rest of the lawsuit lifecycle (submission, withdrawal, objection, appeal, finality, execution…). */
export class NotificationKinds1764300000000 implements MigrationInterface {
  name = 'NotificationKinds1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V2));
  }

  /** Fails while notices of the new kinds exist: notices are proof of service and are never deleted. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V1));
  }
}
