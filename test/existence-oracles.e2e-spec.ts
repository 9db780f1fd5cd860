/**
 * No existence oracles: for every query and mutation of the schema (read by introspection) that
 * takes an id, a national ID or a number naming a record, and for every seeded role and anonymous,
 * an existing record the caller may not see answers exactly like a random one that does not exist
 * — the same code, the same message, the same fields. The places are classified below, each into
 * the kind of record it names or a reason why it names nothing to hide; a new operation with an
 * unclassified place fails the first test. One existing record per kind is reached with the
 * scenario builder; a role that may see it (its read query answers) is not asked about it.
 */
import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLSchema,
  IntrospectionQuery,
  isListType,
  isNonNullType,
} from 'graphql';
import { nationalId } from './factories/people';
import { baseArgs, call, Operation, operations, places, withValueAt } from './factories/hostile-calls';
import { ROLE_KEYS, RoleKey, startApp, TestApp } from './harness';
import { scenario } from './scenario/scenario';
import { SettlementsService } from '../src/litigation/settlements/settlements.service';

type Kind =
  | 'lawsuit'
  | 'hearing'
  | 'party'
  | 'judgment'
  | 'contract'
  | 'contractNumber'
  | 'contractParty'
  | 'poa'
  | 'poaAgent'
  | 'document'
  | 'notification'
  | 'user'
  | 'membership'
  | 'bill'
  | 'settlement';

/** What `id` (an argument, or `input.id`) names, by operation; null: a public organization. */
const ID_OF: Record<string, Kind | null> = {
  bill: 'bill',
  payBill: 'bill',
  contract: 'contract',
  court: null,
  document: 'document',
  lawsuit: 'lawsuit',
  powerOfAttorney: 'poa',
  user: 'user',
  confirmPowerOfAttorney: 'poa',
  correctLawsuit: 'lawsuit',
  delegatePowerOfAttorney: 'poa',
  discardContractDraft: 'contract',
  markNotificationRead: 'notification',
  notarizeContract: 'contract',
  removeHoliday: null,
  removeMembership: 'membership',
  replicatePowerOfAttorney: 'poa',
  requestContractCancellation: 'contract',
  refuseContract: 'contract',
  reviewLawsuit: 'lawsuit',
  setCourtroomActive: null,
  revokePowerOfAttorney: 'poa',
  signContract: 'contract',
  submitContractForSignature: 'contract',
  submitLawsuit: 'lawsuit',
  updateCircuit: null,
  updateContractDraft: 'contract',
  updateCourt: null,
  withdrawFromPowerOfAttorney: 'poa',
  withdrawLawsuit: 'lawsuit',
};

/** What other places name, by their own name; null: a public organization (anyone reads it). */
const BY_NAME: Record<string, Kind | null> = {
  lawsuitId: 'lawsuit',
  instrumentId: 'lawsuit',
  hearingId: 'hearing',
  partyId: 'party',
  partyIds: 'party',
  settlementId: 'settlement',
  judgmentId: 'judgment',
  subjectId: 'judgment', // requestDocument, with kind JUDGMENT (BASE below)
  powerOfAttorneyId: 'poa',
  userId: 'user',
  judgeId: 'user',
  onBehalfOfNationalId: 'contractParty',
  agentNationalIds: 'poaAgent',
  courtId: null,
  circuitId: null,
  courtroomId: null,
  notaryOfficeId: null,
  prosecutionOfficeId: null,
};

