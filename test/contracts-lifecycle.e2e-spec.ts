/**
 * Notarized contracts end to end: a contract through every state (draft, signatures with fresh
 * one-time codes, notarization, cancellation by all parties, voiding by a final judgment), the
 * refusals around signing (no code, a wrong code, a code already used, a second signature, an agent
 * without a power of attorney), amendments that invalidate signatures, a notary drafting for the
 * office and an organization signing through its signatory, notices to the parties, the data of the
 * contract's document, and public verification with masked names. Each test reaches its starting
 * state (signers with two-factor authentication, a contract put to signature or notarized, a
 * judgment of the circuit) with the scenario builder; the act it is about goes over HTTP.
 */
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { totpCode } from '../src/identity/totp';
import { ContractReads } from '../src/notarization/contracts/contract-reads.service';
import { courtWithStaff } from './factories/courts';
import {
  CANCEL,
  CONTRACT,
  contentOf,
  DRAFT,
  MINE,
  nationalId,
  NOTARIZE,
  person,
  saleInput,
  SIGN,
  SUBMIT,
  UPDATE,
  VERIFY,
  VOID,
} from './factories/contracts';
import { payNotaryFee } from './factories/fees';
import { scenario } from './scenario/scenario';

const BILLS = 'query($id: ID!) { contract(id: $id) { bills { id purpose amount state } } }';
import { count, Data, db, fields, notary, noticesOf, office, setUpContracts, t } from './support/contracts';

