import { MigrationInterface, QueryRunner } from 'typeorm';
import { kindCheck } from './1764300000000-notification-kinds';
import { NOTIFICATION_KINDS_V5 } from './1764800000000-judgment-served-notice';

/** The kinds of 1764810000000-court-notices, which `down` restores. */
const NOTIFICATION_KINDS_V6 = [...NOTIFICATION_KINDS_V5, 'COURT_NOTICE'];
const BILL_KINDS = ['BILL_ISSUED', 'BILL_PAID', 'BILL_EXPIRED', 'BILL_REFUNDED'];
/** The kinds this migration leaves, which a later one's `down` restores. */
export const NOTIFICATION_KINDS_V7 = [...NOTIFICATION_KINDS_V6, ...BILL_KINDS];

const DOCUMENT_KINDS = [
  'LAWSUIT_RECEIPT',
  'HEARING_SUMMONS',
  'HEARING_MINUTES',
  'JUDGMENT',
  'EXECUTION_ORDER',
  'POWER_OF_ATTORNEY',
  'NOTARIZED_CONTRACT',
];

/** The CHECK constraint `<table>_<column>_check`: the column holds one of `values`. */
const oneOf = (table: string, column: string, values: string[]) =>
  `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${column} IN (${values.map((v) => `'${v}'`).join(',')}))`;
const documentKinds = (kinds: string[]) => oneOf('documents', 'kind', kinds);

const LAWSUIT_STATES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'REJECTED',
  'REGISTERED',
  'IN_HEARINGS',
  'JUDGMENT_ISSUED',
  'OBJECTED',
  'APPEAL_DECIDED',
  'FINAL',
  'EXECUTION_REQUESTED',
  'CLOSED',
  'WITHDRAWN',
  'SETTLED',
  'STRUCK_OFF',
];
const lawsuitStates = (states: string[]) => oneOf('lawsuits', 'state', states);

/**
 * Fees that are paid (docs/payments.md). A bill (SADAD style: a number, an amount in halalas, a
 * due date) is issued for what a subject owes (a filing fee), to one payer; it is paid through the
 * payment gateway, each attempt a row of bill_payments keyed by the gateway's payment id, and may
 * be refunded in part or whole (payment_refunds, keyed by the gateway's refund id). Each webhook
 * event is applied once (payment_events). Every movement of money is a balanced set of
 * ledger_entries (receivable, revenue, gateway: the set sums to zero, checked at commit), which
 * nobody may change or delete. A lawsuit whose filing fee is due waits in AWAITING_PAYMENT.
 */
export class Payments1765000000000 implements MigrationInterface {
  name = 'Payments1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE bill_numbers`);
    await q.query(`
      CREATE TABLE bills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('FILING_FEE','NOTARY_FEE','JUDGMENT_COSTS')),
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        description_ar text NOT NULL,
        description_en text NOT NULL,
        payer_national_id char(10) NOT NULL,
        payer_id uuid REFERENCES users(id),
        amount_halalas bigint NOT NULL CHECK (amount_halalas > 0),
        refunded_halalas bigint NOT NULL DEFAULT 0,
        state text NOT NULL CHECK (state IN ('UNPAID','PAID','EXPIRED','CANCELLED','REFUNDED')),
        due_at timestamptz NOT NULL,
        paid_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (refunded_halalas BETWEEN 0 AND amount_halalas),
        CHECK (state NOT IN ('PAID','REFUNDED') OR paid_at IS NOT NULL)
      )`);
    // A payer's bills, newest first; a subject's bills; the expiry job's unpaid bills by due date.
    await q.query(`CREATE INDEX bills_payer_idx ON bills (payer_national_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX bills_subject_idx ON bills (subject_type, subject_id, created_at DESC)`);
    await q.query(`CREATE INDEX bills_unpaid_idx ON bills (due_at) WHERE state = 'UNPAID'`);
    // One open bill per subject and purpose.
    await q.query(`CREATE UNIQUE INDEX bills_open_idx ON bills (subject_type, subject_id, purpose) WHERE state = 'UNPAID'`);

