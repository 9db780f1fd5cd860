/**
 * The generation of the docket data set, step by step on one connection: the organizations and the plan
 * (bench/docket-data-plan.ts), the three big tables loaded without their secondary indexes and constraints, which are
 * then recreated from their catalogue definitions (as pg_restore does) and so checked against the whole data set at
 * once, the outcomes (bench/docket-data-fill.ts), and VACUUM ANALYZE.
 */
import { Client } from 'pg';
import { type DatasetSpec, GENERATION_STATEMENT_TIMEOUT, type Log, seconds, withClient } from './docket-data-common';
import { load, outcomes } from './docket-data-fill';
import { organizations, plan } from './docket-data-plan';

const BIG_TABLES = ['lawsuits', 'lawsuit_parties', 'hearings'];

interface Definition {
  table: string;
  name: string;
  type: string;
  def: string;
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Recreates `definitions` on `concurrency` connections of their own (index builds are CPU-bound), in the given order
 * but never waiting on a lock: ADD CONSTRAINT takes its table exclusively, so a connection takes the first definition
 * whose table is free enough for it. Logs the statements that take a while.
 */
async function recreate(databaseUrl: string, definitions: Definition[], concurrency: number, log: Log): Promise<void> {
  const queue = [...definitions];
  const running = new Map<string, { exclusive: boolean; count: number }>();
  let wake: () => void = () => undefined;
  const changed = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  const exclusive = (d: Definition): boolean => d.type !== 'i';
  const takeable = (d: Definition): boolean => {
    const busy = running.get(d.table);
    return !busy || (!busy.exclusive && !exclusive(d));
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, () =>
      withClient(databaseUrl, async (c) => {
        await c.query(`SET maintenance_work_mem = '512MB'; SET statement_timeout = '${GENERATION_STATEMENT_TIMEOUT}'`);
        while (queue.length) {
          const index = queue.findIndex(takeable);
          if (index === -1) {
            await changed();
            continue;
          }
          const [next] = queue.splice(index, 1);
          const busy = running.get(next.table) ?? { exclusive: false, count: 0 };
          running.set(next.table, { exclusive: busy.exclusive || exclusive(next), count: busy.count + 1 });
          const started = performance.now();
          try {
            await c.query(next.type === 'i' ? next.def : `ALTER TABLE ${next.table} ADD CONSTRAINT ${ident(next.name)} ${next.def}`);
          } finally {
            const after = running.get(next.table)!;
            if (after.count === 1) running.delete(next.table);
            else running.set(next.table, { exclusive: false, count: after.count - 1 });
            wake();
          }
          if (performance.now() - started > 10_000) log(`    ${next.name}: ${seconds(started)} s`);
        }
      }),
    ),
  );
}

export async function generate(spec: DatasetSpec, log: Log): Promise<void> {
  const client = new Client({ connectionString: spec.databaseUrl, application_name: 'adl-bench-docket' });
  await client.connect();
  const step = async (what: string, sql: string, params: unknown[] = []): Promise<number> => {
    const started = performance.now();
    const res = await client.query(sql, params);
    log(`  ${what}: ${res.rowCount ?? 0} rows, ${seconds(started)} s`);
    return res.rowCount ?? 0;
  };
  try {
    await client.query(`SET temp_buffers = '1GB'`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET statement_timeout = '${GENERATION_STATEMENT_TIMEOUT}'`);
    await client.query(`SET TIME ZONE 'UTC'`);

    await organizations(client, step);
    await plan(client, spec, step);

    const defs = await secondaryDefinitions(client);
    const started = performance.now();
    for (const d of defs.constraints.filter((c) => c.type === 'f'))
      await client.query(`ALTER TABLE ${d.table} DROP CONSTRAINT ${ident(d.name)}`);
    for (const d of defs.constraints.filter((c) => c.type !== 'f'))
      await client.query(`ALTER TABLE ${d.table} DROP CONSTRAINT ${ident(d.name)}`);
    for (const d of defs.indexes) await client.query(`DROP INDEX ${d.name}`);
    log(`  dropped ${defs.indexes.length} indexes and ${defs.constraints.length} constraints of ${BIG_TABLES.join(', ')} for the load`);

    await load(client, step);

    const rebuilt = performance.now();
    // The exclusion constraints (GiST, the slowest builds, and exclusive on hearings) first, the other indexes beside them;
    // the foreign keys once every index they may use is back.
    const rank = (d: Definition): number => ({ x: 0, u: 1, i: 2 })[d.type as 'x' | 'u' | 'i'];
    await recreate(
      spec.databaseUrl,
      [...defs.constraints.filter((c) => c.type !== 'f'), ...defs.indexes].sort((a, b) => rank(a) - rank(b)),
      2,
      log,
    );
    await recreate(
      spec.databaseUrl,
      defs.constraints.filter((c) => c.type === 'f'),
      1,
      log,
    );
    log(`  recreated and checked the indexes and constraints: ${seconds(rebuilt)} s (load and rebuild ${seconds(started)} s)`);

    await outcomes(client, step);

    const vacuumed = performance.now();
    await client.query(`RESET statement_timeout`);
    await client.query(
      'VACUUM (ANALYZE) courts, circuits, users, memberships, lawsuits, lawsuit_parties, hearings, judgments, judgment_party_services, objections, case_number_counters',
    );
    log(`  VACUUM ANALYZE: ${seconds(vacuumed)} s`);
  } finally {
    await client.end();
  }
}

/** The secondary indexes and the foreign-key, unique and exclusion constraints of the big tables, as the catalogue defines them. */
async function secondaryDefinitions(client: Client): Promise<{ indexes: Definition[]; constraints: Definition[] }> {
  const constraints = await client.query<Definition>(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype::text AS type, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) AND contype IN ('f','u','x') ORDER BY conrelid::regclass::text, conname`,
    [BIG_TABLES],
  );
  const indexes = await client.query<Definition>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, 'i' AS type, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p','u','x'))
      ORDER BY pg_relation_size(i.indexrelid) DESC, 2`,
    [BIG_TABLES],
  );
  return { indexes: indexes.rows, constraints: constraints.rows };
}
