/**
 * Representation of record (docs/domain.md, "Lawyers and agents in lawsuits"): a licensed lawyer
 * with the defendant's power of attorney enters an appearance, becomes the representative of
 * record (told, with the parties; sees the case), and the representation ends when they withdraw
 * or the party ends it — each refusal with its code.
 */
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { Representation } from '../../src/litigation/lawsuits/representation.service';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { PartyKind, RepresentationBasis } from '../../src/litigation/lawsuits/lawsuit.enums';
import { NotificationKind } from '../../src/notifications';
import type { Person } from '../scenario/people';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

describe('representation of record', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  const representation = () => m.get(Representation);
  const partyRow = async (s: Scenario, side: 'CLAIMANT' | 'DEFENDANT') =>
    (
      await m.db.query('SELECT id, representative_id, power_of_attorney_id FROM lawsuit_parties WHERE lawsuit_id = $1 AND side = $2', [
        s.lawsuitId,
        side,
      ])
    )[0];
  const notices = async (s: Scenario) =>
    m.db.query<{ national_id: string; data: { change: string } }[]>(
      'SELECT national_id, data FROM notifications WHERE lawsuit_id = $1 AND kind = $2 ORDER BY created_at',
      [s.lawsuitId, NotificationKind.REPRESENTATION_CHANGED],
    );

  /** A registered case whose defendant gave `agent` a power of attorney with `powers`. */
  async function defendedBy(agent: Person, powers: string[] = ['LIT_PLEAD']): Promise<Scenario> {
    const s = await scenario(m).registered();
    const defendant = s.actors.defendant;
    await scenario(m)
      .principal({ id: defendant.id, nationalId: defendant.nationalId })
      .agent({ id: agent.id, nationalId: agent.nationalId })
      .poa({ powers: powers as never[] })
      .poaIssuedByNotary();
    return s;
  }

  it('makes the defendant’s lawyer its representative of record, told with the parties, seeing the case', async () => {
    const lawyer = await m.seeded('lawyer');
    const s = await defendedBy(lawyer);
    const defendant = await partyRow(s, 'DEFENDANT');
    const party = await representation().enterAppearance(await lawyer.ctx(), s.lawsuitId, defendant.id);
    expect(party.representativeId).toBe(lawyer.id);
    expect(await partyRow(s, 'DEFENDANT')).toMatchObject({ representative_id: lawyer.id, power_of_attorney_id: expect.any(String) });
    expect((await notices(s)).map((n) => n.national_id.trim()).sort()).toEqual(
      [s.actors.claimant.nationalId, s.actors.defendant.nationalId, lawyer.nationalId].sort(),
    );
    expect((await m.get(LawsuitsService).get(await lawyer.ctx(), s.lawsuitId)).id).toBe(s.lawsuitId);
    // Again: nothing to change.
    expect(await refusal(representation().enterAppearance(await lawyer.ctx(), s.lawsuitId, defendant.id))).toBe('BAD_USER_INPUT');
  });

  it('refuses a lawyer without the party’s power of attorney, an agent who is not a lawyer, and a party not of the case', async () => {
    const lawyer = await m.seeded('lawyer');
    const s = await scenario(m).registered();
    const defendant = await partyRow(s, 'DEFENDANT');
    // The lawyer has no power from this defendant: the case itself is hidden from them.
    expect(await refusal(representation().enterAppearance(await lawyer.ctx(), s.lawsuitId, defendant.id))).toBe('NOT_FOUND');

    const relative = await scenario(m)
      .registered()
      .then((x) => x.actors.claimant);
    const t = await defendedBy(relative);
    const party = await partyRow(t, 'DEFENDANT');
    expect(await refusal(representation().enterAppearance(await relative.ctx(), t.lawsuitId, party.id))).toBe('FORBIDDEN');
    const other = await partyRow(s, 'CLAIMANT');
    const withPower = await defendedBy(lawyer);
    expect(await refusal(representation().enterAppearance(await lawyer.ctx(), withPower.lawsuitId, other.id))).toBe('BAD_USER_INPUT');
  });

  it('ends when the lawyer withdraws or the party ends it, and not at anyone else’s word', async () => {
    const lawyer = await m.seeded('lawyer');
    const s = await defendedBy(lawyer);
    const defendant = await partyRow(s, 'DEFENDANT');
    await representation().enterAppearance(await lawyer.ctx(), s.lawsuitId, defendant.id);
    expect(await refusal(representation().withdraw(await s.actors.claimant.ctx(), s.lawsuitId, defendant.id))).toBe('FORBIDDEN');
    await representation().withdraw(await s.actors.defendant.ctx(), s.lawsuitId, defendant.id);
    expect(await partyRow(s, 'DEFENDANT')).toMatchObject({ representative_id: null, power_of_attorney_id: null });
    expect([...new Set((await notices(s)).map((n) => n.data.change))]).toEqual(['entered', 'ended']);
    expect(await refusal(representation().withdraw(await lawyer.ctx(), s.lawsuitId, defendant.id))).toBe('INVALID_TRANSITION');

    await representation().enterAppearance(await lawyer.ctx(), s.lawsuitId, defendant.id);
    await representation().withdraw(await lawyer.ctx(), s.lawsuitId, defendant.id);
    expect(await partyRow(s, 'DEFENDANT')).toMatchObject({ representative_id: null });
  });

  it('lets the court record an organization’s representative, who then acts for it: objects to the judgment', async () => {
    const s = await scenario(m)
      .lawsuit({
        defendants: [{ kind: PartyKind.ORGANIZATION, organizationNumber: '7001234567', nameAr: 'شركة التوريد', nameEn: 'Supply Co.' }],
      })
      .judgmentIssued();
    const [company] = await m.db.query('SELECT id FROM lawsuit_parties WHERE lawsuit_id = $1 AND side = $2', [s.lawsuitId, 'DEFENDANT']);
    const signatory = await scenario(m)
      .claimant()
      .lawsuit()
      .then((x) => x.actors.claimant);
    const clerk = await s.clerk();
    const appoint = async (who: Person, input: Record<string, unknown> = {}) =>
      representation().appointForOrganization(await who.ctx(), {
        lawsuitId: s.lawsuitId,
        partyId: company.id,
        representativeNationalId: signatory.nationalId,
        basis: RepresentationBasis.AUTHORIZED_SIGNATORY,
        reference: 'سجل تجاري 7001234567',
        ...input,
      });
    // Only the court records it; a lawyer's basis needs a lawyer; a person party is represented by its own agents.
    expect(await refusal(appoint(s.actors.claimant))).toBe('FORBIDDEN');
    expect(await refusal(appoint(clerk, { basis: RepresentationBasis.POWER_OF_ATTORNEY }))).toBe('BAD_USER_INPUT');
    const [claimant] = await m.db.query('SELECT id FROM lawsuit_parties WHERE lawsuit_id = $1 AND side = $2', [s.lawsuitId, 'CLAIMANT']);
    expect(await refusal(appoint(clerk, { partyId: claimant.id }))).toBe('BAD_USER_INPUT');
    // Before, the signatory does not see the case; then they act for the company.
    expect(await refusal(m.get(LawsuitsService).get(await signatory.ctx(), s.lawsuitId))).toBe('NOT_FOUND');
    await appoint(clerk);
    expect((await m.get(LawsuitsService).get(await signatory.ctx(), s.lawsuitId)).id).toBe(s.lawsuitId);
    const objection = await m
      .get(JudgmentsService)
      .fileObjection(await signatory.ctx(), { lawsuitId: s.lawsuitId, reasons: 'نعترض — we object' });
    expect(objection.partyId).toBe(company.id);
  });
});
