import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lawsuits and hearings: filings with parties, claims and attachments, gapless case numbers per
 * court and Hijri year, court fees from a schedule kept as data, and hearings that the database
 * itself keeps from overlapping for one circuit or one judge.
 */
export class Lawsuits1764000000000 implements MigrationInterface {
  name = 'Lawsuits1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const categories = `'CIVIL','COMMERCIAL','LABOR','PERSONAL_STATUS','CRIMINAL'`;

    // Court fees as data: tiers of the claimed amount, a cap, the reduction when settled after the
    // first hearing, and the exempt categories. The schedule in force on the filing date applies.
    await q.query(`
      CREATE TABLE fee_schedules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        effective_from date NOT NULL UNIQUE,
        tiers jsonb NOT NULL,
        cap numeric(14,2) NOT NULL,
        settlement_reduction numeric(5,4) NOT NULL CHECK (settlement_reduction BETWEEN 0 AND 1),
        exempt_categories text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO fee_schedules (effective_from, tiers, cap, settlement_reduction, exempt_categories) VALUES
      ('2020-01-01',
       '[{"upTo": 50000, "rate": 0.05}, {"upTo": 500000, "rate": 0.04}, {"upTo": 5000000, "rate": 0.03}, {"upTo": null, "rate": 0.02}]',
       1000000, 0.5, '{CRIMINAL,PERSONAL_STATUS,EXECUTION}')`);

    await q.query(`
      CREATE TABLE case_number_counters (
        court_id uuid NOT NULL REFERENCES courts(id),
        hijri_year integer NOT NULL,
        last_seq integer NOT NULL,
        PRIMARY KEY (court_id, hijri_year)
      )`);

    await q.query(`
      CREATE TABLE lawsuits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        court_id uuid NOT NULL REFERENCES courts(id),
        circuit_id uuid REFERENCES circuits(id),
        category text NOT NULL CHECK (category IN (${categories})),
        subject text NOT NULL,
        facts text NOT NULL,
        sealed boolean NOT NULL DEFAULT false,
        state text NOT NULL CHECK (state IN ('DRAFT','SUBMITTED','RETURNED','REJECTED','REGISTERED','IN_HEARINGS',
          'JUDGMENT_ISSUED','OBJECTED','APPEAL_DECIDED','FINAL','EXECUTION_REQUESTED','CLOSED','WITHDRAWN','SETTLED','STRUCK_OFF')),
        filed_by uuid NOT NULL REFERENCES users(id),
        prosecution_office_id uuid REFERENCES prosecution_offices(id),
        case_number text UNIQUE,
        case_year integer,
        case_seq integer,
        claimed_amount numeric(14,2) NOT NULL DEFAULT 0,
        fee_amount numeric(14,2) NOT NULL DEFAULT 0,
        fee_exempt boolean NOT NULL DEFAULT false,
        return_reason text,
        reject_reason text,
        submitted_at timestamptz,
        registered_at timestamptz,
        decided_at timestamptz,
        closed_at timestamptz,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(subject, ''))) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (court_id, case_year, case_seq),
        CHECK ((case_number IS NULL) = (case_seq IS NULL)),
        CHECK ((category = 'CRIMINAL') = (prosecution_office_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX lawsuits_court_idx ON lawsuits (court_id, state, created_at DESC, id)`);
    await q.query(`CREATE INDEX lawsuits_circuit_idx ON lawsuits (circuit_id, state, created_at DESC, id) WHERE circuit_id IS NOT NULL`);
    await q.query(`CREATE INDEX lawsuits_filed_by_idx ON lawsuits (filed_by, created_at DESC)`);
    await q.query(
      `CREATE INDEX lawsuits_office_idx ON lawsuits (prosecution_office_id, created_at DESC) WHERE prosecution_office_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX lawsuits_created_idx ON lawsuits (created_at DESC, id)`);
    await q.query(`CREATE INDEX lawsuits_search_idx ON lawsuits USING gin (search)`);

    await q.query(`
      CREATE TABLE lawsuit_parties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id) ON DELETE CASCADE,
        side text NOT NULL CHECK (side IN ('CLAIMANT','DEFENDANT')),
        kind text NOT NULL CHECK (kind IN ('PERSON','ORGANIZATION')),
        user_id uuid REFERENCES users(id),
        national_id char(10),
        organization_number text,
        name_ar text NOT NULL,
        name_en text NOT NULL,
        representative_id uuid REFERENCES users(id),
        power_of_attorney_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'PERSON') = (national_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX lawsuit_parties_lawsuit_idx ON lawsuit_parties (lawsuit_id)`);
    await q.query(`CREATE INDEX lawsuit_parties_user_idx ON lawsuit_parties (user_id, lawsuit_id) WHERE user_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX lawsuit_parties_rep_idx ON lawsuit_parties (representative_id, lawsuit_id) WHERE representative_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX lawsuit_parties_national_id_idx ON lawsuit_parties (national_id) WHERE national_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE lawsuit_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        description text NOT NULL,
        amount numeric(14,2) CHECK (amount IS NULL OR amount > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (lawsuit_id, position)
      )`);

    await q.query(`
      CREATE TABLE lawsuit_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lawsuit_attachments_lawsuit_idx ON lawsuit_attachments (lawsuit_id)`);

    await q.query(`
      CREATE TABLE hearings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lawsuit_id uuid NOT NULL REFERENCES lawsuits(id),
        circuit_id uuid NOT NULL REFERENCES circuits(id),
        judge_id uuid REFERENCES users(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('IN_PERSON','REMOTE')),
        room text,
        meeting_link text,
        state text NOT NULL CHECK (state IN ('SCHEDULED','HELD','POSTPONED','CANCELLED')),
        postponement_reason text,
        next_hearing_id uuid REFERENCES hearings(id),
        previous_hearing_id uuid REFERENCES hearings(id),
        minutes text,
        held_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK ((mode = 'IN_PERSON' AND room IS NOT NULL) OR (mode = 'REMOTE' AND meeting_link IS NOT NULL)),
        -- Two live hearings of one circuit, or of one judge, never overlap, however they are scheduled.
        CONSTRAINT hearings_circuit_no_overlap EXCLUDE USING gist
          (circuit_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (state IN ('SCHEDULED','HELD')),
        CONSTRAINT hearings_judge_no_overlap EXCLUDE USING gist
          (judge_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (judge_id IS NOT NULL AND state IN ('SCHEDULED','HELD'))
      )`);
    await q.query(`CREATE INDEX hearings_lawsuit_idx ON hearings (lawsuit_id, starts_at)`);
    await q.query(`CREATE INDEX hearings_circuit_day_idx ON hearings (circuit_id, starts_at)`);
    await q.query(`CREATE INDEX hearings_judge_day_idx ON hearings (judge_id, starts_at) WHERE judge_id IS NOT NULL`);

    for (const table of ['fee_schedules', 'lawsuits', 'lawsuit_parties', 'lawsuit_claims', 'lawsuit_attachments', 'hearings']) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'hearings',
      'lawsuit_attachments',
      'lawsuit_claims',
      'lawsuit_parties',
      'lawsuits',
      'case_number_counters',
      'fee_schedules',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
