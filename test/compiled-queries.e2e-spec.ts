/**
 * Compiled queries (core/graphql/compiled-queries.ts): the same queries, sent to an API that runs
 * them compiled and to one that runs them through Apollo's own execution
 * (GRAPHQL_COMPILED_QUERIES=off), must answer byte for byte alike — data, masking and errors.
 */
import { CompiledQueries } from '../src/core/graphql/compiled-queries';
import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { startApp, TestApp } from './harness';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';

const riyadhDay = (d: Date) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10);

/** The status and body text of one request, as the client gets them. */
async function raw(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, text: await res.text() };
}

/** Each request carries its own id in its errors; everything else must be equal. */
const withoutRequestIds = (text: string) => text.replace(/"requestId":"[^"]*"/g, '"requestId":"…"');

describe('compiled queries', () => {
  let on: TestApp;
  let off: TestApp;
  let fx: CourtFixture;
  let claimant: Person;
  let lawsuit: { id: string; caseNumber: string };
  let day: string;
  const counts = () => ({ ...on.app.get(CompiledQueries).counts });

  beforeAll(async () => {
    on = await startApp();
    off = await startApp({ GRAPHQL_COMPILED_QUERIES: 'off' });
    fx = await courtWithStaff(on);
    // A registered case of the fixture court, against someone with no account, with one hearing scheduled.
    const s = await scenario(on.app)
      .court(fx)
      .defendant({ account: false })
      .hearingScheduled({ at: workingSlot(9, 10), room: 'قاعة ٢' });
    claimant = s.actors.claimant;
    lawsuit = { id: s.lawsuitId, caseNumber: s.caseNumber };
    day = riyadhDay(s.hearingAt);
  });
  afterAll(async () => {
    await on.close();
    await off.close();
  });

  it('answers queries exactly as Apollo does, for each reader, and by the compiled form', async () => {
    const cases: [string, string, Record<string, unknown>, string | undefined][] = [
      [
        'the docket with its cases and parties',
        'query D($i: DocketInput!) { docket(input: $i) { id startsAt endsAt state mode room minutes lawsuit { caseNumber parties { nameEn nationalId side } } } }',
        { i: { from: day } },
        fx.judge.token,
      ],
      [
        'a lawsuit with fragments, aliases, @include and __typename',
        `query L($id: ID!, $withClaims: Boolean!) { case: lawsuit(id: $id) { __typename ...Head claims @include(if: $withClaims) { position amount }
           hearings { state startsAt } parties { side nationalId } } }
         fragment Head on Lawsuit { id caseNumber state feeAmount nextEvents }`,
        { id: lawsuit.id, withClaims: true },
        fx.clerk.token,
      ],
      [
        "the claimant's own lawsuit (their national ID unmasked, the defendant's masked)",
        'query($id: ID!) { lawsuit(id: $id) { caseNumber parties { side nationalId nameAr } } }',
        { id: lawsuit.id },
        claimant.token,
      ],
      [
        'the lawsuits connection',
        'query($f: LawsuitsFilter) { lawsuits(first: 5, filter: $f) { edges { cursor node { id caseNumber subject } } pageInfo { hasNextPage endCursor } } }',
        { f: { courtId: fx.court.id } },
        fx.clerk.token,
      ],
      [
        'the public cause list',
        'query($c: String!, $d: String!) { causeList(courtCode: $c, date: $d) { caseNumber startsAt room } }',
        { c: fx.court.code, d: day },
        undefined,
      ],
      [
        "the claimant's notices",
        '{ notifications(first: 3) { edges { node { kind titleEn } } } unreadNotificationCount }',
        {},
        claimant.token,
      ],
      ['courts, signed out', '{ courts { code nameAr circuits { code specialization } } }', {}, undefined],
      ['me', '{ me { id nationalId roles } }', {}, fx.judge.token],
    ];
    for (const [what, query, variables, token] of cases) {
      const before = counts();
      const compiled = await raw(on, query, variables, token);
      const apollo = await raw(off, query, variables, token);
      expect({ what, ...compiled }).toEqual({ what, ...apollo });
      expect(JSON.parse(compiled.text).errors).toBeUndefined();
      expect(counts().answered).toBe(before.answered + 1);
      expect(counts().handedBack).toBe(before.handedBack);
    }
    // The docket answered something worth comparing.
    const docket = JSON.parse((await raw(on, cases[0][1], cases[0][2], fx.judge.token)).text).data.docket;
    expect(docket).toHaveLength(1);
    expect(docket[0].lawsuit.caseNumber).toBe(lawsuit.caseNumber);
  });

  it('compiles a document once and reuses it', async () => {
    const query = 'query Once($id: ID!) { lawsuit(id: $id) { id state } }';
    const before = counts();
    for (let i = 0; i < 3; i++) await on.ok(query, { id: lawsuit.id }, fx.clerk.token);
    expect(counts().compiled).toBe(before.compiled + 1);
    expect(counts().answered).toBe(before.answered + 3);
  });

  it('hands a query with an error back to Apollo, so the error is exactly as before', async () => {
    const cases: [string, Record<string, unknown>, string | undefined][] = [
      // NOT_FOUND from a resolver
      ['query($id: ID!) { lawsuit(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, fx.clerk.token],
      // BAD_USER_INPUT from the validation of the input, naming the field
      ['query($i: DocketInput!) { docket(input: $i) { id } }', { i: { from: '8 December' } }, fx.judge.token],
      // a variable of the wrong type (Apollo answers 400)
      ['query($first: Int) { lawsuits(first: $first) { edges { cursor } } }', { first: 'many' }, fx.clerk.token],
      // FORBIDDEN: a citizen reading the docket
      ['query($i: DocketInput!) { docket(input: $i) { id } }', { i: { from: day } }, claimant.token],
    ];
    for (const [query, variables, token] of cases) {
      const before = counts();
      const compiled = await raw(on, query, variables, token);
      const apollo = await raw(off, query, variables, token);
      expect(JSON.parse(compiled.text).errors?.length).toBeGreaterThan(0);
      expect({ status: compiled.status, text: withoutRequestIds(compiled.text) }).toEqual({
        status: apollo.status,
        text: withoutRequestIds(apollo.text),
      });
      expect(counts().answered).toBe(before.answered);
    }
  });

  it('leaves mutations to Apollo', async () => {
    const before = counts();
    await on.ok(
      'mutation($i: SendCourtNoticeInput!) { sendCourtNotice(input: $i) { recipients } }',
      { i: { lawsuitId: lawsuit.id, titleAr: 'تنبيه', titleEn: 'Notice', bodyAr: 'نص التنبيه', bodyEn: 'The text of the notice' } },
      fx.clerk.token,
    );
    expect(counts()).toEqual(before);
  });

  it('is off when GRAPHQL_COMPILED_QUERIES=off', async () => {
    const before = { ...off.app.get(CompiledQueries).counts };
    await off.ok('{ me { id } }', {}, fx.judge.token);
    expect(off.app.get(CompiledQueries).counts).toEqual(before);
    expect(before).toEqual({ compiled: 0, answered: 0, handedBack: 0 });
  });
});
