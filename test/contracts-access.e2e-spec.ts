/**
 * Access control of notarized contracts, end to end: every caller against every contract
 * operation (one table), each on a contract in the state the operation needs, plus the lists and
 * the masking of national IDs. Expectations follow docs/domain.md ("People and roles"):
 * - the parties draft, read, sign and agree to cancel; the drafter amends and submits;
 * - a NOTARY of the office drafts, amends, submits and notarizes, and reads its contracts;
 * - a JUDGE voids, only by a final judgment of their own circuit;
 * - anyone verifies by number and code.
 *
 * Refusals never tell whether a hidden contract exists: anonymous → UNAUTHENTICATED; a caller
 * holding no rule for the operation → FORBIDDEN before any contract is looked at; a caller from
 * whom the contract is hidden → NOT_FOUND; one who sees it but may not act → FORBIDDEN. Every
 * seeded staff member is also a CITIZEN (in their own name); SYSTEM_ADMIN is not.
 *
 * The contracts (a sale of the seller to the buyer, both with two-factor authentication) and the
 * final judgments are reached with the scenario builder; the operation under test goes over HTTP.
 */
import { maskNationalId } from '../src/core/validation/national-id';
import { courtWithStaff, CourtFixture } from './factories/courts';
import {
  CANCEL,
  CONTRACT,
  contentOf,
  DRAFT,
  MINE,
  NOTARIZE,
  officeId,
  saleInput,
  SIGN,
  SUBMIT,
  UPDATE,
  VERIFY,
  VOID,
} from './factories/contracts';
import { nationalId, registerCitizen, uniqueCode } from './factories/people';
import { GqlResponse, startApp, TestApp } from './harness';
import type { Person } from './scenario/people';
import { Chain, scenario } from './scenario/scenario';

type Data = Record<string, any>;

const CALLERS = {
  anonymous: 'anonymous',
  drafter: 'CITIZEN (party, drafted it)',
  party: 'CITIZEN (the other party)',
  stranger: 'CITIZEN (unrelated)',
  lawyer: 'LAWYER (no power of attorney)',
  judge: 'JUDGE of the circuit of the final judgment',
  otherJudge: 'JUDGE of another circuit',
  clerk: 'CLERK',
  courtAdmin: 'COURT_ADMIN',
  prosecutor: 'PROSECUTOR',
  notary: 'NOTARY of the office',
  otherNotary: 'NOTARY of another office',
  admin: 'SYSTEM_ADMIN',
} as const;
type Caller = keyof typeof CALLERS;
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
const ALL = Object.keys(CALLERS) as Caller[];

/** The state an operation needs its contract in. */
type Stage = 'none' | 'draft' | 'awaiting' | 'signed' | 'notarized';

/**
 * ok: who succeeds; forbidden: who is told FORBIDDEN (holds no rule, or sees the contract but may
 * not act); everyone else signed in: NOT_FOUND; anonymous: UNAUTHENTICATED (or ok when public).
 */
function outcomes(ok: Caller[], forbidden: Caller[], publicOp = false): Record<Caller, Outcome> {
  return Object.fromEntries(
    ALL.map((c) => [
      c,
      ok.includes(c) ? 'ok' : c === 'anonymous' ? (publicOp ? 'ok' : 'UNAUTHENTICATED') : forbidden.includes(c) ? 'FORBIDDEN' : 'NOT_FOUND',
    ]),
  ) as Record<Caller, Outcome>;
}
/** Everyone but the system administrator holds the CITIZEN role, so passes the first gate of party acts. */
const NOT_NOTARIES: Caller[] = ALL.filter((c) => !['notary', 'otherNotary', 'anonymous'].includes(c));
const NOT_JUDGES: Caller[] = ALL.filter((c) => !['judge', 'otherJudge', 'anonymous'].includes(c));