/** Places that name no record to hide, and why. Matched against `operation:path`. */
const NOTHING_TO_HIDE: [RegExp, string][] = [
  [
    /^(lawsuits|users|auditTrail|courtStatistics|notaryOfficePowersOfAttorney):filter\./,
    'a list filter only narrows what the caller may see',
  ],
  [
    /:input\.(claimants|defendants|parties|principals|agents|terms\.companyFormation\.shares)\.0\.(nationalId|signatoryNationalId|organizationNumber)$/,
    'names a person or organization in what the caller writes; nobody is looked up',
  ],
  [/^(draftContract|updateContractDraft):input\.terms\.\w+\.deedNumber$/, 'a deed number written into the terms; nothing is looked up'],
  [/^verify(Contract|Document|PowerOfAttorney):number$/, 'public verification: an unknown number answers as a wrong code does'],
  [/^login:input\.nationalId$/, 'sign-in: an unknown national ID answers and costs as a wrong password does'],
  [
    /^startCitizenRegistration:input\.nationalId$/,
    'the registry must match it with the birth date; an existing account answers as a new one does (test/medium/registration.medium-spec.ts)',
  ],
  [
    /^registerCitizen:input\.registrationId$/,
    'an unknown, spent, lapsed or void registration answers as a wrong code does (test/medium/registration.medium-spec.ts)',
  ],
  [
    /^(fileLawsuit|correctLawsuit|submitMemo|submitStatementOfDefence|draftContract|updateContractDraft|issuePowerOfAttorney):input\.attachmentIds\.0$/,
    'names the caller’s own uploads: another’s, an attached and a missing one are refused alike (test/medium/evidence.medium-spec.ts)',
  ],
  [/^createUser:input\.nationalId$/, 'the system administrator, who reads every user'],
  [
    /^appointOrganizationRepresentative:input\.representativeNationalId$/,
    'a clerk names the representative on a document; an unknown and an inactive account are refused alike, after the case is found',
  ],
  [/^inviteStaff:input\.nationalId$/, 'the system administrator, who reads every user (as createUser)'],
  [/^requestPasswordReset:input\.nationalId$/, 'answers true for any national ID (test/medium/account-codes.medium-spec.ts)'],
  [/^resetPassword:input\.nationalId$/, 'a wrong code reads the same for any national ID (test/medium/account-codes.medium-spec.ts)'],
  [/^endSession:id$/, "someone else's session answers as a missing one (test/medium/sessions.medium-spec.ts)"],
  [/^approveTwoFactorReset:id$/, 'system administrators only, who see every request; refused before any look-up for anyone else'],
];

/** Arguments an operation needs beside the plausible ones to name the kind its places name. */
const BASE: Record<string, Record<string, unknown>> = { requestDocument: { input: { kind: 'JUDGMENT' } } };

/** Extra places naming a record that a scan by type does not find. */
const EXTRA: Record<string, Kind> = { 'voidContract:input.number': 'contractNumber' };

const NAMES_A_RECORD = (name: string, type: string) => type === 'ID' || /nationalId$/i.test(name) || /number$/i.test(name);

interface Place {
  op: Operation;
  argName: string;
  path: (string | number)[];
  key: string;
  kind: Kind | null | undefined;
  reason?: string;
}

/** Every place of an operation that names a record, classified. */
function placesOf(op: Operation): Place[] {
  const out: Place[] = [];
  for (const arg of op.field.args) {
    for (const place of places(arg.type, [])) {
      const t = isNonNullType(place.type) ? place.type.ofType : place.type;
      if (isListType(t)) continue; // its element is a place of its own
      const steps = [arg.name, ...place.path];
      const name = String(steps.filter((s) => typeof s === 'string').pop());
      const key = `${op.field.name}:${steps.join('.')}`;
      if (!NAMES_A_RECORD(name, getNamedType(place.type).name) && !(key in EXTRA)) continue;
      const reason = NOTHING_TO_HIDE.find(([pattern]) => pattern.test(key))?.[1];
      const kind = key in EXTRA ? EXTRA[key] : name === 'id' ? ID_OF[op.field.name] : BY_NAME[name];
      out.push({ op, argName: arg.name, path: place.path, key, kind, reason });
    }
  }
  return out;
}

interface Answer {
  code: string;
  message: string;
  fields?: unknown;
}

let t: TestApp;
let schema: GraphQLSchema;
const tokens = new Map<RoleKey | 'anonymous', string | undefined>();
/** The case of the existing settlement. */
let settledCase: string;
/** An existing record of each kind, and a value that names none. */
const existing = {} as Record<Kind, string>;
const missing: Record<Kind, () => string> = {
  lawsuit: randomUUID,
  hearing: randomUUID,
  party: randomUUID,
  judgment: randomUUID,
  contract: randomUUID,
  contractNumber: () => `${existing.contractNumber.slice(0, -6)}999999`,
  contractParty: nationalId,
  poa: randomUUID,
  poaAgent: nationalId,
  document: randomUUID,
  notification: randomUUID,
  user: randomUUID,
  membership: randomUUID,
  bill: randomUUID,
  settlement: randomUUID,
};

