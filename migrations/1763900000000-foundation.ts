import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: organizations, identity, memberships, the hash-chained audit trail and the
 * transactional outbox. Enumerations are CHECK constraints on text (easy to extend in a later
 * migration); every table has a UUID key and created_at/updated_at.
 */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.updated_at := now(); RETURN NEW; END $$`);

    await q.query(`
      CREATE TABLE courts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,12}(-[A-Z0-9]{2,12})*$'),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        type text NOT NULL CHECK (type IN ('GENERAL','CRIMINAL','PERSONAL_STATUS','COMMERCIAL','LABOR','APPEAL','EXECUTION')),
        city text NOT NULL,
        time_zone text NOT NULL DEFAULT 'Asia/Riyadh',
        work_days smallint[] NOT NULL DEFAULT '{0,1,2,3,4}',
        work_start time NOT NULL DEFAULT '08:00',
        work_end time NOT NULL DEFAULT '15:00',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (work_end > work_start),
        CHECK (work_days <@ '{0,1,2,3,4,5,6}'::smallint[])
      )`);
    await q.query(`CREATE INDEX courts_city_type_idx ON courts (city, type)`);

    await q.query(`
      CREATE TABLE circuits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        court_id uuid NOT NULL REFERENCES courts(id),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{1,20}$'),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        specialization text NOT NULL CHECK (specialization IN ('CIVIL','COMMERCIAL','LABOR','PERSONAL_STATUS','CRIMINAL','APPEAL','EXECUTION')),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (court_id, code)
      )`);
    await q.query(`CREATE INDEX circuits_court_spec_idx ON circuits (court_id, specialization) WHERE active`);

    await q.query(`
      CREATE TABLE court_holidays (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        court_id uuid REFERENCES courts(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        name_ar text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX court_holidays_court_idx ON court_holidays (court_id, starts_on)`);

    for (const table of ['prosecution_offices', 'notary_offices']) {
      await q.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,12}(-[A-Z0-9]{2,12})*$'),
          name_ar text NOT NULL,
          name_en text NOT NULL,
          city text NOT NULL,
          version integer NOT NULL DEFAULT 1,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        )`);
    }

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        national_id char(10) NOT NULL UNIQUE CHECK (national_id ~ '^[12][0-9]{9}$'),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        phone text,
        email text,
        password_hash text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        roles text[] NOT NULL DEFAULT '{CITIZEN}'
          CHECK (roles <@ '{CITIZEN,LAWYER,JUDGE,CLERK,COURT_ADMIN,PROSECUTOR,NOTARY,SYSTEM_ADMIN}'::text[] AND cardinality(roles) > 0),
        lawyer_license text UNIQUE,
        totp_secret text,
        totp_pending_secret text,
        totp_enabled boolean NOT NULL DEFAULT false,
        totp_last_step bigint,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        token_version integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT ('LAWYER' = ANY (roles)) OR lawyer_license IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX users_created_idx ON users (created_at, id)`);
    await q.query(`CREATE INDEX users_email_idx ON users (lower(email))`);

    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('JUDGE','CLERK','COURT_ADMIN','PROSECUTOR','NOTARY')),
        court_id uuid REFERENCES courts(id),
        circuit_id uuid REFERENCES circuits(id),
        prosecution_office_id uuid REFERENCES prosecution_offices(id),
        notary_office_id uuid REFERENCES notary_offices(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (role = 'JUDGE' AND court_id IS NOT NULL AND circuit_id IS NOT NULL AND prosecution_office_id IS NULL AND notary_office_id IS NULL)
          OR (role IN ('CLERK','COURT_ADMIN') AND court_id IS NOT NULL AND circuit_id IS NULL AND prosecution_office_id IS NULL AND notary_office_id IS NULL)
          OR (role = 'PROSECUTOR' AND prosecution_office_id IS NOT NULL AND court_id IS NULL AND circuit_id IS NULL AND notary_office_id IS NULL)
          OR (role = 'NOTARY' AND notary_office_id IS NOT NULL AND court_id IS NULL AND circuit_id IS NULL AND prosecution_office_id IS NULL)
        )
      )`);
    await q.query(`
      CREATE UNIQUE INDEX memberships_unique_idx ON memberships
        (user_id, role, court_id, circuit_id, prosecution_office_id, notary_office_id) NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX memberships_circuit_idx ON memberships (circuit_id) WHERE circuit_id IS NOT NULL`);
    await q.query(`CREATE INDEX memberships_court_idx ON memberships (court_id, role) WHERE court_id IS NOT NULL`);
    // A judge must sit in a circuit of the court named on the membership.
    await q.query(`
      CREATE FUNCTION memberships_check_circuit_court() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.circuit_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM circuits c WHERE c.id = NEW.circuit_id AND c.court_id = NEW.court_id) THEN
          RAISE EXCEPTION 'circuit % does not belong to court %', NEW.circuit_id, NEW.court_id USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER memberships_check_circuit_court BEFORE INSERT OR UPDATE ON memberships
      FOR EACH ROW EXECUTE FUNCTION memberships_check_circuit_court()`);

    // Room for a national single sign-on (OpenID Connect): one row per linked external subject.
    await q.query(`
      CREATE TABLE external_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        provider text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (provider, subject)
      )`);

    for (const table of [
      'courts',
      'circuits',
      'court_holidays',
      'prosecution_offices',
      'notary_offices',
      'users',
      'memberships',
      'external_identities',
    ]) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }

    // Audit trail: append-only, each event chained to the previous one by hash.
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, seq)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)`);
    await q.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
    // The head of the chain: one row, locked by each appending transaction until it commits.
    await q.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);

    // Transactional outbox: rows written with the change, queued after commit.
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic text NOT NULL,
        dedupe_key text UNIQUE,
        payload jsonb NOT NULL,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE dispatched_at IS NULL`);
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('adl_outbox', ''); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'audit_chain_head',
      'audit_events',
      'external_identities',
      'memberships',
      'users',
      'notary_offices',
      'prosecution_offices',
      'court_holidays',
      'circuits',
      'courts',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    for (const fn of ['outbox_notify', 'audit_events_refuse_change', 'memberships_check_circuit_court', 'touch_updated_at']) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}() CASCADE`);
    }
  }
}
