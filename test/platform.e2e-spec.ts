import { randomUUID } from 'node:crypto';
/**
 * The platform edge, over HTTP: health (with the worker's browser), request ids, the error
 * shape, query limits, batching, body size, production hardening, anonymous public queries,
 * and that schema.gql matches the schema the app serves.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { createWorkerApp } from '../src/app';
import { loadConfig } from '../src/core/config/config';
import { printAppSchema, schemaFilePath } from '../src/print-schema';
import { rootLogger } from '../src/core/logging/logger';
import { nationalId } from './factories/people';
import { startApp, TestApp } from './harness';
import { expectNoInternals, getJson, nested, postRaw } from './support/platform';

const COURTS = '{ courts { code } }';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('schema.gql', () => {
    it('matches the schema the application serves', () => {
      const file = schemaFilePath();
      const committed = (() => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return '';
        }
      })();
      const served = printAppSchema(t.app);
      if (committed !== served) {
        const a = committed.split('\n');
        const b = served.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        const where = line < 0 ? b.length : line;
        throw new Error(
          `${file} is stale or missing: it differs from the schema the API serves. Run \`npm run build && npm run schema\` and keep the result.\n` +
            `First difference at line ${where + 1}:\n  schema.gql: ${a[where] ?? '(end of file)'}\n  served:     ${b[where] ?? '(end of schema)'}`,
        );
      }
    });
  });

  describe('health', () => {
    const secretPassword = 'Pg-Secret-Pw-4711';
    const jwtSecret = 'health-test-jwt-secret-0123456789-abcdef';
    let h: TestApp;
    let env: Record<string, string>;
    beforeAll(async () => {
      // A password in the URL (PostgreSQL trusts local connections, so it is ignored) and a Redis
      // prefix of its own, so that the heartbeat seen is this test's worker's.
      const db = new URL(process.env.DATABASE_URL!);
      db.password = secretPassword;
      env = {
        DATABASE_URL: db.toString(),
        REDIS_PREFIX: `${process.env.REDIS_PREFIX}-health-${process.pid}-${Date.now()}`,
        JWT_SECRET: jwtSecret,
      };
      h = await startApp(env);
    });
    afterAll(async () => {
      await h?.close();
    });

    function expectNoSecrets(text: string): void {
      for (const secret of [secretPassword, jwtSecret, env.DATABASE_URL, process.env.REDIS_URL!, 'postgres://', 'redis://']) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/password|secret|jwt/i);
    }

    it('answers 200 with PostgreSQL and Redis up, and the browser unknown while no worker runs', async () => {
      const res = await getJson(`${h.url}/health`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'degraded',
        postgres: { status: 'up' },
        redis: { status: 'up' },
        worker: { browser: { state: 'unknown' } },
      });
      expect(typeof res.body.postgres.latencyMs).toBe('number');
      expectNoSecrets(res.text);
    });

    it('reports the browser up once a worker has launched Chromium, and no longer after it stops', async () => {
      const started = Date.now();
      const worker: INestApplicationContext = await createWorkerApp(loadConfig({ ...process.env, ...env }));
      try {
        let body: any = null;
        for (let i = 0; i < 100; i++) {
          body = (await getJson(`${h.url}/health`)).body;
          if (body?.worker?.browser?.state === 'up') break;
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(body).toMatchObject({
          status: 'ok',
          postgres: { status: 'up' },
          redis: { status: 'up' },
          worker: { browser: { state: 'up', error: null } },
        });
        expect(Date.parse(body.worker.browser.reportedAt)).toBeGreaterThanOrEqual(started - 1000);
        expectNoSecrets(JSON.stringify(body));
      } finally {
        await worker.close();
      }
      const after = await getJson(`${h.url}/health`);
      expect(after.status).toBe(200);
      expect(after.body.worker.browser.state).toBe('unknown');
    });
  });

  describe('request ids', () => {
    it('stamps every response with x-request-id, fresh per request', async () => {
      const a = await t.gql(COURTS);
      const b = await t.gql(COURTS);
      expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.headers.get('x-request-id')).not.toBe(a.headers.get('x-request-id'));
      const health = await getJson(`${t.url}/health`);
      expect(health.headers.get('x-request-id')).toBeTruthy();
    });

    it('echoes a well-formed incoming X-Request-Id and carries it in error extensions', async () => {
      const id = `trace-${Date.now()}-abc.def:1`;
      const ok = await t.gql(COURTS, {}, undefined, { 'X-Request-Id': id });
      expect(ok.headers.get('x-request-id')).toBe(id);
      const failed = await t.gql('{ me { id } }', {}, undefined, { 'X-Request-Id': id });
      expect(failed.headers.get('x-request-id')).toBe(id);
      expect(failed.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: id });
    });

    it('replaces a malformed incoming id with a fresh one', async () => {
      for (const bad of ['short', 'has spaces in it', 'x'.repeat(200), 'semi;colon;id']) {
        const res = await t.gql(COURTS, {}, undefined, { 'X-Request-Id': bad });
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('carries the request id on GraphQL validation errors too', async () => {
      const res = await t.gql('{ courts { nope } }');
      expect(res.errors![0].extensions.requestId).toBe(res.headers.get('x-request-id'));
    });
  });

  describe('error shape', () => {
    it('answers BAD_USER_INPUT naming the offending fields', async () => {
      const res = await t.gql('mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { user { id } } }', {
        input: { registrationId: randomUUID(), code: '123456', password: 'short', email: 'not-an-email' },
      });
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual(['input.email', 'input.password']);
      expect(res.errors![0].extensions.fields!.every((f) => typeof f.message === 'string' && f.message.length > 0)).toBe(true);
      expect(res.errors![0].extensions.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('answers BAD_USER_INPUT for an unknown field, a wrong argument type and a syntax error', async () => {
      const unknown = await t.gql('{ courts { code nope } }');
      expect(unknown.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(unknown.errors![0].message).toMatch(/nope/);
      expect(unknown.data).toBeNull();
      expect(await t.code('{ court(code: 42) { code } }')).toBe('BAD_USER_INPUT');
      expect(await t.code('{ courts { code }')).toBe('BAD_USER_INPUT');
      expect(await t.code('query($f: CourtsFilter) { courts(filter: $f) { code } }', { f: { type: 'NOT_A_TYPE' } })).toBe('BAD_USER_INPUT');
    });

    it('suggests field names outside production', async () => {
      const res = await t.gql('{ courts { cod } }');
      expect(res.errors![0].message).toMatch(/Did you mean "code"/);
    });

    it('answers NOT_FOUND for a court that does not exist', async () => {
      expect(await t.code('{ court(code: "NOPE-XX") { code } }')).toBe('NOT_FOUND');
    });

    it('answers an unexpected fault with INTERNAL_SERVER_ERROR, a request id the logs carry, and no SQL or stack', async () => {
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const logger = rootLogger();
      const logged = jest.spyOn(logger, 'error');
      try {
        await admin.query('ALTER TABLE courts RENAME TO courts_renamed');
        const res = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'en' },
          body: JSON.stringify({ query: '{ courts { code nameEn } }' }),
        });
        const text = await res.text();
        const body = JSON.parse(text) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
        expect(body.errors).toHaveLength(1);
        expect(body.errors[0].message).toBe('An unexpected error occurred.');
        expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
        const requestId = body.errors[0].extensions.requestId;
        expect(requestId).toBe(res.headers.get('x-request-id'));
        expect(Object.keys(body.errors[0].extensions).sort()).toEqual(['code', 'requestId']);
        expect(text).not.toContain('courts_renamed');
        expectNoInternals(text);
        // The server side keeps the cause, under the same request id.
        expect(logged).toHaveBeenCalledWith(expect.objectContaining({ requestId, err: expect.any(Error) }), 'unexpected fault');
      } finally {
        logged.mockRestore();
        await admin.query('ALTER TABLE IF EXISTS courts_renamed RENAME TO courts');
        await admin.end();
      }
      expect((await t.ok(COURTS)).courts.length).toBeGreaterThan(0);
    });
  });

  describe('query limits', () => {
    it('refuses a query deeper than the depth limit with QUERY_TOO_COMPLEX, and accepts one within it', async () => {
      await t.ok(nested(6));
      const res = await t.gql(nested(14));
      expect(res.data).toBeFalsy();
      expect(res.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].message).toMatch(/depth/i);
      expect(res.errors![0].extensions.requestId).toBe(res.headers.get('x-request-id'));
    });

    it('refuses more aliases than the limit with QUERY_TOO_COMPLEX', async () => {
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: courts { code }`).join(' ')} }`;
      const within = await t.ok(aliases(5));
      expect(Object.keys(within)).toHaveLength(5);
      const res = await t.gql(aliases(30));
      expect(res.data).toBeFalsy();
      expect(res.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].message).toMatch(/alias/i);
    });

    it('refuses a query above the cost limit with QUERY_TOO_COMPLEX, before authentication is even looked at', async () => {
      const res = await t.gql('{ auditTrail(first: 100000) { edges { node { action } } } }');
      expect(res.data).toBeFalsy();
      expect(res.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].message).toMatch(/cost/i);
    });

    it('refuses a query with too many tokens with QUERY_TOO_COMPLEX', async () => {
      const res = await t.gql(`{ courts { ${Array.from({ length: 3500 }, () => 'code').join(' ')} } }`);
      expect(res.errors![0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    });
  });

  describe('HTTP', () => {
    it('refuses a batched request (a JSON array of operations) and executes none of it', async () => {
      const batch = [
        {
          query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
          variables: { input: { nationalId: nationalId(), password: 'Citizen-Pass-2026' } },
        },
        { query: COURTS },
      ];
      const res = await postRaw(`${t.url}/graphql`, JSON.stringify(batch));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      // Neither ran: no court, and no refused sign-in.
      expect(res.text).not.toContain('RYD-GEN');
      expect(res.text).not.toContain('UNAUTHENTICATED');
      expectNoInternals(res.text);
    });

    it('answers 413 to a body over the limit (about 2 MB)', async () => {
      const body = JSON.stringify({ query: COURTS, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
      const res = await postRaw(`${t.url}/graphql`, body);
      expect(res.status).toBe(413);
      expectNoInternals(res.text);
    });

    it('refuses a GET query without a CSRF-safe header (csrfPrevention)', async () => {
      const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(COURTS)}`);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('RYD-GEN');
    });
  });

  describe('production mode', () => {
    let p: TestApp;
    beforeAll(async () => {
      p = await startApp({ NODE_ENV: 'production', JWT_SECRET: 'production-test-secret-0123456789-abcdefgh' });
    });
    afterAll(async () => {
      await p?.close();
    });

    it('creates no account with a password the administrator chose: staff are invited', async () => {
      const admin = await p.token('admin');
      const res = await p.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { nationalId: nationalId(), nameAr: 'موظف', nameEn: 'Staff', password: 'Chosen-By-Admin-1', roles: [], memberships: [] } },
        admin,
      );
      expect(res.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(res.errors![0].message).toMatch(/inviteStaff/);
    });

    it('refuses introspection', async () => {
      const res = await p.gql('{ __schema { types { name } } }');
      expect(res.data?.__schema).toBeFalsy();
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res)).not.toContain('"Court"');
      const type = await p.gql('{ __type(name: "Court") { fields { name } } }');
      expect(type.data?.__type).toBeFalsy();
      expect(type.errors?.length).toBeGreaterThan(0);
    });

    it('gives no field suggestions', async () => {
      const res = await p.gql('{ courts { cod } }');
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).not.toMatch(/Did you mean/i);
      expect(JSON.stringify(res.errors)).not.toMatch(/"code"\?/);
    });

    it('serves no landing page or sandbox on GET /graphql', async () => {
      // As a browser asks, and with the header that lets a GET past CSRF prevention.
      const asked: Record<string, string>[] = [
        { accept: 'text/html' },
        { accept: 'text/html,application/xhtml+xml', 'apollo-require-preflight': 'true' },
      ];
      for (const headers of asked) {
        const res = await fetch(`${p.url}/graphql`, { headers });
        const text = await res.text();
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers.get('content-type')).not.toMatch(/html/);
        expect(text).not.toMatch(/<html|<!doctype|sandbox|graphiql|embeddable|<script/i);
      }
    });

    it('still answers public queries', async () => {
      expect((await p.ok(COURTS)).courts.length).toBeGreaterThan(0);
    });

    it('in development/test mode introspection works', async () => {
      const data = await t.ok<{ __schema: { types: { name: string }[] } }>('{ __schema { types { name } } }');
      expect(data.__schema.types.map((x) => x.name)).toEqual(expect.arrayContaining(['Court', 'Circuit', 'Query', 'Mutation']));
    });
  });

  describe('public queries, anonymously', () => {
    it('lists courts', async () => {
      const data = await t.ok('{ courts { id code nameAr nameEn city type } }');
      expect(data.courts.map((c: { code: string }) => c.code)).toEqual(
        expect.arrayContaining(['RYD-GEN', 'RYD-COM', 'JED-GEN', 'DMM-GEN']),
      );
      expect(data.courts.find((c: { code: string }) => c.code === 'RYD-GEN')).toMatchObject({ city: 'Riyadh', type: 'GENERAL' });
    });

    it('filters courts', async () => {
      const data = await t.ok('query($f: CourtsFilter) { courts(filter: $f) { code city } }', { f: { city: 'Jeddah' } });
      expect(data.courts.length).toBeGreaterThan(0);
      expect(data.courts.every((c: { city: string }) => c.city === 'Jeddah')).toBe(true);
    });

    it('answers one court by code with its circuits (and each circuit its court)', async () => {
      const data = await t.ok('{ court(code: "RYD-GEN") { id code nameEn circuits { id code specialization court { code } } } }');
      expect(data.court.code).toBe('RYD-GEN');
      expect(data.court.circuits.length).toBeGreaterThan(0);
      expect(data.court.circuits.every((c: { court: { code: string } }) => c.court.code === 'RYD-GEN')).toBe(true);
      const byId = await t.ok('query($id: ID) { court(id: $id) { code } }', { id: data.court.id });
      expect(byId.court.code).toBe('RYD-GEN');
    });

    it('lists prosecution and notary offices', async () => {
      const data = await t.ok('{ prosecutionOffices { code nameEn city } notaryOffices { code nameEn city } }');
      expect(data.prosecutionOffices.map((o: { code: string }) => o.code)).toContain('RYD-PP');
      expect(data.notaryOffices.map((o: { code: string }) => o.code)).toContain('RYD-NO1');
    });
  });
});
