/**
 * Start-up checks: before Nest builds anything, make sure PostgreSQL and Redis answer, so that
 * a missing service stops the process with one clear sentence rather than a stack trace.
 */
import { Client } from 'pg';
import Redis from 'ioredis';
import { AdlConfig, ConfigError, describeUrl } from './config';

export async function checkPostgres(config: AdlConfig): Promise<void> {
  const client = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const reason =
      (err as { code?: string; message?: string }).code === '3D000'
        ? 'the database does not exist (run scripts/setup.sh or npm run migrate)'
        : (err as Error).message || String(err);
    throw new ConfigError(`PostgreSQL is not reachable at ${describeUrl(config.databaseUrl)} (DATABASE_URL): ${reason}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(config: AdlConfig): Promise<void> {
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    // BullMQ loses jobs when Redis evicts keys; refuse to run on such a Redis.
    const policy = ((await redis.config('GET', 'maxmemory-policy').catch(() => [])) as string[]) ?? [];
    if (policy[1] && policy[1] !== 'noeviction') {
      throw new ConfigError(
        `Redis at ${describeUrl(config.redisUrl)} (REDIS_URL) has maxmemory-policy ${policy[1]}; set it to noeviction.`,
      );
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(
      `Redis is not reachable at ${describeUrl(config.redisUrl)} (REDIS_URL): ${(err as Error).message || String(err)}.`,
    );
  } finally {
    redis.disconnect();
  }
}
