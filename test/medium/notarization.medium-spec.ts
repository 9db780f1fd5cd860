/**
 * Notarized contracts and the agents who sign them, as the contracts service decides: an amendment
 * after a signature sends the contract back to draft and voids what was signed; a notary notarizes
 * only what every party signed; an agent signs for a principal under a power of attorney in force,
 * and not once it is revoked.
 */
import { ContractDrafting } from '../../src/notarization/contracts/contract-drafting.service';
import { ContractNotarization } from '../../src/notarization/contracts/contract-notarization.service';
import { ContractReads } from '../../src/notarization/contracts/contract-reads.service';
import { ContractSignatures } from '../../src/notarization/contracts/contract-signatures.service';
import { saleContent } from '../scenario/notarization';
import type { Person } from '../scenario/people';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

describe('contracts and their signatures', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const contracts = () => ({
    sign: m.get(ContractSignatures).sign.bind(m.get(ContractSignatures)),
    updateDraft: m.get(ContractDrafting).updateDraft.bind(m.get(ContractDrafting)),
    get: m.get(ContractReads).get.bind(m.get(ContractReads)),
    notarize: m.get(ContractNotarization).notarize.bind(m.get(ContractNotarization)),
  });
  const sign = async (s: Scenario, signer: Person, onBehalfOfNationalId?: string) =>
    contracts().sign(await signer.ctx(), { id: s.contractId, otp: await signer.otp(), onBehalfOfNationalId });
  const signatures = async (s: Scenario) =>
    m.db.query<{ signed_by: string; invalidated_at: Date | null; power_of_attorney_id: string | null }[]>(
      'SELECT signed_by, invalidated_at, power_of_attorney_id FROM contract_signatures WHERE contract_id = $1 ORDER BY signed_at',
      [s.contractId],
    );

  it('sends a contract back to draft when it is amended after a signature, and keeps that signature as invalidated', async () => {
    const s = await scenario(m).awaitingSignatures();
    await sign(s, s.actors.seller);
    const amended = await contracts().updateDraft(await s.actors.seller.ctx(), {
      id: s.contractId,
      version: (await contracts().get(await s.actors.seller.ctx(), s.contractId)).version,
      ...saleContent(s, { price: 1100000 }),
    });
    expect(amended.state).toBe('DRAFT');
    expect(await signatures(s)).toEqual([expect.objectContaining({ signed_by: s.actors.seller.id, invalidated_at: expect.any(Date) })]);
  });

  it('notarizes only once every party has signed', async () => {
    const s = await scenario(m).awaitingSignatures();
    await sign(s, s.actors.buyer);
    const notary = await m.as('notary');
    const unsigned = await contracts()
      .notarize(notary, s.contractId)
      .catch((e: { code: string; details: Record<string, unknown> }) => e);
    expect(unsigned).toMatchObject({ code: 'INVALID_TRANSITION', details: { unsignedPartyIds: [expect.any(String)] } });
    await sign(s, s.actors.seller);
    await s.notaryFeePaid();
    expect((await contracts().notarize(notary, s.contractId)).state).toBe('NOTARIZED');
  });

  it('takes an agent’s signature for the seller under a power to sell, recording the power of attorney', async () => {
    const s = await scenario(m)
      .agent({ twoFactor: true })
      .poa({ powers: ['RE_SELL'] })
      .poaIssuedByNotary();
    await s.seller(s.actors.principal).awaitingSignatures();
    await sign(s, s.actors.agent, s.actors.seller.nationalId);
    expect(await signatures(s)).toEqual([{ signed_by: s.actors.agent.id, invalidated_at: null, power_of_attorney_id: s.poaId }]);
  });

  it('refuses an agent once the power of attorney is revoked', async () => {
    const s = await scenario(m)
      .agent({ twoFactor: true })
      .poa({ powers: ['RE_SELL'] })
      .poaRevoked();
    await s.seller(s.actors.principal).awaitingSignatures();
    expect(await refusal(sign(s, s.actors.agent, s.actors.seller.nationalId))).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect(await signatures(s)).toEqual([]);
  });
});
