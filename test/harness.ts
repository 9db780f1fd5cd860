/**
 * Starts the real API (Fastify, GraphQL, PostgreSQL, Redis) on a free port for a spec file,
 * with the demo data seeded, and talks to it over HTTP like any client.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer, type AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp, createWorkerApp } from '../src/app';
import { Clock } from '../src/core/clock/clock';
import { loadConfig } from '../src/core/config/config';
import { seed } from '../src/seed/seed';
import { SEED_ADMIN, SEED_USERS } from '../src/seed/seed-data';
import { Mailbox } from './factories/mailbox';

export interface GqlError {
  message: string;
  path?: string[];
  extensions: { code: string; requestId?: string; fields?: { field: string; message: string }[]; [k: string]: unknown };
}
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  headers: Headers;
}

export const DEMO_PASSWORD = 'Adl-Demo-2026!';
export const ADMIN_PASSWORD = 'Adl-Admin-2026!';

/** The seeded users of seed-data.ts, by key. */
/** Every seeded user's key, in the order of seed-data.ts. */
export const ROLE_KEYS = [
  'admin',
  'citizen',
  'citizen2',
  'resident',
  'lawyer',
  'judge',
  'appealJudge',
  'clerk',
  'courtAdmin',
  'prosecutor',
  'notary',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export class TestApp {
  readonly tokens = new Map<string, string>();

  constructor(
    readonly app: NestFastifyApplication,
    readonly url: string,
  ) {}

  get clock(): Clock {
    return this.app.get(Clock);
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      // English unless a test asks otherwise, so that every assertion on a message reads in one language;
      // test/languages.e2e-spec.ts checks the Arabic default and the negotiation.
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  }

  /** Data of a query that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** The error code of a query that must fail. */
  async code(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<string> {
    const res = await this.gql(query, variables, token);
    if (!res.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
    return res.errors[0].extensions.code;
  }

  async login(nationalId: string, password: string, otp?: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { nationalId, password, ...(otp ? { otp } : {}) } },
    );
    return data.login.accessToken;
  }

  /** A token of a seeded user, by role key (admin, citizen, citizen2, lawyer, judge, clerk, courtAdmin…). */
  async token(key: RoleKey): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const token = await this.freshToken(key);
    this.tokens.set(key, token);
    return token;
  }

  /** A token of a new session of a seeded user, for a call that may end its session (logout). */
  async freshToken(key: RoleKey): Promise<string> {
    return key === 'admin'
      ? await this.login(SEED_ADMIN.nationalId, ADMIN_PASSWORD)
      : await this.login(SEED_USERS.find((u) => u.key === key)!.nationalId, DEMO_PASSWORD);
  }

  async close(): Promise<void> {
    this.clock.reset();
    await this.app.close();
  }
}

export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  // The port is chosen first (or by the spec, in env.PORT): the API tells the payment gateway where its webhooks go.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const config = loadConfig({ ...process.env, PORT: String(port), PAYMENT_CALLBACK_BASE_URL: `http://127.0.0.1:${port}`, ...env });
  const app = await createApiApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  await seed(app);
  return new TestApp(app, `http://127.0.0.1:${port}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppWithWorker {
  t: TestApp;
  worker: INestApplicationContext;
  db: DataSource;
  mailbox: Mailbox;
  close(): Promise<void>;
}

/**
 * The API and a worker on a Redis prefix of their own (so no other spec's worker takes their
 * jobs), with email delivered to a mail stand-in process of its own, and tokens that outlive a moved clock.
 */
export async function startAppWithWorker(name: string, env: Record<string, string> = {}): Promise<AppWithWorker> {
  const mailbox = new Mailbox();
  await mailbox.start();
  const overrides = {
    SMTP_URL: mailbox.url,
    SMTP_FROM: 'Adl Courts <notices@adl.test>',
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}-${name}`,
    JWT_TTL_SECONDS: String(400 * 86_400),
    ...env,
  };
  const t = await startApp(overrides);
  const worker = await startWorker(t, overrides);
  return {
    t,
    worker,
    db: worker.get(DataSource),
    mailbox,
    async close() {
      await worker.close();
      await t.close();
      await mailbox.close();
    },
  };
}

/**
 * A worker for a spec file. The end-to-end files share one database, and files without a worker
 * leave their outbox rows undispatched: those are marked dispatched first, so that this file's
 * worker does not render and deliver every earlier file's documents and notices before its own.
 */
export async function startWorker(t: TestApp, env: Record<string, string> = {}): Promise<INestApplicationContext> {
  await t.app.get(DataSource).query(`UPDATE outbox SET dispatched_at = now() WHERE dispatched_at IS NULL`);
  return createWorkerApp(loadConfig({ ...process.env, ...env }));
}