    await q.query(`
      CREATE TABLE bill_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bill_id uuid NOT NULL REFERENCES bills(id),
        gateway_payment_id text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('initiated','paid','failed')),
        payment_url text NOT NULL,
        amount_halalas bigint NOT NULL CHECK (amount_halalas > 0),
        failure_reason text,
        settled_at timestamptz,
        checked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX bill_payments_bill_idx ON bill_payments (bill_id, created_at)`);
    // The status query's work: attempts still open, oldest first.
    await q.query(`CREATE INDEX bill_payments_open_idx ON bill_payments (created_at) WHERE status = 'initiated'`);

    await q.query(`
      CREATE TABLE payment_refunds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bill_id uuid NOT NULL REFERENCES bills(id),
        bill_payment_id uuid NOT NULL REFERENCES bill_payments(id),
        gateway_refund_id text NOT NULL UNIQUE,
        amount_halalas bigint NOT NULL CHECK (amount_halalas > 0),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX payment_refunds_bill_idx ON payment_refunds (bill_id)`);

    await q.query(`
      CREATE TABLE payment_events (
        event_id text PRIMARY KEY,
        type text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE ledger_entries (
        id bigserial PRIMARY KEY,
        movement uuid NOT NULL,
        bill_id uuid NOT NULL REFERENCES bills(id),
        kind text NOT NULL CHECK (kind IN ('ISSUED','PAID','REFUNDED','CANCELLED','EXPIRED')),
        account text NOT NULL CHECK (account IN ('RECEIVABLE','REVENUE','GATEWAY')),
        amount_halalas bigint NOT NULL CHECK (amount_halalas <> 0),
        reference text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ledger_entries_bill_idx ON ledger_entries (bill_id, id)`);
    await q.query(`CREATE INDEX ledger_entries_day_idx ON ledger_entries (created_at, account)`);
    await q.query(`
      CREATE FUNCTION ledger_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are never changed or deleted' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_immutable()`);
    await q.query(`
      CREATE FUNCTION ledger_movement_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT sum(amount_halalas) FROM ledger_entries WHERE movement = NEW.movement) <> 0 THEN
          RAISE EXCEPTION 'ledger movement % does not balance', NEW.movement USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_movement_balanced AFTER INSERT ON ledger_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_movement_balanced()`);

    // The daily reconciliation with the gateway's settlement report: one row per day, its totals
    // on both sides and every difference found.
    await q.query(`
      CREATE TABLE payment_reconciliations (
        day date PRIMARY KEY,
        checked_at timestamptz NOT NULL,
        gateway_paid bigint NOT NULL,
        gateway_refunded bigint NOT NULL,
        adl_paid bigint NOT NULL,
        adl_refunded bigint NOT NULL,
        differences jsonb NOT NULL,
        matched boolean NOT NULL
      )`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V7));
    await q.query(`ALTER TABLE lawsuits DROP CONSTRAINT lawsuits_state_check`);
    await q.query(lawsuitStates([...LAWSUIT_STATES, 'AWAITING_PAYMENT']));
    // Legal aid: the court waived the filing fee, for this reason (its decision).
    await q.query(`ALTER TABLE lawsuits ADD COLUMN fee_waiver_reason text`);
    // Receipts of payments and refunds, through the documents pipeline.
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(documentKinds([...DOCUMENT_KINDS, 'PAYMENT_RECEIPT', 'REFUND_RECEIPT']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await q.query(documentKinds(DOCUMENT_KINDS));
    await q.query(`ALTER TABLE lawsuits DROP CONSTRAINT lawsuits_state_check`);
    await q.query(lawsuitStates(LAWSUIT_STATES));
    await q.query(`ALTER TABLE lawsuits DROP COLUMN fee_waiver_reason`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(kindCheck(NOTIFICATION_KINDS_V6));
    await q.query(`DROP TABLE payment_reconciliations`);
    await q.query(`DROP TABLE ledger_entries`);
    await q.query(`DROP FUNCTION ledger_movement_balanced()`);
    await q.query(`DROP FUNCTION ledger_entries_immutable()`);
    await q.query(`DROP TABLE payment_events`);
    await q.query(`DROP TABLE payment_refunds`);
    await q.query(`DROP TABLE bill_payments`);
    await q.query(`DROP TABLE bills`);
    await q.query(`DROP SEQUENCE bill_numbers`);
  }
}