describe('contract access: every role against every operation', () => {
  let t: TestApp;
  let fx: CourtFixture;
  let office: string;
  let seller: Person;
  let buyer: Person;
  const tokens = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    fx = await courtWithStaff(t);
    office = await officeId(t);
    ({ seller, buyer } = (await scenario(t.app).seller().buyer()).actors);
    const admin = await t.token('admin');
    const other = (
      await t.ok(
        'mutation($i: CreateOfficeInput!) { createNotaryOffice(input: $i) { id } }',
        { i: { code: uniqueCode('NO'), nameAr: 'كتابة عدل أخرى', nameEn: 'Another Notary Office', city: 'Jeddah' } },
        admin,
      )
    ).createNotaryOffice.id;
    const otherNotaryId = nationalId();
    await t.ok(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          nationalId: otherNotaryId,
          nameAr: 'كاتب عدل آخر',
          nameEn: 'Other Notary',
          password: 'Staff-Pass-2026',
          roles: [],
          memberships: [{ role: 'NOTARY', notaryOfficeId: other }],
        },
      },
      admin,
    );
    tokens.set('anonymous', undefined);
    tokens.set('drafter', seller.token);
    tokens.set('party', buyer.token);
    tokens.set('stranger', (await registerCitizen(t)).token);
    tokens.set('judge', fx.judge.token);
    tokens.set('otherNotary', await t.login(otherNotaryId, 'Staff-Pass-2026'));
    for (const [caller, key] of [
      ['lawyer', 'lawyer'],
      ['otherJudge', 'judge'],
      ['clerk', 'clerk'],
      ['courtAdmin', 'courtAdmin'],
      ['prosecutor', 'prosecutor'],
      ['notary', 'notary'],
      ['admin', 'admin'],
    ] as const) {
      tokens.set(caller, await t.token(key));
    }
  });
  afterAll(async () => {
    await t.close();
  });
  // The clock only moves forward here: one-time codes are accepted only for a later time step than the last one used.

  /** How far the scenario takes a sale for each stage. */
  const STAGES: Record<Exclude<Stage, 'none'>, (c: Chain) => Chain> = {
    draft: (c) => c.contractDrafted(),
    awaiting: (c) => c.awaitingSignatures(),
    // Signed by every party, its notary fee paid: what the notary notarizes.
    signed: (c) => c.contractSigned().notaryFeePaid(),
    notarized: (c) => c.contractNotarized(),
  };

  /** A sale drafted by the seller, brought to `stage` (as the seller reads it); none for an operation that needs no contract. */
  async function contractAt(stage: Stage): Promise<Data> {
    if (stage === 'none') return {};
    const s = await STAGES[stage](scenario(t.app).seller(seller).buyer(buyer));
    return (await t.ok(CONTRACT, { id: s.contractId }, seller.token)).contract;
  }

  /** The one who acts for a caller who signs: the seller and the buyer have two-factor enabled. */
  const otpFor = async (caller: Caller) => (caller === 'drafter' ? seller.otp() : caller === 'party' ? buyer.otp() : '123456');

  /** A final judgment of the fixture's circuit, in a lawsuit of the buyer against the seller. */
  const finalJudgment = async () => (await scenario(t.app).court(fx).claimant(buyer).defendant(seller).final()).judgmentId;

  interface Operation {
    stage: Stage;
    expect: Record<Caller, Outcome>;
    run: (c: Data, caller: Caller, token: string | undefined) => Promise<GqlResponse>;
  }

  let judgmentId: string;
  const OPERATIONS: Record<string, Operation> = {
    draftContract: {
      stage: 'none',
      // Staff are citizens: they may draft contracts of their own, not this one (the admin has no rule at all).
      expect: outcomes(
        ['drafter', 'party', 'notary'],
        ALL.filter((c) => !['drafter', 'party', 'notary', 'anonymous'].includes(c)),
      ),
      run: (_c, _caller, token) => t.gql(DRAFT, { i: saleInput(office, seller.nationalId, buyer.nationalId) }, token),
    },
    contract: {
      stage: 'awaiting',
      expect: outcomes(['drafter', 'party', 'notary'], ['admin']),
      run: (c, _caller, token) => t.gql(CONTRACT, { id: c.id }, token),
    },
    updateContractDraft: {
      stage: 'draft',
      expect: outcomes(['drafter', 'notary'], ['party', 'admin']),
      run: (c, _caller, token) =>
        t.gql(UPDATE, { i: { id: c.id, version: c.version, ...contentOf(saleInput(office, seller.nationalId, buyer.nationalId)) } }, token),
    },
    submitContractForSignature: {
      stage: 'draft',
      expect: outcomes(['drafter', 'notary'], ['party', 'admin']),
      run: (c, _caller, token) => t.gql(SUBMIT, { id: c.id }, token),
    },
    signContract: {
      stage: 'awaiting',
      // The notary reads the contract but is no party.
      expect: outcomes(['drafter', 'party'], ['notary', 'admin']),
      run: async (c, caller, token) => t.gql(SIGN, { i: { id: c.id, otp: await otpFor(caller) } }, token),
    },
    notarizeContract: {
      stage: 'signed',
      expect: outcomes(['notary'], NOT_NOTARIES),
      run: (c, _caller, token) => t.gql(NOTARIZE, { id: c.id }, token),
    },
    requestContractCancellation: {
      stage: 'notarized',
      expect: outcomes(['drafter', 'party'], ['notary', 'admin']),
      run: async (c, caller, token) => t.gql(CANCEL, { i: { id: c.id, otp: await otpFor(caller) } }, token),
    },
    voidContract: {
      stage: 'notarized',
      // A judge may void only by a final judgment of their own circuit; another circuit's judgment is not found.
      expect: outcomes(['judge'], NOT_JUDGES),
      run: (c, _caller, token) => t.gql(VOID, { i: { number: c.number, judgmentId, reason: 'حكم نهائي ببطلان العقد' } }, token),
    },
    myContracts: {
      stage: 'awaiting',
      // Lists answer for everyone with a read rule (filtered: see below); the admin holds none.
      expect: outcomes(
        ALL.filter((c) => c !== 'admin' && c !== 'anonymous'),
        ['admin'],
      ),
      run: (_c, _caller, token) => t.gql(MINE, {}, token),
    },
    verifyContract: {
      stage: 'notarized',
      expect: outcomes(ALL, [], true),
      run: (c, _caller, token) => t.gql(VERIFY, { n: c.number, c: c.verificationCode }, token),
    },
  };

  for (const [name, op] of Object.entries(OPERATIONS)) {
    it(`${name}: ${ALL.filter((c) => op.expect[c] === 'ok').join(', ')} may; the others are refused without learning anything`, async () => {
      if (name === 'voidContract') judgmentId = await finalJudgment();
      // Refused callers all try the same contract (a refusal changes nothing); each allowed one gets its own.
      const shared = await contractAt(op.stage);
      const seen: Record<string, Outcome> = {};
      for (const caller of ALL) {
        const target = op.expect[caller] === 'ok' ? await contractAt(op.stage) : shared;
        const res = await op.run(target, caller, tokens.get(caller));
        seen[caller] = res.errors?.length ? (res.errors[0].extensions.code as Outcome) : 'ok';
      }
      expect(seen).toEqual(op.expect);
      if (op.stage !== 'none') {
        const after = (await t.ok(CONTRACT, { id: shared.id }, seller.token)).contract;
        expect({ state: after.state, version: after.version, signatures: after.signatures.length }).toEqual({
          state: shared.state,
          version: shared.version,
          signatures: shared.signatures.length,
        });
      }
    });
  }

  it('lists only the contracts a caller is party to, drafted, or holds by office', async () => {
    const c = await contractAt('awaiting');
    const ids = async (caller: Caller) => (await t.ok(MINE, {}, tokens.get(caller))).myContracts.edges.map((e: Data) => e.node.id);
    for (const caller of ['drafter', 'party', 'notary'] as Caller[]) expect(await ids(caller)).toContain(c.id);
    for (const caller of ['stranger', 'lawyer', 'judge', 'otherJudge', 'clerk', 'courtAdmin', 'prosecutor', 'otherNotary'] as Caller[]) {
      expect(await ids(caller)).not.toContain(c.id);
    }
  });

  it('shows national IDs in full to the parties and the notaries of the office only', async () => {
    const c = await contractAt('notarized');
    const shown = (await t.ok(CONTRACT, { id: c.id }, buyer.token)).contract.parties.map((p: Data) => p.nationalId);
    expect(shown).toEqual([seller.nationalId, buyer.nationalId]);
    expect((await t.ok(CONTRACT, { id: c.id }, tokens.get('notary'))).contract.parties[0].nationalId).toBe(seller.nationalId);
    // The judge who voids it sees the contract it returns, with masked numbers.
    judgmentId = await finalJudgment();
    const voided = await t.ok(
      `mutation($i: VoidContractInput!) { voidContract(input: $i) { state parties { nationalId } } }`,
      { i: { number: c.number, judgmentId, reason: 'حكم نهائي ببطلان العقد' } },
      fx.judge.token,
    );
    expect(voided.voidContract.parties.map((p: Data) => p.nationalId)).toEqual([
      maskNationalId(seller.nationalId),
      maskNationalId(buyer.nationalId),
    ]);
  });
});
