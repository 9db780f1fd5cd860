/**
 * Signing a contract as an agent (وكيل): under an active power of attorney that grants the power
 * the contract's type and the principal's role need (contract-rules.ts: AGENCY_POWER). The agent
 * proves presence with their own fresh one-time code; the signature records the agent and the
 * power of attorney relied on. The powers of attorney are issued by a notary of the office.
 */
import { CANCEL, CONTRACT, NOTARIZE, SIGN } from './factories/contracts';
import { payNotaryFee } from './factories/fees';
import { startApp, TestApp } from './harness';
import type { PoaOptions } from './scenario/notarization';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';

type Data = Record<string, any>;

describe('contracts signed by agents under powers of attorney', () => {
  let t: TestApp;
  let notary: string;

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    notary = await t.token('notary');
  });
  afterAll(async () => {
    await t.close();
  });

  /** A citizen with two-factor authentication enrolled. */
  async function signer(nameEn?: string): Promise<Person> {
    return (await scenario(t.app).agent({ twoFactor: true, nameEn })).actors.agent;
  }

  /** A power of attorney issued by the notary of the office: `principal` appoints `agent` for `powers`. */
  function poa(principal: Person, agent: Person, powers: NonNullable<PoaOptions['powers']>, days = 365) {
    const validTo = new Date(t.clock.now().getTime() + days * 86_400_000);
    return scenario(t.app).principal(principal).agent(agent).poa({ powers, validTo }).poaIssuedByNotary();
  }

  it('lets an agent sign for the seller under a power to sell, recording the agent and the power of attorney', async () => {
    // A sale between a seller and a buyer, put to their signatures once the seller has appointed an agent.
    const sale = await scenario(t.app).seller().buyer();
    const { seller, buyer } = sale.actors;
    const agent = await signer('Agent Person');
    const power = await poa(seller, agent, ['RE_SELL']);
    const c = { id: (await sale.awaitingSignatures()).contractId };

    const noCode = await t.gql(SIGN, { i: { id: c.id, otp: '', onBehalfOfNationalId: seller.nationalId } }, agent.token);
    expect(noCode.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.otp']);

    const signed = (await t.ok(SIGN, { i: { id: c.id, otp: await agent.otp(), onBehalfOfNationalId: seller.nationalId } }, agent.token))
      .signContract;
    const sellerParty = signed.parties.find((p: Data) => p.role === 'SELLER');
    expect(signed.signatures).toEqual([
      expect.objectContaining({ partyId: sellerParty.id, purpose: 'SIGN', byAgent: true, powerOfAttorneyId: power.poaId }),
    ]);
    // The principal's party has signed: neither the seller nor the agent signs it again.
    expect(await t.code(SIGN, { i: { id: c.id, otp: await seller.otp() } }, seller.token)).toBe('INVALID_TRANSITION');
    await t.ok(SIGN, { i: { id: c.id, otp: await buyer.otp() } }, buyer.token);
    await payNotaryFee(t, c.id, seller.token);
    expect((await t.ok(NOTARIZE, { id: c.id }, notary)).notarizeContract.state).toBe('NOTARIZED');
    const notices = (await t.ok('{ notifications(first: 50) { edges { node { kind bodyEn } } } }', {}, seller.token)).notifications.edges;
    expect(notices.some((e: Data) => e.node.kind === 'CONTRACT_SIGNED' && /through an agent/.test(e.node.bodyEn))).toBe(true);

    // The agent may also agree to cancel for the principal (the same power), with a fresh code.
    const half = (await t.ok(CANCEL, { i: { id: c.id, otp: await agent.otp(), onBehalfOfNationalId: seller.nationalId } }, agent.token))
      .requestContractCancellation;
    expect(half.state).toBe('NOTARIZED');
    expect((await t.ok(CANCEL, { i: { id: c.id, otp: await buyer.otp() } }, buyer.token)).requestContractCancellation.state).toBe(
      'CANCELLED',
    );
  });

  it('refuses an agent whose power of attorney lacks the power this role needs', async () => {
    const sale = await scenario(t.app).seller().buyer();
    const { seller } = sale.actors;
    const agent = await signer();
    await poa(seller, agent, ['RE_BUY', 'RE_LEASE']);
    const c = { id: (await sale.awaitingSignatures()).contractId };
    const code = await t.code(SIGN, { i: { id: c.id, otp: await agent.otp(), onBehalfOfNationalId: seller.nationalId } }, agent.token);
    // As for a contract that does not exist: the agent may not read this one.
    expect(code).toBe('NOT_FOUND');
    expect((await t.ok(CONTRACT, { id: c.id }, seller.token)).contract.signatures).toEqual([]);
  });

  it('refuses an agent under a revoked or an expired power of attorney', async () => {
    const sale = await scenario(t.app).seller().buyer();
    const { seller, buyer } = sale.actors;
    const agent = await signer();
    await poa(seller, agent, ['RE_SELL']).poaRevoked({ reason: 'لم أعد بحاجة إليها — no longer needed' });
    const c = { id: (await sale.awaitingSignatures()).contractId };
    const asAgent = async () => ({ i: { id: c.id, otp: await agent.otp(), onBehalfOfNationalId: seller.nationalId } });
    expect(await t.code(SIGN, await asAgent(), agent.token)).toBe('POWER_OF_ATTORNEY_INACTIVE');

    const buyerAgent = await signer();
    await poa(buyer, buyerAgent, ['RE_BUY'], 1);
    t.clock.advance(2 * 86_400_000);
    const late = await t.code(
      SIGN,
      { i: { id: c.id, otp: await buyerAgent.otp(), onBehalfOfNationalId: buyer.nationalId } },
      buyerAgent.token,
    );
    expect(late).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect((await t.ok(CONTRACT, { id: c.id }, seller.token)).contract.signatures).toEqual([]);
  });
});