async function answer(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer | 'ok'> {
  const res = await t.gql(query, variables, token);
  const error = res.errors?.[0];
  if (!error) return 'ok';
  return { code: error.extensions.code, message: error.message, fields: error.extensions.fields };
}

beforeAll(async () => {
  // The scenarios move the clock into the weeks of their hearings: tokens that outlive them.
  t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
  schema = buildClientSchema(await t.ok<IntrospectionQuery>(getIntrospectionQuery()));
  // One case heard and judged, with a document; a notarized contract; a power of attorney of a notary office.
  const [lawsuit, contract, poa] = await Promise.all([
    scenario(t.app).judgmentIssued().documentRequested(),
    scenario(t.app).contractNotarized(),
    scenario(t.app).poaIssuedByNotary(),
  ]);
  // A case with a settlement proposed: after the others, whose hearings move the clock.
  const heard = await scenario(t.app).hearingHeld();
  settledCase = heard.lawsuitId;
  const settlement = await t.app
    .get(SettlementsService)
    .propose(await heard.actors.claimant.ctx(), { lawsuitId: heard.lawsuitId, terms: 'الصلح على ما اتفق عليه الطرفان — as agreed' });
  const db = lawsuit.host.db;
  const judge = await lawsuit.judge();
  const [membership] = await db.query<{ id: string }[]>('SELECT id FROM memberships WHERE user_id = $1 LIMIT 1', [judge.id]);
  const [bill] = await db.query<{ id: string }[]>('SELECT id FROM bills WHERE subject_id = $1', [lawsuit.lawsuitId]);
  const [notification] = await db.query<{ id: string }[]>('SELECT id FROM notifications WHERE national_id = $1 LIMIT 1', [
    lawsuit.actors.claimant.nationalId,
  ]);
  Object.assign(existing, {
    lawsuit: lawsuit.lawsuitId,
    hearing: lawsuit.hearingId,
    party: lawsuit.claimantPartyId,
    judgment: lawsuit.judgmentId,
    document: lawsuit.documentIds[0],
    contract: contract.contractId,
    contractNumber: contract.contractNumber,
    contractParty: contract.actors.seller.nationalId,
    poa: poa.poaId,
    poaAgent: poa.actors.agent.nationalId,
    notification: notification.id,
    user: judge.id!,
    membership: membership.id,
    bill: bill.id,
    settlement: settlement.id,
  } satisfies Record<Kind, string>);
  tokens.set('anonymous', undefined);
  for (const role of ROLE_KEYS) tokens.set(role, await t.token(role));
}, 120_000);

afterAll(() => t?.close());

/** Whether a caller may see the existing record of a kind: its read query answers. */
async function sees(kind: Kind, token: string | undefined): Promise<boolean> {
  const read: Record<Kind, [string, Record<string, unknown>]> = {
    lawsuit: ['query($id: ID!) { lawsuit(id: $id) { id } }', { id: existing.lawsuit }],
    hearing: ['query($id: ID!) { lawsuit(id: $id) { id } }', { id: existing.lawsuit }],
    party: ['query($id: ID!) { lawsuit(id: $id) { id } }', { id: existing.lawsuit }],
    judgment: ['query($id: ID!) { lawsuit(id: $id) { id } }', { id: existing.lawsuit }],
    contract: ['query($id: ID!) { contract(id: $id) { id } }', { id: existing.contract }],
    contractNumber: ['query($id: ID!) { contract(id: $id) { id } }', { id: existing.contract }],
    contractParty: ['query($id: ID!) { contract(id: $id) { id } }', { id: existing.contract }],
    poa: ['query($id: ID!) { powerOfAttorney(id: $id) { id } }', { id: existing.poa }],
    poaAgent: ['query($id: ID!) { powerOfAttorney(id: $id) { id } }', { id: existing.poa }],
    document: ['query($id: ID!) { document(id: $id) { id } }', { id: existing.document }],
    notification: ['{ notifications(first: 100) { edges { node { id } } } }', {}],
    user: ['query($id: ID!) { user(id: $id) { id } }', { id: existing.user }],
    membership: ['query($id: ID!) { user(id: $id) { id memberships { id } } }', { id: existing.user }],
    bill: ['query($id: ID!) { bill(id: $id) { id } }', { id: existing.bill }],
    settlement: ['query($id: ID!) { lawsuit(id: $id) { settlements { id } } }', { id: settledCase }],
  };
  const [query, variables] = read[kind];
  const res = await t.gql<Record<string, any>>(query, variables, token);
  if (res.errors?.length || !res.data) return false;
  if (kind === 'notification') return JSON.stringify(res.data).includes(existing.notification);
  if (kind === 'membership') return JSON.stringify(res.data).includes(existing.membership);
  return true;
}

describe('no existence oracles', () => {
  it('classifies every place of the schema that names a record', () => {
    const all = operations(schema).flatMap(placesOf);
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((p) => p.kind === undefined && !p.reason).map((p) => p.key)).toEqual([]);
  });

  it('answers an existing record the caller may not see exactly as one that does not exist, for every role', async () => {
    const all = operations(schema).flatMap(placesOf);
    const tested = all.filter((p): p is Place & { kind: Kind } => !!p.kind && !p.reason);
    const callers = [...tokens.keys()];
    const visible = new Map<string, boolean>();
    await Promise.all(
      callers.flatMap((who) =>
        (Object.keys(missing) as Kind[]).map(async (kind) => visible.set(`${who}:${kind}`, await sees(kind, tokens.get(who)))),
      ),
    );
    // What the seeded roles see of the records here: only the notary (the office's contract and power of attorney) and the administrator (people).
    expect([...visible].filter(([, seen]) => seen).map(([k]) => k)).toEqual(
      expect.arrayContaining(['notary:contract', 'notary:poa', 'admin:user']),
    );
    expect([...visible].filter(([k, seen]) => seen && !/^(notary|admin):/.test(k))).toEqual([]);

    const leaks: string[] = [];
    /** Places where some caller's call got as far as the look-up (the missing record was NOT_FOUND). */
    const reached = new Set<string>();
    let compared = 0;
    const jobs = tested.flatMap((place) => callers.filter((who) => !visible.get(`${who}:${place.kind}`)).map((who) => ({ place, who })));
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < jobs.length) {
          const { place, who } = jobs[next++];
          const op = place.op;
          // Every record-naming place of the operation carries the existing record; the one under test, in the second call, none.
          let args: Record<string, unknown> = { ...baseArgs(op.field), ...BASE[op.field.name] };
          const put = (p: Place, value: string) => {
            const arg = op.field.args.find((a) => a.name === p.argName)!;
            args = { ...args, [p.argName]: withValueAt(args[p.argName], arg.type, p.path, value) };
          };
          for (const other of all.filter((p) => p.op === op && p.kind && !p.reason)) put(other, existing[other.kind!]);
          const withRecord = call(op, 'existing', args);
          put(place, missing[place.kind]());
          const withoutRecord = call(op, 'missing', args);
          const token = tokens.get(who);
          const [a, b] = await Promise.all([
            answer(withRecord.query, withRecord.variables, token),
            answer(withoutRecord.query, withoutRecord.variables, token),
          ]);
          compared++;
          if (b !== 'ok' && b.code === 'NOT_FOUND') reached.add(place.key);
          if (JSON.stringify(a) !== JSON.stringify(b)) leaks.push(`${place.key} as ${who}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
        }
      }),
    );
    expect(compared).toBeGreaterThan(500);
    // The comparison means something only where the calls get past the checks of their input.
    expect(reached.size).toBeGreaterThanOrEqual(40);
    expect(leaks.sort()).toEqual([]);
  }, 120_000);
});
