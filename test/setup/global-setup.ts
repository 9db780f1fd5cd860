/**
 * Once per run: a fresh test database, migrated, no Redis keys left from an earlier run, and the
 * national identity provider stand-in on a free port (its URL and Adl's client there go into
 * process.env, which the test workers inherit; global-teardown.ts stops it).
 */
import { createServer } from 'node:net';
import { Client } from 'pg';
import Redis from 'ioredis';
import { migrate } from '../../src/migrate';
import { startNationalIdpStandIn } from '../../src/national-idp-stand-in';
import { NATIONAL_IDP_TEST_CLIENT, testEnv } from './test-env';

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

  const issuer = `http://127.0.0.1:${await freePort()}`;
  const standIn = await startNationalIdpStandIn({ issuer, ...NATIONAL_IDP_TEST_CLIENT, publicBaseUrl: env.PUBLIC_BASE_URL });
  Object.assign(process.env, {
    NATIONAL_IDP_ISSUER: issuer,
    NATIONAL_IDP_CLIENT_ID: NATIONAL_IDP_TEST_CLIENT.clientId,
    NATIONAL_IDP_CLIENT_SECRET: NATIONAL_IDP_TEST_CLIENT.clientSecret,
  });
  (globalThis as { nationalIdpStandIn?: { stop(): Promise<void> } }).nationalIdpStandIn = standIn;
}

/** A port no one listens on now (the stand-in takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
