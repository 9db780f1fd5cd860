/** Contracts in one line: signers with two-factor enabled, valid inputs per type, and fresh one-time codes. */
import { payFilingFee } from './fees';
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { totpCode } from '../../src/identity/totp';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import type { TestApp } from '../harness';
import { CourtFixture, workingSlot } from './courts';
import { lawsuitInput, serveJudgment } from './lawsuits';
import { Citizen, nationalId, registerCitizen } from './people';

export interface Signer extends Citizen {
  secret: string;
  nameEn: string;
}

export const CONTRACT_FIELDS = `id number type state version notaryOfficeId draftedBy terms freeText amount currency deedNumber
  notaryOffice { code nameEn } submittedAt notarizedAt notarizedBy cancelledAt voidedAt voidJudgmentId voidReason verificationCode nextEvents
  parties { id role kind nationalId organizationNumber signatoryNationalId nameAr nameEn }
  signatures { partyId purpose signedBy powerOfAttorneyId byAgent signedAt invalidatedAt }`;
export const DRAFT = `mutation($i: DraftContractInput!) { draftContract(input: $i) { ${CONTRACT_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateContractDraftInput!) { updateContractDraft(input: $i) { ${CONTRACT_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!) { submitContractForSignature(id: $id) { ${CONTRACT_FIELDS} } }`;
export const SIGN = `mutation($i: SignContractInput!) { signContract(input: $i) { ${CONTRACT_FIELDS} } }`;
export const NOTARIZE = `mutation($id: ID!) { notarizeContract(id: $id) { ${CONTRACT_FIELDS} } }`;
export const CANCEL = `mutation($i: RequestContractCancellationInput!) { requestContractCancellation(input: $i) { ${CONTRACT_FIELDS} } }`;
export const VOID = `mutation($i: VoidContractInput!) { voidContract(input: $i) { id number state voidedAt voidJudgmentId voidReason } }`;
export const CONTRACT = `query($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} } }`;
export const MINE = `query($f: ContractsFilter) { myContracts(first: 100, filter: $f) { edges { node { id number state } } } }`;
export const VERIFY = `query($n: String!, $c: String!) { verifyContract(number: $n, code: $c) {
  valid number type state notaryOfficeNameAr notaryOfficeNameEn notarizedAt cancelledAt voidedAt parties { role nameAr nameEn } } }`;

/** A registered citizen with two-factor authentication enabled. */
export async function signer(t: TestApp, nameEn = 'Test Signer Person'): Promise<Signer> {
  const c = await registerCitizen(t, { nameEn, nameAr: 'طرف العقد التجريبي' });
  const enrol = await t.ok<{ enrollTwoFactor: { secret: string } }>('mutation { enrollTwoFactor { secret } }', {}, c.token);
  const secret = enrol.enrollTwoFactor.secret;
  await t.ok('mutation($c: String!) { confirmTwoFactor(code: $c) }', { c: await totpCode(secret, t.clock.now()) }, c.token);
  return { ...c, secret, nameEn };
}

/**
 * A code of a time step no one has used yet: the test clock moves on by one 30-second step first
 * (a code is accepted once per person, and only for a later step than the last one used).
 */
export async function freshOtp(t: TestApp, s: { secret: string }): Promise<string> {
  t.clock.advance(30_000);
  return totpCode(s.secret, t.clock.now());
}

export async function officeId(t: TestApp, code = 'RYD-NO1'): Promise<string> {
  const res = await t.ok<{ notaryOffices: { id: string; code: string }[] }>('{ notaryOffices { id code } }');
  return res.notaryOffices.find((o) => o.code === code)!.id;
}

export function person(role: string, nid: string, nameEn = 'Party Person'): Record<string, unknown> {
  return { role, kind: 'PERSON', nationalId: nid, nameAr: 'طرف العقد', nameEn };
}

/** A sale of a plot of land by `seller` to `buyer`, notarized at `office`. */
export function saleInput(office: string, seller: string, buyer: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'SALE',
    notaryOfficeId: office,
    parties: [person('SELLER', seller, 'Seller Person'), person('BUYER', buyer, 'Buyer Person')],
    terms: {
      sale: {
        subject: 'أرض سكنية في حي النرجس — residential plot in Al-Narjis',
        price: 1250000.5,
        currency: 'SAR',
        deedNumber: '310118042233',
      },
    },
    freeText: 'يلتزم البائع بتسليم الأرض خالية من الشواغل — the seller delivers the land free of any occupancy.',
    ...overrides,
  };
}

/** The content fields of an input, for updateContractDraft. */
export function contentOf(input: Record<string, unknown>): Record<string, unknown> {
  const { parties, terms, freeText } = input;
  return { parties, terms, freeText };
}

export { nationalId };

/**
 * A final judgment of the fixture court's circuit, in a lawsuit of `claimant` against
 * `defendant`: filed, registered, heard, judged, served on both (each opens its notice), and
 * final once their objection windows passed unused (the test clock moves past them).
 */
export async function finalJudgment(
  t: TestApp,
  fx: CourtFixture,
  claimant: { nationalId: string; token: string },
  defendant: { nationalId: string; token: string },
  options: { final?: boolean } = {},
): Promise<{ id: string; lawsuitId: string }> {
  const id = (
    await t.ok(
      'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }',
      {
        i: lawsuitInput(claimant.nationalId, {
          courtId: fx.court.id,
          city: undefined,
          defendants: [{ kind: 'PERSON', nationalId: defendant.nationalId, nameAr: 'المدعى عليه', nameEn: 'Defendant' }],
        }),
      },
      claimant.token,
    )
  ).fileLawsuit.id as string;
  await t.ok('mutation($id: ID!) { submitLawsuit(id: $id) { id } }', { id }, claimant.token);
  await payFilingFee(t, id, claimant.token);
  await t.ok('mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }', { i: { id, decision: 'ACCEPT' } }, fx.clerk.token);
  hearingSlot += 1;
  const at = workingSlot(7 * hearingSlot + 1, 9, 0, t.clock.now());
  const hearing = (
    await t.ok(
      'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
      { i: { lawsuitId: id, startsAt: at.toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 1' } },
      fx.clerk.token,
    )
  ).scheduleHearing;
  t.clock.set(new Date(at.getTime() + 10 * 60_000));
  await t.ok(
    'mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { state } }',
    { i: { hearingId: hearing.id, minutes: 'حضر الطرفان — both parties attended', attendance: [] } },
    fx.judge.token,
  );
  const judgment = (
    await t.ok(
      'mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id } }',
      {
        i: {
          lawsuitId: id,
          ruling: 'بطلان عقد البيع — the sale contract is void',
          summary: 'غش في المبيع — fraud in the thing sold',
          reasoning: 'لما ثبت من تقرير الخبرة — as the expert report shows',
          inFavourOf: 'CLAIMANT',
        },
      },
      fx.judge.token,
    )
  ).issueJudgment;
  if (options.final !== false) {
    // Each party's window runs from their own service: both open the notice, then both windows pass.
    await serveJudgment(t, id, [claimant, defendant]);
    t.clock.advance(31 * 86_400_000);
    await t.app.get(JudgmentsService).finalizeExpired(t.app.get(RequestContextFactory).forActor('test-finalize', null));
  }
  return { id: judgment.id, lawsuitId: id };
}
let hearingSlot = 0;
