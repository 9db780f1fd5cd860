/**
 * Hostile input never makes the API fail: every query and mutation of the schema (read by
 * introspection from the running app) is called with hostile values in every argument and every
 * input field, as variables and inline, anonymously and as every seeded role; no answer may be an
 * INTERNAL_SERVER_ERROR or an HTTP 5xx. The two HTTP routes of documents are probed likewise.
 *
 * The spec runs on a database of its own: hostile-but-valid mutations (a court, a citizen, a
 * profile) change data, and other spec files must not see it.
 */
import { randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery } from 'graphql';
import { Client } from 'pg';
import { migrate } from '../src/migrate';
import { HostileCall, hostileCalls, Operation, operations, PLAUSIBLE, roleCalls } from './factories/hostile-calls';
import { GqlResponse, ROLE_KEYS, RoleKey, startApp, TestApp } from './harness';

const ROLES: readonly RoleKey[] = ROLE_KEYS;
/** Whom the full set of hostile calls of an operation is sent as: the first of these it lets through. */
const PREFERENCE: RoleKey[] = [
  'notary',
  'clerk',
  'judge',
  'courtAdmin',
  'lawyer',
  'citizen',
  'prosecutor',
  'appealJudge',
  'admin',
  'resident',
];
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const CONCURRENCY = 8;
/** Operations that end the caller's session: each such call gets a session of its own. */
const ENDS_SESSION = new Set(['logout']);

interface Answer {
  status: number;
  codes: string[];
}

