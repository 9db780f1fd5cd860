/**
 * Signing a contract as an agent (وكيل): under an active power of attorney that grants the power
 * the contract's type and the principal's role need (contract-rules.ts: AGENCY_POWER). The agent
 * proves presence with their own fresh one-time code; the signature records the agent and the
 * power of attorney relied on. The powers of attorney are issued by a notary of the office.
 */
import { CANCEL, CONTRACT, DRAFT, freshOtp, NOTARIZE, officeId, saleInput, SIGN, signer, Signer, SUBMIT } from './factories/contracts';
import { ISSUE, poaInput } from './factories/powers-of-attorney';
import { startApp, TestApp } from './harness';

type Data = Record<string, any>;

const REVOKE = `mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { id state } }`;

describe('contracts signed by agents under powers of attorney', () => {
  let t: TestApp;
  let office: string;
  let notary: string;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    office = await officeId(t);
    notary = await t.token('notary');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A power of attorney issued by the notary of the office: `principal` appoints `agent` for `powers`. */
  async function poa(principal: Signer, agent: Signer, powers: string[], days = 365): Promise<Data> {
    const validTo = new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();
    return (
      await t.ok(ISSUE, { i: poaInput([principal.nationalId], [agent.nationalId], { notaryOfficeId: office, powers, validTo }) }, notary)
    ).issuePowerOfAttorney.powerOfAttorney;
  }

  async function awaiting(seller: Signer, buyer: Signer): Promise<Data> {
    const c = (await t.ok(DRAFT, { i: saleInput(office, seller.nationalId, buyer.nationalId) }, seller.token)).draftContract;
    return (await t.ok(SUBMIT, { id: c.id }, seller.token)).submitContractForSignature;
  }

  it('lets an agent sign for the seller under a power to sell, recording the agent and the power of attorney', async () => {
    const seller = await signer(t);
    const buyer = await signer(t);
    const agent = await signer(t, 'Agent Person');
    const power = await poa(seller, agent, ['RE_SELL']);
    const c = await awaiting(seller, buyer);

    const noCode = await t.gql(SIGN, { i: { id: c.id, otp: '', onBehalfOfNationalId: seller.nationalId } }, agent.token);
    expect(noCode.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.otp']);

    const signed = (
      await t.ok(SIGN, { i: { id: c.id, otp: await freshOtp(t, agent), onBehalfOfNationalId: seller.nationalId } }, agent.token)
    ).signContract;
    const sellerParty = signed.parties.find((p: Data) => p.role === 'SELLER');
    expect(signed.signatures).toEqual([
      expect.objectContaining({ partyId: sellerParty.id, purpose: 'SIGN', byAgent: true, powerOfAttorneyId: power.id }),
    ]);
    // The principal's party has signed: neither the seller nor the agent signs it again.
    expect(await t.code(SIGN, { i: { id: c.id, otp: await freshOtp(t, seller) } }, seller.token)).toBe('INVALID_TRANSITION');
    await t.ok(SIGN, { i: { id: c.id, otp: await freshOtp(t, buyer) } }, buyer.token);
    expect((await t.ok(NOTARIZE, { id: c.id }, notary)).notarizeContract.state).toBe('NOTARIZED');
    const notices = (await t.ok('{ notifications(first: 50) { edges { node { kind bodyEn } } } }', {}, seller.token)).notifications.edges;
    expect(notices.some((e: Data) => e.node.kind === 'CONTRACT_SIGNED' && /through an agent/.test(e.node.bodyEn))).toBe(true);

    // The agent may also agree to cancel for the principal (the same power), with a fresh code.
    const half = (
      await t.ok(CANCEL, { i: { id: c.id, otp: await freshOtp(t, agent), onBehalfOfNationalId: seller.nationalId } }, agent.token)
    ).requestContractCancellation;
    expect(half.state).toBe('NOTARIZED');
    expect((await t.ok(CANCEL, { i: { id: c.id, otp: await freshOtp(t, buyer) } }, buyer.token)).requestContractCancellation.state).toBe(
      'CANCELLED',
    );
  });

  it('refuses an agent whose power of attorney lacks the power this role needs', async () => {
    const seller = await signer(t);
    const buyer = await signer(t);
    const agent = await signer(t);
    await poa(seller, agent, ['RE_BUY', 'RE_LEASE']);
    const c = await awaiting(seller, buyer);
    const code = await t.code(
      SIGN,
      { i: { id: c.id, otp: await freshOtp(t, agent), onBehalfOfNationalId: seller.nationalId } },
      agent.token,
    );
    expect(code).toBe('FORBIDDEN');
    expect((await t.ok(CONTRACT, { id: c.id }, seller.token)).contract.signatures).toEqual([]);
  });

  it('refuses an agent under a revoked or an expired power of attorney', async () => {
    const seller = await signer(t);
    const buyer = await signer(t);
    const agent = await signer(t);
    const revoked = await poa(seller, agent, ['RE_SELL']);
    await t.ok(REVOKE, { i: { id: revoked.id, reason: 'لم أعد بحاجة إليها — no longer needed' } }, seller.token);
    const c = await awaiting(seller, buyer);
    const asAgent = async () => ({ i: { id: c.id, otp: await freshOtp(t, agent), onBehalfOfNationalId: seller.nationalId } });
    expect(await t.code(SIGN, await asAgent(), agent.token)).toBe('POWER_OF_ATTORNEY_INACTIVE');

    const buyerAgent = await signer(t);
    await poa(buyer, buyerAgent, ['RE_BUY'], 1);
    t.clock.advance(2 * 86_400_000);
    const late = await t.code(
      SIGN,
      { i: { id: c.id, otp: await freshOtp(t, buyerAgent), onBehalfOfNationalId: buyer.nationalId } },
      buyerAgent.token,
    );
    expect(late).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect((await t.ok(CONTRACT, { id: c.id }, seller.token)).contract.signatures).toEqual([]);
  });
});