describe('notarized contracts', () => {
  setUpContracts();

  it('takes a sale from draft through signatures and notarization to cancellation by all parties', async () => {
    const { seller, buyer } = (
      await scenario(t.app)
        .seller({ nameEn: 'Abdullah Mohammed Al-Qahtani', nameAr: 'طرف العقد التجريبي' })
        .buyer({ nameEn: 'Sarah Khalid Al-Otaibi', nameAr: 'طرف العقد التجريبي' })
    ).actors;
    const drafted = (await t.ok(DRAFT, { i: saleInput(office, seller.nationalId, buyer.nationalId) }, seller.token)).draftContract;
    expect(drafted).toMatchObject({ type: 'SALE', state: 'DRAFT', amount: 1250000.5, currency: 'SAR', deedNumber: '310118042233' });
    expect(drafted.number).toMatch(/^NC-14\d\d-\d{6}$/);
    expect(drafted.terms).toMatchObject({ price: 1250000.5, deedNumber: '310118042233' });
    expect(drafted.verificationCode).toBeNull();
    expect(drafted.notaryOffice).toEqual({ code: 'RYD-NO1', nameEn: 'First Notary Office of Riyadh' });
    // The notary of the office sees it; nobody signs a draft.
    expect((await t.ok(CONTRACT, { id: drafted.id }, notary)).contract.id).toBe(drafted.id);
    expect(await t.code(SIGN, { i: { id: drafted.id, otp: await buyer.otp() } }, buyer.token)).toBe('INVALID_TRANSITION');

    const submitted = (await t.ok(SUBMIT, { id: drafted.id }, seller.token)).submitContractForSignature;
    expect(submitted.state).toBe('AWAITING_SIGNATURES');
    expect((await noticesOf(buyer)).map((n: Data) => n.kind)).toContain('CONTRACT_AWAITING_SIGNATURES');
    expect(await t.code(NOTARIZE, { id: drafted.id }, notary)).toBe('INVALID_TRANSITION');

    // Signing needs a fresh one-time code of the signer.
    const noCode = await t.gql(SIGN, { i: { id: drafted.id, otp: '' } }, seller.token);
    expect(noCode.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fields(noCode)).toEqual(['input.otp']);
    const wrong = await t.gql(SIGN, { i: { id: drafted.id, otp: '000000' } }, seller.token);
    expect(fields(wrong)).toEqual(['input.otp']);
    const otherPersonsCode = await t.gql(SIGN, { i: { id: drafted.id, otp: await buyer.otp() } }, seller.token);
    expect(fields(otherPersonsCode)).toEqual(['input.otp']);
    expect(await count('SELECT count(*) AS n FROM contract_signatures WHERE contract_id = $1', [drafted.id])).toBe(0);

    const sellerCode = await seller.otp();
    const signed = (await t.ok(SIGN, { i: { id: drafted.id, otp: sellerCode } }, seller.token)).signContract;
    expect(signed.state).toBe('AWAITING_SIGNATURES');
    const sellerParty = signed.parties.find((p: Data) => p.role === 'SELLER');
    expect(signed.signatures).toEqual([
      expect.objectContaining({ partyId: sellerParty.id, purpose: 'SIGN', byAgent: false, powerOfAttorneyId: null, invalidatedAt: null }),
    ]);
    // Once: a second signature is refused, whatever the code.
    expect(await t.code(SIGN, { i: { id: drafted.id, otp: await seller.otp() } }, seller.token)).toBe('INVALID_TRANSITION');
    expect(await t.code(NOTARIZE, { id: drafted.id }, notary)).toBe('INVALID_TRANSITION');

    const buyerCode = await buyer.otp();
    expect((await t.ok(SIGN, { i: { id: drafted.id, otp: buyerCode } }, buyer.token)).signContract.signatures).toHaveLength(2);
    expect(
      (await noticesOf(seller)).find((n: Data) => n.kind === 'CONTRACT_SIGNED' && /Every party has signed/.test(n.bodyEn)),
    ).toBeDefined();

    // Signed by all, but its notary fee is unpaid: the notary may not notarize it yet. The fee was
    // billed to the seller (the drafter) when it was put to signature; the buyer sees no bill.
    const unpaid = await t.gql(NOTARIZE, { id: drafted.id }, notary);
    const { bills } = (await t.ok(BILLS, { id: drafted.id }, seller.token)).contract;
    expect(bills).toEqual([{ id: expect.any(String), purpose: 'NOTARY_FEE', amount: 200, state: 'UNPAID' }]);
    expect(unpaid.errors?.[0].extensions).toMatchObject({ code: 'PAYMENT_REQUIRED', billIds: [bills[0].id] });
    expect(unpaid.errors?.[0].message).toMatch(/SAR 200\.00 still due/);
    expect((await t.ok(BILLS, { id: drafted.id }, buyer.token)).contract.bills).toEqual([]);
    expect((await noticesOf(seller)).map((n: Data) => n.kind)).toContain('BILL_ISSUED');
    await payNotaryFee(t, drafted.id, seller.token);

    const notarized = (await t.ok(NOTARIZE, { id: drafted.id }, notary)).notarizeContract;
    expect(notarized).toMatchObject({ state: 'NOTARIZED', nextEvents: ['agreeCancellation', 'cancel', 'void'] });
    expect(notarized.notarizedAt).not.toBeNull();
    expect(notarized.verificationCode).toMatch(/^[0-9A-Z]{12}$/);
    const notice = (await noticesOf(buyer)).find((n: Data) => n.kind === 'CONTRACT_NOTARIZED');
    expect(notice.bodyEn).toContain(notarized.verificationCode);
    expect(notice.bodyAr).toContain(drafted.number);
    expect(await t.code(NOTARIZE, { id: drafted.id }, notary)).toBe('INVALID_TRANSITION');
    expect(
      await t.code(
        UPDATE,
        { i: { id: drafted.id, version: notarized.version, ...contentOf(saleInput(office, seller.nationalId, buyer.nationalId)) } },
        seller.token,
      ),
    ).toBe('INVALID_TRANSITION');

    // Anyone verifies by number and code, and sees masked names only.
    const verified = (await t.ok(VERIFY, { n: drafted.number, c: notarized.verificationCode.toLowerCase() })).verifyContract;
    expect(verified).toMatchObject({
      valid: true,
      number: drafted.number,
      type: 'SALE',
      state: 'NOTARIZED',
      notaryOfficeNameEn: 'First Notary Office of Riyadh',
    });
    expect(verified.parties).toEqual([
      { role: 'SELLER', nameAr: 'طرف ا.', nameEn: 'Seller P.' },
      { role: 'BUYER', nameAr: 'طرف ا.', nameEn: 'Buyer P.' },
    ]);
    expect((await t.ok(VERIFY, { n: drafted.number, c: 'AAAAAAAAAAAA' })).verifyContract).toMatchObject({
      valid: false,
      number: null,
      parties: [],
    });

    // The seller's code, already spent on the signature, does not count twice.
    const reused = await t.gql(CANCEL, { i: { id: drafted.id, otp: sellerCode } }, seller.token);
    expect(fields(reused)).toEqual(['input.otp']);
    // Cancellation: each party agrees with a fresh code; the contract is cancelled when all have.
    const half = (await t.ok(CANCEL, { i: { id: drafted.id, otp: await seller.otp() } }, seller.token)).requestContractCancellation;
    expect(half.state).toBe('NOTARIZED');
    expect(await t.code(CANCEL, { i: { id: drafted.id, otp: await seller.otp() } }, seller.token)).toBe('INVALID_TRANSITION');
    expect((await noticesOf(buyer)).map((n: Data) => n.kind)).toContain('CONTRACT_CANCELLATION_REQUESTED');
    const cancelled = (await t.ok(CANCEL, { i: { id: drafted.id, otp: await buyer.otp() } }, buyer.token)).requestContractCancellation;
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.signatures.filter((s: Data) => s.purpose === 'CANCEL')).toHaveLength(2);
    expect((await noticesOf(seller)).map((n: Data) => n.kind)).toContain('CONTRACT_CANCELLED');
    expect((await t.ok(VERIFY, { n: drafted.number, c: notarized.verificationCode })).verifyContract).toMatchObject({
      valid: false,
      state: 'CANCELLED',
    });

    // Every act is in the audit trail, and the chain holds.
    const actions = (
      await db.query<{ action: string }[]>(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY created_at, id`, [drafted.id])
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'contract.drafted',
        'contract.submit',
        'contract.signed',
        'contract.notarize',
        'contract.cancellation_agreed',
        'contract.cancel',
      ]),
    );
    expect((await t.ok('{ verifyAuditChain { valid } }', {}, await t.token('admin'))).verifyAuditChain.valid).toBe(true);
    // Both parties list it among their contracts.
    expect((await t.ok(MINE, {}, buyer.token)).myContracts.edges.map((e: Data) => e.node.id)).toContain(drafted.id);
  });

  it('sends an amended contract back to draft and invalidates the signatures already given', async () => {
    // A sale put to signature by its seller, signed by the buyer only.
    const s = await scenario(t.app).contractSigned({ only: 'buyer' });
    const { seller, buyer } = s.actors;
    const c = { id: s.contractId };
    const current = (await t.ok(CONTRACT, { id: c.id }, seller.token)).contract;
    const stale = await t.gql(
      UPDATE,
      { i: { id: c.id, version: current.version - 1, ...contentOf(saleInput(office, seller.nationalId, buyer.nationalId)) } },
      seller.token,
    );
    expect(fields(stale)).toEqual(['version']);
    const input = saleInput(office, seller.nationalId, buyer.nationalId);
    (input.terms as Data).sale.price = 1100000;
    const amended = (await t.ok(UPDATE, { i: { id: c.id, version: current.version, ...contentOf(input) } }, seller.token))
      .updateContractDraft;
    expect(amended).toMatchObject({ state: 'DRAFT', amount: 1100000, submittedAt: null });
    expect(amended.signatures).toHaveLength(1);
    expect(amended.signatures[0].invalidatedAt).not.toBeNull();
    expect((await noticesOf(buyer)).find((n: Data) => n.kind === 'CONTRACT_AMENDED').bodyEn).toMatch(
      /1 signature\(s\) given no longer count/,
    );

    await t.ok(SUBMIT, { id: c.id }, seller.token);
    expect(await t.code(NOTARIZE, { id: c.id }, notary)).toBe('INVALID_TRANSITION');
    // The buyer signs again (the old signature no longer counts), then the seller; then it can be notarized.
    await t.ok(SIGN, { i: { id: c.id, otp: await buyer.otp() } }, buyer.token);
    await t.ok(SIGN, { i: { id: c.id, otp: await seller.otp() } }, seller.token);
    // The amendment cancelled the first bill; putting it to signature again billed anew.
    const bills = (await t.ok(BILLS, { id: c.id }, seller.token)).contract.bills.map((b: Data) => b.state);
    expect(bills).toEqual(['CANCELLED', 'UNPAID']);
    await payNotaryFee(t, c.id, seller.token);
    expect((await t.ok(NOTARIZE, { id: c.id }, notary)).notarizeContract.state).toBe('NOTARIZED');
  });

  it('lets a notary draft and submit for the office, and an organization sign through its signatory', async () => {
    // Two people with two-factor authentication: the seller, and the signatory of the buying company.
    const { seller, buyer: signatory } = (await scenario(t.app).seller().buyer()).actors;
    const input = saleInput(office, seller.nationalId, seller.nationalId, {
      parties: [
        person('SELLER', seller.nationalId),
        {
          role: 'BUYER',
          kind: 'ORGANIZATION',
          organizationNumber: '1010123456',
          signatoryNationalId: signatory.nationalId,
          nameAr: 'شركة المشتري',
          nameEn: 'Buyer Trading Co.',
        },
      ],
    });
    const drafted = (await t.ok(DRAFT, { i: input }, notary)).draftContract;
    expect(drafted.parties[1]).toMatchObject({
      kind: 'ORGANIZATION',
      organizationNumber: '1010123456',
      signatoryNationalId: signatory.nationalId,
      nationalId: null,
    });
    await t.ok(SUBMIT, { id: drafted.id }, notary);
    // The notary is no party: they may not sign.
    expect(await t.code(SIGN, { i: { id: drafted.id, otp: '123456' } }, notary)).toBe('FORBIDDEN');
    await t.ok(SIGN, { i: { id: drafted.id, otp: await signatory.otp() } }, signatory.token);
    await t.ok(SIGN, { i: { id: drafted.id, otp: await seller.otp() } }, seller.token);
    // The notary is no party either to pay: the first party, the seller, was billed.
    await payNotaryFee(t, drafted.id, seller.token);
    expect((await t.ok(NOTARIZE, { id: drafted.id }, notary)).notarizeContract.state).toBe('NOTARIZED');
  });

  it('records one signature per party when the same party signs twice at once, and notifies nobody of a refused act', async () => {
    const s = await scenario(t.app).awaitingSignatures();
    const { seller } = s.actors;
    const c = { id: s.contractId };
    const notices = await count("SELECT count(*) AS n FROM notifications WHERE data->>'contractId' = $1", [c.id]);
    expect((await t.gql(SIGN, { i: { id: c.id, otp: '999999' } }, seller.token)).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await count("SELECT count(*) AS n FROM notifications WHERE data->>'contractId' = $1", [c.id])).toBe(notices);
    // Two valid codes (this step and the next, both inside the accepted window), sent together.
    t.clock.advance(30_000);
    const now = t.clock.now();
    const codes = [await totpCode(seller.secret!, now), await totpCode(seller.secret!, new Date(now.getTime() + 30_000))];
    const results = await Promise.all(codes.map((otp) => t.gql(SIGN, { i: { id: c.id, otp } }, seller.token)));
    const outcomes = results.map((r) => (r.errors?.length ? r.errors[0].extensions.code : 'ok')).sort();
    expect(outcomes).toEqual(['INVALID_TRANSITION', 'ok']);
    expect(await count('SELECT count(*) AS n FROM contract_signatures WHERE contract_id = $1', [c.id])).toBe(1);
    t.clock.advance(30_000);
  });

  it('gives a document template everything it needs in one call', async () => {
    const s = await scenario(t.app).contractNotarized();
    const seller = s.actors.seller;
    const c = { id: s.contractId, number: s.contractNumber };
    const notarized = (await t.ok(CONTRACT, { id: c.id }, seller.token)).contract;
    const data = await t.app.get(ContractReads).documentData(await seller.ctx(), c.id);
    expect(data.contract.number).toBe(c.number);
    expect(data.typeName).toEqual({ ar: 'عقد بيع', en: 'sale contract' });
    expect(data.office.code).toBe('RYD-NO1');
    expect(data.parties.map((p) => [p.role, p.roleName.en, p.signedByAgent, p.signedAt !== null])).toEqual([
      ['SELLER', 'seller', false, true],
      ['BUYER', 'buyer', false, true],
    ]);
    expect(data.notarizedByName?.en).toBe('Khalid Yousef Al-Mutairi');
    expect(data.verificationCode).toBe(notarized.verificationCode);
    expect(data.verificationUrl).toBe(`http://localhost:3999/verify/${notarized.verificationCode}`);
    // Someone who may not read the contract gets nothing.
    const stranger = t.app.get(RequestContextFactory).forActor('test-document', null);
    await expect(t.app.get(ContractReads).documentData(stranger, c.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an agent without an active power of attorney, and a principal who is not a party', async () => {
    const s = await scenario(t.app).agent({ twoFactor: true }).awaitingSignatures();
    const { seller, agent } = s.actors;
    const c = { id: s.contractId };
    const asAgent = (principal: string) => ({ i: { id: c.id, otp: '123456', onBehalfOfNationalId: principal } });
    // Both as for a contract that does not exist: the agent may not read this one.
    expect(await t.code(SIGN, asAgent(seller.nationalId), agent.token)).toBe('NOT_FOUND');
    expect(await t.code(SIGN, asAgent(nationalId()), agent.token)).toBe('NOT_FOUND');
    expect(await count('SELECT count(*) AS n FROM contract_signatures WHERE contract_id = $1', [c.id])).toBe(0);
  });

  it('lets the judge of the circuit void a notarized contract by a final judgment, and no one else', async () => {
    const fx = await courtWithStaff(t);
    const other = await courtWithStaff(t);
    const s = await scenario(t.app).contractNotarized();
    const { seller, buyer } = s.actors;
    const notarized = (await t.ok(CONTRACT, { id: s.contractId }, seller.token)).contract;
    const lawsuit = () => scenario(t.app).court(fx).claimant(buyer).defendant(seller);

    // A lawsuit of the buyer against the seller, judged by the fixture's circuit; not final yet.
    const judgment = { id: (await lawsuit().judgmentIssued()).judgmentId };
    const voiding = { number: notarized.number, judgmentId: judgment.id, reason: 'حكم نهائي ببطلان العقد — final judgment of nullity' };

    // Not final yet.
    const early = await t.gql(VOID, { i: voiding }, fx.judge.token);
    expect(fields(early)).toEqual(['input.judgmentId']);
    // Final: a second lawsuit's judgment, served on both parties, whose windows passed unused.
    const final = { id: (await lawsuit().final()).judgmentId };
    // No such judgment, and one of another circuit, answer alike: NOT_FOUND.
    expect(await t.code(VOID, { i: { ...voiding, judgmentId: '00000000-0000-4000-8000-000000000000' } }, fx.judge.token)).toBe('NOT_FOUND');
    voiding.judgmentId = final.id;
    expect(await t.code(VOID, { i: voiding }, other.judge.token)).toBe('NOT_FOUND');
    expect(await t.code(VOID, { i: voiding }, fx.clerk.token)).toBe('FORBIDDEN');
    expect(await t.code(VOID, { i: voiding }, notary)).toBe('FORBIDDEN');
    expect(await t.code(VOID, { i: { ...voiding, number: 'NC-1400-999999' } }, fx.judge.token)).toBe('NOT_FOUND');
    const voided = (await t.ok(VOID, { i: voiding }, fx.judge.token)).voidContract;
    expect(voided).toMatchObject({ state: 'VOIDED', voidJudgmentId: final.id, voidReason: voiding.reason });
    expect(await t.code(VOID, { i: voiding }, fx.judge.token)).toBe('INVALID_TRANSITION');
    expect((await noticesOf(seller)).find((n: Data) => n.kind === 'CONTRACT_VOIDED').bodyEn).toContain('voided by a final judgment');
    expect((await t.ok(VERIFY, { n: notarized.number, c: notarized.verificationCode })).verifyContract).toMatchObject({
      valid: false,
      state: 'VOIDED',
    });
    t.clock.reset();
  });
});
