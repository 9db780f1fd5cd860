/**
 * Once per run: a fresh test database, migrated, and a copy of it for each further worker slot
 * (test-env.ts, e2eSlotEnv); no Redis keys left from an earlier run; the stand-in services
 * (stand-ins.ts) and the browser specs' one Chromium (shared-browser.ts); global-teardown.ts stops them.
 */
import { Client } from 'pg';
import Redis from 'ioredis';
import { migrate } from '../../src/migrate';
import { startSharedBrowser } from './shared-browser';
import { startStandIns } from './stand-ins';
import { e2eSlotEnv, e2eWorkers, testEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  const env = testEnv();
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await migrate(env.DATABASE_URL);
  // The other worker slots' databases: copies of the migrated one (e2eSlotEnv).
  const copier = new Client({ connectionString: url.toString() });
  await copier.connect();
  try {
    for (let slot = 2; slot <= e2eWorkers(); slot++) {
      const copy = new URL(e2eSlotEnv(env, slot).DATABASE_URL).pathname.slice(1);
      await copier.query(`DROP DATABASE IF EXISTS "${copy}" WITH (FORCE)`);
      await copier.query(`CREATE DATABASE "${copy}" TEMPLATE "${name}"`);
    }
  } finally {
    await copier.end();
  }

  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }

  await Promise.all([startStandIns(env.PUBLIC_BASE_URL), startSharedBrowser()]);
}
