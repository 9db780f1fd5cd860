import { MigrationInterface, QueryRunner } from 'typeorm';

/** The kinds of notice; a later migration extends the list by replacing notifications_kind_check. */
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

/**
 * Electronic notification: one notice per recipient (by national ID, so a party without an
 * account finds it on registering) and one delivery attempt per channel. `served_at` is the
 * moment of legal service — the first attempt that reached the person (in-app SENT, email or
 * SMS DELIVERED) — from which deadlines such as the objection period run.
 */
export class Notifications1764100000000 implements MigrationInterface {
  name = 'Notifications1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const kinds = NOTIFICATION_KINDS_V1.map((k) => `'${k}'`).join(',');
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id),
        national_id char(10) NOT NULL CHECK (national_id ~ '^[12][0-9]{9}$'),
        lawsuit_id uuid REFERENCES lawsuits(id),
        hearing_id uuid REFERENCES hearings(id),
        kind text NOT NULL CONSTRAINT notifications_kind_check CHECK (kind IN (${kinds})),
        title_ar text NOT NULL,
        title_en text NOT NULL,
        body_ar text NOT NULL,
        body_en text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        -- A hearing's calendar entry (startsAt, endsAt, location, uid, sequence, method): the ICS invitation.
        calendar jsonb,
        -- What makes the notice unique for its recipient: the same cause never notifies twice.
        dedupe_key text NOT NULL,
        read_at timestamptz,
        served_at timestamptz,
        served_channel text CHECK (served_channel IN ('IN_APP','EMAIL','SMS')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (national_id, dedupe_key),
        CHECK ((served_at IS NULL) = (served_channel IS NULL))
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (national_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_lawsuit_idx ON notifications (lawsuit_id) WHERE lawsuit_id IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_hearing_idx ON notifications (hearing_id) WHERE hearing_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE notification_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('IN_APP','EMAIL','SMS')),
        -- Where the notice went (the account id, the email address, the phone number): proof of service.
        address text NOT NULL,
        state text NOT NULL CHECK (state IN ('SENT','DELIVERED','OPENED','FAILED')),
        error text,
        -- The provider's id of the message (email Message-ID, SMS reference): matches delivery reports.
        provider_ref text,
        attempt_count integer NOT NULL DEFAULT 1 CHECK (attempt_count > 0),
        sent_at timestamptz,
        delivered_at timestamptz,
        opened_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel)
      )`);

    for (const table of ['notifications', 'notification_attempts']) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification_attempts`);
    await q.query(`DROP TABLE IF EXISTS notifications`);
  }
}
