/**
 * Once per run of the medium tier: the template every spec file's database is cloned from —
 * recreated, migrated, seeded through the services (as `npm run seed` does), with a pool of
 * registered citizens for scenarios to hand out (so that a spec does not hash a password for every
 * party) — and nothing left of an earlier run (clones, Redis keys of the tier); then the stand-in
 * services (test/setup/stand-ins.ts), which the medium specs of registration talk to.
 */
import { migrate } from '../../src/migrate';
import { loadConfig } from '../../src/core/config/config';
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { UsersService } from '../../src/identity/users.service';
import { seed } from '../../src/seed/seed';
import { nationalId } from '../factories/people';
import { CITIZEN_PASSWORD, POOL_NAME_EN } from '../scenario/people';
import { startStandIns } from '../setup/stand-ins';
import { testEnv } from '../setup/test-env';
import { adminClient, dropClones, MEDIUM_REDIS_SUFFIX, mediumNames, withDatabase } from './database';
import { createMediumApp, deleteKeys } from './medium';
import type { INestApplicationContext } from '@nestjs/common';

/** Citizens each spec file's database starts with, unused (the medium specs need fewer than this each). */
const POOL_SIZE = 32;

export default async function mediumGlobalSetup(): Promise<void> {
  const env = testEnv();
  const { template } = mediumNames(env.DATABASE_URL);
  const templateUrl = withDatabase(env.DATABASE_URL, template);
  await dropClones(env.DATABASE_URL);
  const admin = await adminClient(env.DATABASE_URL);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await migrate(templateUrl);
  const config = loadConfig({
    ...process.env,
    ...env,
    DATABASE_URL: templateUrl,
    REDIS_PREFIX: `${env.REDIS_PREFIX}${MEDIUM_REDIS_SUFFIX}`,
  });
  const app = await createMediumApp(config);
  try {
    await seed(app, env);
    await registerPool(app);
  } finally {
    // Closed before any clone: PostgreSQL copies a template no one is connected to.
    await app.close();
  }
  await deleteKeys(env.REDIS_URL, `${env.REDIS_PREFIX}${MEDIUM_REDIS_SUFFIX}`);
  await startStandIns(env.PUBLIC_BASE_URL);
}

/** Registers the pool, a few at a time (argon2 hashes on the thread pool). */
async function registerPool(app: INestApplicationContext): Promise<void> {
  const users = app.get(UsersService);
  const ctx = app.get(RequestContextFactory).forActor('medium-pool', null);
  for (let i = 0; i < POOL_SIZE; i += 4) {
    await Promise.all(
      [0, 1, 2, 3].map((j) =>
        users.enrolCitizen(
          ctx,
          {
            nationalId: nationalId(),
            nameAr: 'مواطن مسجل',
            nameEn: `${POOL_NAME_EN} ${String(i + j).padStart(3, '0')}`,
            password: CITIZEN_PASSWORD,
          },
          { verifiedBy: 'test_fixture' },
        ),
      ),
    );
  }
}
