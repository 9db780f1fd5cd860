/**
 * The test environment: its own database (the DATABASE_URL database name + `_test`), its own
 * Redis key prefix (named after that database), quiet logs, and rate limits high enough not to trip the suite (the rate-limit
 * tests start an app with low ones).
 */
/** Adl's client at the national identity provider stand-in the e2e global set-up starts. */
export const NATIONAL_IDP_TEST_CLIENT = { clientId: 'adl-test', clientSecret: 'adl-test-national-idp-secret' };

/** Adl's merchant account at the payment gateway stand-in the global set-up starts. */
export const PAYMENT_GATEWAY_TEST_MERCHANT = { apiKey: 'adl-test-payments-key', webhookSecret: 'adl-test-webhook-secret' };

/** Adl's account at the SMS provider stand-in the global set-up starts. */
export const SMS_TEST_ACCOUNT = { apiKey: 'adl-test-sms-key', webhookSecret: 'adl-test-sms-webhook-secret' };

export function testEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const url = new URL(base.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/adl');
  const name = url.pathname.replace(/^\//, '') || 'adl';
  const database = name.endsWith('_test') ? name : `${name}_test`;
  url.pathname = `/${database}`;
  return {
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: base.REDIS_URL || 'redis://127.0.0.1:6379',
    // Named after the database, so that runs against different databases never share queues.
    REDIS_PREFIX: `adl-test-${database}`,
    LOG_LEVEL: base.TEST_LOG_LEVEL || 'silent',
    JWT_SECRET: 'adl-test-secret-adl-test-secret-0123456789',
    PUBLIC_BASE_URL: 'http://localhost:3999',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
    SEED_ADMIN_PASSWORD: 'Adl-Admin-2026!',
    SEED_DEMO_PASSWORD: 'Adl-Demo-2026!',
  };
}

/**
 * How many end-to-end files run at once (E2E_WORKERS, default 2, as test/setup/e2e-runner.js reads
 * it): each worker slot has a database and a Redis prefix of its own.
 */
export function e2eWorkers(base: NodeJS.ProcessEnv = process.env): number {
  const n = Number(base.E2E_WORKERS || 2);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 2;
}

/**
 * The database and Redis prefix of end-to-end worker slot `slot` (JEST_WORKER_ID): the first keeps
 * the test database's; slot n > 1 uses `<database>_w<n>`, a copy the global set-up makes of the
 * migrated test database, and `<prefix>-w<n>`. The files of one slot share its database, one after another.
 */
export function e2eSlotEnv(env: Record<string, string>, slot: number): Record<string, string> {
  if (slot <= 1) return env;
  const url = new URL(env.DATABASE_URL);
  url.pathname = `${url.pathname}_w${slot}`;
  return { ...env, DATABASE_URL: url.toString(), REDIS_PREFIX: `${env.REDIS_PREFIX}-w${slot}` };
}
