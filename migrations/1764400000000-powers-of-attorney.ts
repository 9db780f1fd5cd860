import { MigrationInterface, QueryRunner } from 'typeorm';
import { POWER_CATALOGUE_V1 } from '../src/notarization/powers-of-attorney/powers';

/**
 * Powers of attorney (الوكالات): the versioned catalogue of powers (seeded here), the powers of
 * attorney with their principals, agents and granted powers, and the columns with which acts in
 * a lawsuit record the power of attorney an agent relied on.
 */
export class PowersOfAttorney1764400000000 implements MigrationInterface {
  name = 'PowersOfAttorney1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE power_catalogue (
        version int NOT NULL,
        code text NOT NULL,
        domain text NOT NULL CHECK (domain IN ('LITIGATION','REAL_ESTATE','VEHICLES','BANKS','COMPANIES','GOVERNMENT')),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        position int NOT NULL,
        PRIMARY KEY (version, code)
      )`);
    // Rows of a published version never change: a power of attorney keeps the wording it was issued with.
    await q.query(`
      CREATE FUNCTION power_catalogue_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'power_catalogue rows are immutable; publish a new version'; END $$`);
    await q.query(
      `CREATE TRIGGER power_catalogue_frozen BEFORE UPDATE OR DELETE ON power_catalogue FOR EACH ROW EXECUTE FUNCTION power_catalogue_frozen()`,
    );
    await q.query(
      `INSERT INTO power_catalogue (version, code, domain, name_ar, name_en, position)
       SELECT 1, x.code, x.domain, x.name_ar, x.name_en, x.position
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, domain text, name_ar text, name_en text, position int)`,
      [
        JSON.stringify(
          POWER_CATALOGUE_V1.map((p, i) => ({ code: p.code, domain: p.domain, name_ar: p.nameAr, name_en: p.nameEn, position: i + 1 })),
        ),
      ],
    );

    await q.query(`CREATE SEQUENCE power_of_attorney_number_seq`);
    await q.query(`
      CREATE TABLE powers_of_attorney (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        verification_hash bytea NOT NULL,
        verification_sealed text NOT NULL,
        issuance text NOT NULL CHECK (issuance IN ('NOTARY','SELF','DELEGATION')),
        notary_office_id uuid REFERENCES notary_offices(id),
        issued_by uuid NOT NULL REFERENCES users(id),
        parent_id uuid REFERENCES powers_of_attorney(id),
        delegated_by_agent_id uuid,
        replicated_from_id uuid REFERENCES powers_of_attorney(id),
        catalogue_version int NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL,
        can_delegate boolean NOT NULL DEFAULT false,
        state text NOT NULL CHECK (state IN ('DRAFT','ACTIVE','REVOKED','EXPIRED','LAPSED','WITHDRAWN')),
        confirm_by timestamptz,
        activated_at timestamptz,
        ended_at timestamptz,
        end_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to > valid_from),
        CHECK ((issuance = 'NOTARY') = (notary_office_id IS NOT NULL)),
        CHECK ((issuance = 'DELEGATION') = (parent_id IS NOT NULL)),
        CHECK (state <> 'DRAFT' OR confirm_by IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX poa_parent_idx ON powers_of_attorney (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX poa_office_idx ON powers_of_attorney (notary_office_id, created_at DESC, id) WHERE notary_office_id IS NOT NULL`,
    );
    // What the sweep looks for: active ones past their end, drafts past their confirmation window.
    await q.query(`CREATE INDEX poa_expiry_idx ON powers_of_attorney (valid_to) WHERE state = 'ACTIVE'`);
    await q.query(`CREATE INDEX poa_lapse_idx ON powers_of_attorney (confirm_by) WHERE state = 'DRAFT'`);

    await q.query(`
      CREATE TABLE poa_principals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poa_id uuid NOT NULL REFERENCES powers_of_attorney(id) ON DELETE CASCADE,
        national_id char(10) NOT NULL,
        user_id uuid REFERENCES users(id),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        position int NOT NULL,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (poa_id, national_id)
      )`);
    await q.query(`CREATE INDEX poa_principals_nid_idx ON poa_principals (national_id, poa_id)`);

    await q.query(`
      CREATE TABLE poa_agents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poa_id uuid NOT NULL REFERENCES powers_of_attorney(id) ON DELETE CASCADE,
        national_id char(10) NOT NULL,
        user_id uuid REFERENCES users(id),
        name_ar text NOT NULL,
        name_en text NOT NULL,
        position int NOT NULL,
        lawyer_license text,
        state text NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE','WITHDRAWN','REVOKED')),
        ended_at timestamptz,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (poa_id, national_id)
      )`);
    // Agents are looked up on every request (their agencies travel with the actor).
    await q.query(`CREATE INDEX poa_agents_nid_idx ON poa_agents (national_id, poa_id)`);
    await q.query(`CREATE INDEX poa_agents_user_idx ON poa_agents (user_id, poa_id) WHERE user_id IS NOT NULL`);
    await q.query(`ALTER TABLE powers_of_attorney ADD FOREIGN KEY (delegated_by_agent_id) REFERENCES poa_agents(id)`);

    await q.query(`
      CREATE TABLE poa_powers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poa_id uuid NOT NULL REFERENCES powers_of_attorney(id) ON DELETE CASCADE,
        catalogue_version int NOT NULL,
        code text NOT NULL,
        position int NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (poa_id, code),
        FOREIGN KEY (catalogue_version, code) REFERENCES power_catalogue(version, code)
      )`);

    for (const table of ['powers_of_attorney', 'poa_principals', 'poa_agents', 'poa_powers']) {
      await q.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    }

    // Acts in a lawsuit done by an agent name the power of attorney they relied on.
    await q.query(`ALTER TABLE lawsuit_parties ADD FOREIGN KEY (power_of_attorney_id) REFERENCES powers_of_attorney(id)`);
    for (const table of ['memos', 'claim_waivers', 'objections', 'execution_requests', 'hearing_attendance']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN power_of_attorney_id uuid REFERENCES powers_of_attorney(id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['memos', 'claim_waivers', 'objections', 'execution_requests', 'hearing_attendance']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS power_of_attorney_id`);
    }
    await q.query(`ALTER TABLE lawsuit_parties DROP CONSTRAINT IF EXISTS lawsuit_parties_power_of_attorney_id_fkey`);
    await q.query(`ALTER TABLE powers_of_attorney DROP CONSTRAINT IF EXISTS powers_of_attorney_delegated_by_agent_id_fkey`);
    await q.query(`DROP TABLE IF EXISTS poa_powers, poa_agents, poa_principals, powers_of_attorney`);
    await q.query(`DROP SEQUENCE IF EXISTS power_of_attorney_number_seq`);
    await q.query(`DROP TABLE IF EXISTS power_catalogue`);
    await q.query(`DROP FUNCTION IF EXISTS power_catalogue_frozen()`);
  }
}
