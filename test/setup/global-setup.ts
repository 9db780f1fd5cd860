/**
 * Once per run: a fresh test database, migrated, no Redis keys left from an earlier run, and the
 * stand-in services (stand-ins.ts; global-teardown.ts stops them).
 */
import { Client } from 'pg';
import Redis from 'ioredis';
import { migrate } from '../../src/migrate';
import { startStandIns } from './stand-ins';
import { testEnv } from './test-env';

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

  await startStandIns(env.PUBLIC_BASE_URL);
}
