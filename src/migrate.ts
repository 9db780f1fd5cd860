/**
 * `npm run migrate`: creates the database named by DATABASE_URL when it is missing, then runs
 * every pending migration. Safe to run again.
 */
import { Client } from 'pg';
import { loadConfig, describeUrl } from './core/config/config';
import { createDataSource } from './core/database/data-source';
import { SCHEMA } from './registry';

export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name "${name}" in DATABASE_URL.`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const ds = createDataSource({ databaseUrl }, SCHEMA, 2);
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const config = loadConfig();
  migrate(config.databaseUrl)
    .then((ran) => {
      console.log(
        ran.length
          ? `Migrated ${describeUrl(config.databaseUrl)}: ${ran.join(', ')}`
          : `Database ${describeUrl(config.databaseUrl)} is up to date.`,
      );
    })
    .catch((err: Error) => {
      console.error(`Migration of ${describeUrl(config.databaseUrl)} failed: ${err.message}`);
      process.exit(1);
    });
}