const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_hostile`;
  return url.toString();
})();

async function dropDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function post(t: TestApp, c: HostileCall, token?: string): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, codes: (body.errors ?? []).map((e) => String(e.extensions?.code)) };
  } catch {
    return { status: res.status, codes: [`not JSON: ${text.slice(0, 80)}`] };
  }
}

/** Runs `work` over `items`, at most `size` at a time. */
async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const isFault = (a: Answer): boolean =>
  a.status >= 500 || a.codes.includes('INTERNAL_SERVER_ERROR') || a.codes.some((c) => c.startsWith('not JSON'));

/** One line per failing operation: how many calls failed, and the first of them. */
function summary(faults: { operation: string; line: string }[]): string[] {
  const byOperation = new Map<string, string[]>();
  for (const f of faults) byOperation.set(f.operation, [...(byOperation.get(f.operation) ?? []), f.line]);
  return [...byOperation].map(([op, lines]) => `${op}: ${lines.length} failing call(s), e.g. ${lines[0]}`).sort();
}

let t: TestApp;
let schema: GraphQLSchema;
let ops: Operation[];
const tokens = new Map<RoleKey, string>();
/** The role each operation's full set of hostile calls is sent as. */
const fullRole = new Map<string, RoleKey | undefined>();

beforeAll(async () => {
  await dropDatabase();
  await migrate(databaseUrl);
  t = await startApp({ DATABASE_URL: databaseUrl, REDIS_PREFIX: `${process.env.REDIS_PREFIX}-hostile` });
  const introspection = await t.ok<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(introspection);
  ops = operations(schema);
  // Every token first: hostile calls may touch the sign-in of seeded users, never before this.
  for (const role of ROLES) tokens.set(role, await t.token(role));
}, 120_000);

afterAll(async () => {
  await t?.close();
  await dropDatabase();
});

describe('GraphQL: hostile input answers an error of the public API, never an internal one', () => {
  it('reads every query and mutation from the schema', () => {
    expect(ops.length).toBeGreaterThan(80);
    expect(ops.map((o) => o.field.name)).toEqual(
      expect.arrayContaining(['document', 'documents', 'user', 'court', 'verifyDocument', 'fileLawsuit']),
    );
  });

  it('anonymous and as every role: the plausible call, every id malformed, every string with a NUL byte or a lone surrogate', async () => {
    const callers: (RoleKey | 'anonymous')[] = ['anonymous', ...ROLES];
    const jobs = ops.flatMap((op) => roleCalls(op).flatMap((c) => callers.map((who) => ({ c, who }))));
    const faults: { operation: string; line: string }[] = [];
    const letThrough = new Map<string, Set<RoleKey>>();
    await pool(jobs, CONCURRENCY, async ({ c, who }) => {
      const token = who === 'anonymous' ? undefined : ENDS_SESSION.has(c.operation) ? await t.freshToken(who) : tokens.get(who);
      const answer = await post(t, c, token);
      if (isFault(answer))
        faults.push({ operation: c.operation, line: `${c.label} as ${who} → ${answer.status} ${answer.codes.join(',')}` });
      if (c.label === PLAUSIBLE && who !== 'anonymous' && !answer.codes.some((code) => REFUSED.has(code))) {
        letThrough.set(c.operation, (letThrough.get(c.operation) ?? new Set()).add(who));
      }
    });
    for (const op of ops) fullRole.set(op.field.name, PREFERENCE.find((r) => letThrough.get(op.field.name)?.has(r)) ?? 'admin');
    expect(summary(faults)).toEqual([]);
  }, 120_000);

  it('every hostile value in every argument and input field, as variables and inline', async () => {
    const jobs = ops.flatMap((op) => hostileCalls(op).map((c) => ({ c, who: fullRole.get(op.field.name) ?? 'admin' })));
    const faults: { operation: string; line: string }[] = [];
    await pool(jobs, CONCURRENCY, async ({ c, who }) => {
      const answer = await post(t, c, ENDS_SESSION.has(c.operation) ? await t.freshToken(who) : tokens.get(who));
      if (isFault(answer))
        faults.push({ operation: c.operation, line: `${c.label} as ${who} → ${answer.status} ${answer.codes.join(',')}` });
    });
    expect(jobs.length).toBeGreaterThan(1000);
    expect(summary(faults)).toEqual([]);
  }, 180_000);
});

describe('what the edge answers', () => {
  const fieldsOf = (res: GqlResponse) => res.errors?.[0].extensions.fields?.map((f) => f.field);

  it.each([
    ['document', 'query($id: ID!) { document(id: $id) { id } }', 'id', 'NOT_FOUND', 'citizen'],
    ['documents', 'query($id: ID!) { documents(instrumentId: $id) { id } }', 'instrumentId', 'none', 'citizen'],
    ['user', 'query($id: ID!) { user(id: $id) { id } }', 'id', 'NOT_FOUND', 'admin'],
    ['court', 'query($id: ID) { court(id: $id) { id } }', 'id', 'NOT_FOUND', 'admin'],
    ['powerOfAttorney', 'query($id: ID!) { powerOfAttorney(id: $id) { id } }', 'id', 'NOT_FOUND', 'citizen'],
    ['submitLawsuit', 'mutation($id: ID!) { submitLawsuit(id: $id) { id } }', 'id', 'NOT_FOUND', 'citizen'],
  ] as const)(
    '%s: BAD_USER_INPUT naming the argument for a malformed id, as a variable or inline; for an unknown one, as before',
    async (_op, query, arg, unknown, role) => {
      const token = tokens.get(role);
      for (const id of ['not-a-uuid', '-'.repeat(36), `${randomUUID()}\u0000`]) {
        const res = await t.gql(query, { id }, token);
        expect(res.status).toBe(400);
        expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: arg, message: 'must be a UUID' }] });
        const inline = await t.gql(query.replace(/^(query|mutation)\(\$id: ID!?\)/, '$1').replace('$id', JSON.stringify(id)), {}, token);
        expect(fieldsOf(inline)).toEqual([arg]);
      }
      const res = await t.gql(query, { id: randomUUID() }, token);
      expect(res.errors?.[0].extensions.code ?? 'none').toBe(unknown);
    },
  );

  it('names an id inside an input object, and a NUL byte or a lone surrogate in any string of it', async () => {
    const REQUEST = 'mutation($i: RequestDocumentInput!) { requestDocument(input: $i) { id } }';
    const request = await t.gql(REQUEST, { i: { kind: 'JUDGMENT', subjectId: 'nope' } }, tokens.get('citizen'));
    expect(request.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.subjectId' }] });
    expect(await t.code(REQUEST, { i: { kind: 'JUDGMENT', subjectId: randomUUID() } }, tokens.get('citizen'))).toBe('NOT_FOUND');

    const COURT = 'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }';
    const court = { code: 'HX-GEN', nameAr: 'محكمة', nameEn: 'Court', type: 'GENERAL', city: 'a\u0000b' };
    const nul = await t.gql(COURT, { i: court }, tokens.get('admin'));
    expect(nul.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.city', message: expect.stringMatching(/NUL/) }],
    });
    const surrogate = await t.gql(COURT, { i: { ...court, city: 'Riyadh', nameEn: 'x\ud800' } }, tokens.get('admin'));
    expect(fieldsOf(surrogate)).toEqual(['input.nameEn']);
    // With what the validation pipe refuses in the same input: every offending field at once.
    const both = await t.gql(COURT, { i: { ...court, code: 'bad code', nameAr: 'م' } }, tokens.get('admin'));
    expect(fieldsOf(both)?.sort()).toEqual(['input.city', 'input.code', 'input.nameAr']);
  });

  it('verification by number and code: a malformed value answers as a wrong code does; a NUL byte is BAD_USER_INPUT', async () => {
    const DOC = 'query($n: String!, $c: String!) { verifyDocument(number: $n, code: $c) { genuine } }';
    const POA = 'query($n: String!, $c: String!) { verifyPowerOfAttorney(number: $n, code: $c) { number } }';
    const CONTRACT = 'query($n: String!, $c: String!) { verifyContract(number: $n, code: $c) { valid } }';
    for (const [n, c] of [
      ['DOC-2026-00000001', 'WRONGCODE123'],
      ['x'.repeat(100_000), 'y'.repeat(100_000)],
      ["' OR 1=1 --", '%_\\'],
      ['', ''],
      ['\u{1F600}', 'كود'],
    ]) {
      expect((await t.ok(DOC, { n, c })).verifyDocument).toEqual({ genuine: false });
      expect(await t.code(POA, { n, c })).toBe('NOT_FOUND');
      expect((await t.ok(CONTRACT, { n, c })).verifyContract).toEqual({ valid: false });
    }
    for (const query of [DOC, POA, CONTRACT]) expect(fieldsOf(await t.gql(query, { n: 'N-1', c: 'a\u0000' }))).toEqual(['code']);
  });
});

describe('HTTP routes: a malformed id, a NUL byte or a surrogate escape answers 404 or 400, never 500', () => {
  const HOSTILE_SEGMENTS = [
    'not-a-uuid',
    '-'.repeat(36),
    'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
    `{${randomUUID()}}`,
    randomUUID().replace(/-/g, ''),
    '%00',
    'a%00b',
    `${randomUUID()}%00`,
    '%ED%A0%80',
    '%uD800',
    '%',
    '%C0%80',
    encodeURIComponent('\u{1F600}'),
  ];
  /** Longer than a path parameter may be: Fastify answers 414 itself. */
  const OVERLONG = 'x'.repeat(5000);

  async function statuses(path: (segment: string) => string, token?: string): Promise<string[]> {
    return Promise.all(
      [...HOSTILE_SEGMENTS, OVERLONG].map(async (segment) => {
        const res = await fetch(`${t.url}${path(segment)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        return `${segment.slice(0, 40)} → ${res.status}`;
      }),
    );
  }

  it('GET /documents/:id/pdf, signed in: 404 (or 400)', async () => {
    const answers = await statuses((s) => `/documents/${s}/pdf`, tokens.get('citizen'));
    expect(answers.filter((s) => !/→ (400|404)$/.test(s))).toEqual([`${OVERLONG.slice(0, 40)} → 414`]);
  });

  it('GET /documents/:id/pdf, anonymous: 401 (or 400, 404)', async () => {
    const answers = await statuses((s) => `/documents/${s}/pdf`);
    expect(answers.filter((s) => !/→ (400|401|404)$/.test(s))).toEqual([`${OVERLONG.slice(0, 40)} → 414`]);
  });

  it('GET /verify/:code: 404 (or 400)', async () => {
    const answers = await statuses((s) => `/verify/${s}`);
    expect(answers.filter((s) => !/→ (400|404)$/.test(s))).toEqual([`${OVERLONG.slice(0, 40)} → 414`]);
  });
});
