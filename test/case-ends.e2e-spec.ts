/**
 * When a case ends, and the ways out of states that used to wait forever, over HTTP: a judgment
 * cancels the hearing still scheduled and its minutes are refused; documents of what did not happen
 * are refused; execution closes on the winner's acknowledgement; a contract draft is discarded and
 * one out for signature refused by the notary; a waiver is answered before the hearing or not at
 * all — each refusal with its code, in English and Arabic. (The rules in full: the medium tier's
 * case-ends and no-dead-ends specs.)
 */
import { DataSource } from 'typeorm';
import { startApp, TestApp } from './harness';
import { winner } from './scenario/case-acts';
import { notaryOf } from './scenario/notarization';
import { scenario } from './scenario/scenario';

const LAWSUIT = `query($id: ID!) { lawsuit(id: $id) { state hearings { id state } } }`;
const MINUTES = `mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { id state } }`;
const REQUEST = `mutation($i: RequestDocumentInput!) { requestDocument(input: $i) { id kind } }`;
const FULFILLED = `mutation($id: ID!) { acknowledgeExecutionFulfilled(lawsuitId: $id) { id state updatedAt } }`;
const DISCARD = `mutation($id: ID!) { discardContractDraft(id: $id) { id state endedAt } }`;
const REFUSE = `mutation($i: RefuseContractInput!) { refuseContract(input: $i) { id state refusalReason endedAt } }`;
const ANSWER = `mutation($i: RespondToWaiverInput!) { respondToWaiver(input: $i) { id state } }`;

describe('case ends and ways out, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(120 * 86_400) });
  });
  afterAll(() => t?.close());
  afterEach(() => t.clock.reset());

  it('a judgment cancels the hearing still scheduled; minutes on it are refused in the caller’s language', async () => {
    const s = await scenario(t.app).hearingHeld();
    const ahead = await s.scheduleHearing();
    await s.judgmentIssued();
    const { lawsuit } = await t.ok(LAWSUIT, { id: s.lawsuitId }, s.actors.claimant.token);
    expect(lawsuit.hearings.find((h: { id: string }) => h.id === ahead.id).state).toBe('CANCELLED');

    t.clock.set(new Date(ahead.startsAt.getTime() + 10 * 60_000));
    const judge = await s.judge();
    const input = { i: { hearingId: ahead.id, minutes: 'محضر — minutes', attendance: [] } };
    const en = await t.gql(MINUTES, input, judge.token);
    expect(en.errors![0]).toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    const ar = await t.gql(MINUTES, input, judge.token, { 'accept-language': 'ar' });
    expect(ar.errors![0].extensions.code).toBe('INVALID_TRANSITION');
    expect(ar.errors![0].message).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses a filing receipt of a draft and minutes of a hearing not held; a stranger still finds nothing', async () => {
    const draft = await scenario(t.app).lawsuit();
    const receipt = { i: { kind: 'LAWSUIT_RECEIPT', subjectId: draft.lawsuitId, language: 'AR' } };
    expect(await t.code(REQUEST, receipt, draft.actors.claimant.token)).toBe('INVALID_TRANSITION');
    const stranger = await scenario(t.app).lawsuit();
    expect(await t.code(REQUEST, receipt, stranger.actors.claimant.token)).toBe('NOT_FOUND');

    const heard = await scenario(t.app).hearingScheduled();
    const minutes = { i: { kind: 'HEARING_MINUTES', subjectId: heard.hearingId, language: 'EN' } };
    expect(await t.code(REQUEST, minutes, heard.actors.claimant.token)).toBe('INVALID_TRANSITION');
    await heard.hearingHeld();
    expect((await t.ok(REQUEST, minutes, heard.actors.claimant.token)).requestDocument.kind).toBe('HEARING_MINUTES');
  });

  it('closes an execution when the party it favours acknowledges it fulfilled, not at the other party’s word', async () => {
    const s = await scenario(t.app).executionRequested();
    expect(await t.code(FULFILLED, { id: s.lawsuitId }, s.actors.defendant.token)).toBe('FORBIDDEN');
    const { acknowledgeExecutionFulfilled: closed } = await t.ok(FULFILLED, { id: s.lawsuitId }, (await winner(s)).token);
    expect(closed).toMatchObject({ state: 'CLOSED' });
    expect(await t.code(FULFILLED, { id: s.lawsuitId }, (await winner(s)).token)).toBe('INVALID_TRANSITION');
  });

  it('lets the drafter discard a draft and the notary refuse a contract out for signature, with a reason checked at the edge', async () => {
    const draft = await scenario(t.app).contractDrafted();
    expect(await t.code(DISCARD, { id: draft.contractId }, draft.actors.buyer.token)).toBe('FORBIDDEN');
    expect((await t.ok(DISCARD, { id: draft.contractId }, draft.actors.drafter.token)).discardContractDraft.state).toBe('DISCARDED');

    const out = await scenario(t.app).awaitingSignatures();
    const [{ notary_office_id }] = await t.app
      .get(DataSource)
      .query('SELECT notary_office_id FROM contracts WHERE id = $1', [out.contractId]);
    const notary = await notaryOf(out, notary_office_id);
    const short = await t.gql(REFUSE, { i: { id: out.contractId, reason: 'no' } }, notary.token);
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(short.errors![0].extensions)).toContain('input.reason');
    expect(await t.code(REFUSE, { i: { id: out.contractId, reason: 'not valid — لا يصح' } }, out.actors.seller.token)).toBe('FORBIDDEN');
    const { refuseContract } = await t.ok(
      REFUSE,
      { i: { id: out.contractId, reason: 'الثمن غير محدد — the price is not set' } },
      notary.token,
    );
    expect(refuseContract).toMatchObject({ state: 'REFUSED', refusalReason: 'الثمن غير محدد — the price is not set' });
    expect(await t.code(DISCARD, { id: out.contractId }, out.actors.drafter.token)).toBe('INVALID_TRANSITION');
  });

  it('takes the answer to a waiver before the hearing, and refuses it once the hearing began', async () => {
    const s = await scenario(t.app).waiverPending();
    const hearing = await s.scheduleHearing();
    t.clock.set(new Date(hearing.startsAt.getTime() + 60_000));
    const late = await t.gql(ANSWER, { i: { lawsuitId: s.lawsuitId, accept: true } }, s.actors.defendant.token);
    expect(late.errors![0].extensions).toMatchObject({ code: 'DEADLINE_PASSED', deadline: hearing.startsAt.toISOString() });
    expect((await t.ok(LAWSUIT, { id: s.lawsuitId }, s.actors.claimant.token)).lawsuit.state).toBe('IN_HEARINGS');
  });
});
