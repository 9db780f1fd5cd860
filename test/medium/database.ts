/**
 * The medium tier's databases. Once per run, a template: migrated and seeded. Each spec file then
 * works in a clone of it, made by PostgreSQL itself (`CREATE DATABASE … TEMPLATE …`, a file copy,
 * far quicker than migrating and seeding again), and dropped when the file ends. Names derive from
 * the test database (`<name>_test`), so that runs against different databases never meet.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const MEDIUM_REDIS_SUFFIX = '-medium';

/** The template's name and the prefix of every clone's, from the test database's URL. */
export function mediumNames(testDatabaseUrl: string): { template: string; clonePrefix: string } {
  const base = new URL(testDatabaseUrl).pathname.slice(1);
  return { template: `${base}_tpl`, clonePrefix: `${base}_m_` };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A connection to the server's maintenance database, for CREATE and DROP DATABASE. */
export async function adminClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  return client;
}

/** A new database cloned from the template; returns its name. */
export async function cloneTemplate(testDatabaseUrl: string): Promise<string> {
  const { template, clonePrefix } = mediumNames(testDatabaseUrl);
  const name = `${clonePrefix}${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = await adminClient(testDatabaseUrl);
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropDatabase(testDatabaseUrl: string, name: string): Promise<void> {
  const admin = await adminClient(testDatabaseUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Clones a killed run left behind. */
export async function dropClones(testDatabaseUrl: string): Promise<void> {
  const { clonePrefix } = mediumNames(testDatabaseUrl);
  const admin = await adminClient(testDatabaseUrl);
  try {
    const rows = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [clonePrefix]);
    for (const { datname } of rows.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
