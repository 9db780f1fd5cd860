/**
 * The medium tier: the project's real services in a Nest application context — the API's own
 * modules (CoreModule and DOMAIN_MODULES of api.module.ts) without GraphQL and without HTTP —
 * against the real PostgreSQL and Redis. Each spec file gets a database of its own, cloned from
 * the migrated and seeded template (global-setup.ts), and a Redis prefix of its own, so files run
 * side by side. A spec acts through services with a context for any actor: `m.as(userId)` loads
 * the actor as a request would, `m.system()` is anonymous (a job), and scenarios reach any state.
 */
import { DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { AuthLevel } from '../../src/access/actor';
import { DOMAIN_MODULES } from '../../src/api.module';
import { Clock } from '../../src/core/clock/clock';
import { AdlConfig, loadConfig } from '../../src/core/config/config';
import type { RequestContext } from '../../src/access/context/request-context';
import { CoreModule } from '../../src/core/core.module';
import { SCHEMA } from '../../src/registry';
import { DomainError } from '../../src/core/errors/domain-error';
import { PinoNestLogger, rootLogger } from '../../src/core/logging/logger';
import { SEED_ADMIN, SEED_USERS } from '../../src/seed/seed-data';
import type { RoleKey } from '../harness';
import { Host } from '../scenario/host';
import { personById, type Person } from '../scenario/people';
import { cloneTemplate, dropDatabase, MEDIUM_REDIS_SUFFIX, withDatabase } from './database';

@Module({})
class MediumModule {
  static forRoot(config: AdlConfig): DynamicModule {
    return { module: MediumModule, imports: [CoreModule.forRoot(config, SCHEMA), ...DOMAIN_MODULES] };
  }
}

/** The API's services in an application context, on the database and Redis prefix of `config`. */
export function createMediumApp(config: AdlConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(MediumModule.forRoot(config), {
    logger: new PinoNestLogger(rootLogger(config.logLevel)),
    abortOnError: false,
  });
}

export class Medium {
  private readonly host: Host;

  constructor(
    readonly app: INestApplicationContext,
    readonly config: AdlConfig,
    /** This file's database. */
    readonly database: string,
  ) {
    this.host = Host.of(app);
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  get clock(): Clock {
    return this.app.get(Clock);
  }

  /** An anonymous context: a job, or a public read. */
  system(): RequestContext {
    return this.host.system();
  }

  /** The context of a user — a scenario's person, a user id, or a seeded role key (`'clerk'`) — loaded as a request loads it. */
  async as(who: string | Person, authLevel?: AuthLevel): Promise<RequestContext> {
    if (typeof who !== 'string') return who.ctx();
    if (/^[0-9a-f-]{36}$/.test(who)) return this.host.as(who, authLevel);
    return (await this.seeded(who as RoleKey)).ctx();
  }

  /** A seeded user (seed-data.ts) by role key, as a person of the scenarios. */
  async seeded(key: RoleKey): Promise<Person> {
    const nationalId = key === 'admin' ? SEED_ADMIN.nationalId : SEED_USERS.find((u) => u.key === key)!.nationalId;
    const [row] = await this.db.query<{ id: string }[]>('SELECT id FROM users WHERE national_id = $1', [nationalId]);
    return personById(this.host, row.id);
  }

  async close(): Promise<void> {
    this.clock.reset();
    await this.app.close();
    await dropDatabase(this.config.databaseUrl, this.database);
    await deleteKeys(this.config.redisUrl, this.config.redisPrefix);
  }
}

/** Starts the medium tier for a spec file: a fresh database cloned from the template, the services on it. */
export async function startMedium(env: Record<string, string> = {}): Promise<Medium> {
  const testUrl = process.env.DATABASE_URL!;
  const database = await cloneTemplate(testUrl);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: withDatabase(testUrl, database),
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}${MEDIUM_REDIS_SUFFIX}-${database}`,
    // No HTTP server here: the gateway's webhooks find nobody, and payments are learnt by the status query.
    PAYMENT_CALLBACK_BASE_URL: 'http://127.0.0.1:9',
    ...env,
  });
  try {
    return new Medium(await createMediumApp(config), config, database);
  } catch (err) {
    await dropDatabase(testUrl, database);
    throw err;
  }
}

/** Deletes every Redis key under a prefix. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The code of the domain error `work` is refused with (it fails the test if `work` succeeds). */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal, and it succeeded');
}
