/**
 * A lawyer's access to a client's lawsuit through a power of attorney, end to end: the lawyer rows
 * of the lawsuit operations (read it, file for the client, submit a memo, waive the claim, find it
 * in the list) by the state of the power of attorney linking the lawyer to the client — granting
 * the litigation powers, granting other powers only, revoked, expired, withdrawn, or given by
 * someone else. Expectations follow docs/domain.md: an ended power of attorney refuses the act
 * with POWER_OF_ATTORNEY_INACTIVE (and the list no longer holds the case); without the powers the
 * case is hidden (NOT_FOUND), filing for the client is FORBIDDEN, and so is an act whose power was
 * never granted. Every caller against the power-of-attorney operations themselves is proved in
 * poa-access-callers.e2e-spec.ts.
 */
import { lawsuitInput } from './factories/lawsuits';
import { GqlResponse, startApp, TestApp } from './harness';
import type { PoaOptions } from './scenario/notarization';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';
import type { Outcome } from './support/poa';

describe('the lawyer rows of the lawsuit operations, by the power of attorney linking lawyer and client', () => {
  let t: TestApp;
  let courtId: string;
  let lawyer: string;
  /** The seeded lawyer, as the agent of the scenarios. */
  let counsel: Person;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    lawyer = await t.token('lawyer');
    const s = await scenario(t.app)
      .court()
      .agent({ id: (await t.ok('{ me { id } }', {}, lawyer)).me.id });
    courtId = s.courtId;
    counsel = s.actors.agent;
  });
  afterAll(() => t.close());

  type Link = 'granted' | 'other powers only' | 'revoked' | 'expired' | 'withdrawn' | 'none';
  const LINKS: Link[] = ['granted', 'other powers only', 'revoked', 'expired', 'withdrawn', 'none'];
  interface Fixture {
    client: Person;
    lawsuitId: string;
    poaId: string;
  }

  /** A client's case in hearings (filed by the client), and the power of attorney of `link`. */
  async function fixture(link: Link): Promise<Fixture> {
    const s = await scenario(t.app).court().defendant({ account: false }).lawsuit().hearingScheduled();
    const client = s.actors.claimant;
    const powers: PoaOptions['powers'] =
      link === 'other powers only' ? ['RE_SELL', 'BANK_WITHDRAW'] : ['LIT_FILE', 'LIT_ATTEND', 'LIT_SUBMIT_MEMOS'];
    const validTo = link === 'expired' ? new Date(Date.now() + 3600_000) : new Date(Date.now() + 90 * 86_400_000);
    // With no link, someone else gave the lawyer the power of attorney.
    await s
      .principal(link === 'none' ? undefined : client)
      .agent(counsel)
      .poa({ powers, validTo })
      .poaIssuedByNotary();
    if (link === 'revoked') await s.poaRevoked({ reason: 'ended' });
    if (link === 'withdrawn') await s.poaWithdrawn();
    return { client, lawsuitId: s.lawsuitId, poaId: s.poaId };
  }

  const OPS: Record<string, { expect: Record<Link, Outcome>; run: (f: Fixture) => Promise<GqlResponse> }> = {
    'lawsuit (read)': {
      expect: {
        granted: 'OK',
        'other powers only': 'NOT_FOUND',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'NOT_FOUND',
      },
      run: (f) => t.gql('query($id: ID!) { lawsuit(id: $id) { id } }', { id: f.lawsuitId }, lawyer),
    },
    'fileLawsuit for the client': {
      expect: {
        granted: 'OK',
        'other powers only': 'FORBIDDEN',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'FORBIDDEN',
      },
      run: (f) =>
        t.gql(
          'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }',
          { i: lawsuitInput(f.client.nationalId, { courtId, city: undefined, powerOfAttorneyId: f.poaId }) },
          lawyer,
        ),
    },
    'submitMemo (LIT_SUBMIT_MEMOS)': {
      expect: {
        granted: 'OK',
        'other powers only': 'NOT_FOUND',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'NOT_FOUND',
      },
      run: (f) =>
        t.gql(
          'mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id } }',
          { i: { lawsuitId: f.lawsuitId, body: 'مذكرة — a memo by counsel' } },
          lawyer,
        ),
    },
    'waiveClaim (LIT_RECONCILE, never granted)': {
      expect: {
        granted: 'FORBIDDEN',
        'other powers only': 'NOT_FOUND',
        revoked: 'POWER_OF_ATTORNEY_INACTIVE',
        expired: 'POWER_OF_ATTORNEY_INACTIVE',
        withdrawn: 'POWER_OF_ATTORNEY_INACTIVE',
        none: 'NOT_FOUND',
      },
      run: (f) => t.gql('mutation($id: ID!) { waiveClaim(lawsuitId: $id) { state } }', { id: f.lawsuitId }, lawyer),
    },
    'lawsuits (list holds the case)': {
      expect: {
        granted: 'OK',
        'other powers only': 'NOT_FOUND',
        revoked: 'NOT_FOUND',
        expired: 'NOT_FOUND',
        withdrawn: 'NOT_FOUND',
        none: 'NOT_FOUND',
      },
      run: async (f) => {
        const res = await t.gql<any>('{ lawsuits(first: 100) { edges { node { id } } } }', {}, lawyer);
        const listed = res.data?.lawsuits.edges.some((e: any) => e.node.id === f.lawsuitId);
        return listed ? res : { ...res, errors: [{ message: 'not listed', extensions: { code: 'NOT_FOUND' } }] };
      },
    },
  };

  const rows = LINKS.flatMap((link) => Object.entries(OPS).map(([name, op]) => ({ link, name, op, outcome: op.expect[link] })));

  it.each(rows)('lawyer with a power of attorney $link: $name → $outcome', async ({ link, op, outcome }) => {
    const f = await fixture(link);
    if (link === 'expired') t.clock.advance(2 * 3600_000);
    try {
      const res = await op.run(f);
      expect(res.errors?.length ? res.errors[0].extensions.code : 'OK').toBe(outcome);
    } finally {
      t.clock.reset();
    }
  });
});
