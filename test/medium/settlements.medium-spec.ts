/**
 * Settlement (docs/domain.md, "Settlement"): terms with an amount and instalments, checked; each
 * party's consent given once with a fresh one-time code; the judge's approval only once all have
 * consented, which settles the case (fee recomputed, hearings ahead cancelled) and makes the deed
 * available; a later proposal supersedes, a case ending otherwise lapses it.
 */
import { DocumentKind, DocumentsService } from '../../src/documents';
import { DocumentLanguage } from '../../src/documents/document.enums';
import { DomainError } from '../../src/core/errors/domain-error';
import { LawsuitsService } from '../../src/litigation/lawsuits/lawsuits.service';
import { SettlementsService } from '../../src/litigation/settlements/settlements.service';
import type { Person } from '../scenario/people';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

const TERMS = 'يدفع المدعى عليه للمدعي تسعين ألف ريال على قسطين — the defendant pays 90,000 in two instalments.';

describe('settlement', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const service = () => m.get(SettlementsService);
  const day = (daysAhead: number) => new Date(m.clock.now().getTime() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  const propose = async (s: Scenario, who: Person, extra: Record<string, unknown> = {}) =>
    service().propose(await who.ctx(), {
      lawsuitId: s.lawsuitId,
      terms: TERMS,
      amount: 90_000,
      instalments: [
        { dueOn: day(30), amount: 45_000 },
        { dueOn: day(60), amount: 45_000 },
      ],
      ...extra,
    });
  const consent = async (settlementId: string, who: Person) => {
    await who.enrolTwoFactor();
    return service().consent(await who.ctx(), { settlementId, otp: await who.otp() });
  };
  const stateOf = async (table: string, id: string) => (await m.db.query(`SELECT state FROM ${table} WHERE id = $1`, [id]))[0].state;

  it('checks the instalments: they need an amount, follow in date order from today, and add up to it', async () => {
    const s = await scenario(m).hearingHeld();
    const fieldOf = async (extra: Record<string, unknown>) => {
      const err = (await propose(s, s.actors.claimant, extra).catch((e: DomainError) => e)) as DomainError;
      expect(err.code).toBe('BAD_USER_INPUT');
      return (err.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    };
    expect(await fieldOf({ amount: undefined })).toEqual(['input.instalments']);
    expect(await fieldOf({ amount: 100_000 })).toEqual(['input.instalments']);
    expect(await fieldOf({ instalments: [{ dueOn: day(-1), amount: 90_000 }] })).toEqual(['input.instalments']);
    expect(
      await fieldOf({
        instalments: [
          { dueOn: day(60), amount: 45_000 },
          { dueOn: day(30), amount: 45_000 },
        ],
      }),
    ).toEqual(['input.instalments']);
    // Not the case's own: a stranger learns nothing of it.
    const stranger = await scenario(m).claimant().lawsuit();
    expect(await refusal(propose(s, stranger.actors.claimant))).toBe('NOT_FOUND');
  });

  it('is approved only once every party consented, each once with a fresh code; then the case is settled and the deed issued', async () => {
    const s = await scenario(m).hearingHeld();
    await s.scheduleHearing();
    const ahead = s.hearingId;
    const proposed = await propose(s, s.actors.claimant);
    expect(proposed).toMatchObject({ state: 'PROPOSED', amount: 90_000 });
    const feeBefore = Number((await m.db.query('SELECT fee_amount FROM lawsuits WHERE id = $1', [s.lawsuitId]))[0].fee_amount);
    const judge = await s.judge();
    const approve = async () => service().approve(await judge.ctx(), proposed.id);

    const early = (await approve().catch((e: DomainError) => e)) as DomainError;
    expect(early).toMatchObject({ code: 'INVALID_TRANSITION', details: { machine: 'Settlement', guard: 'every party consented' } });
    // The deed is of an approved settlement only.
    const deed = async (who: Person) =>
      m
        .get(DocumentsService)
        .request(await who.ctx(), { kind: DocumentKind.SETTLEMENT, subjectId: proposed.id, language: DocumentLanguage.AR });
    expect(await refusal(deed(s.actors.claimant))).toBe('INVALID_TRANSITION');

    await consent(proposed.id, s.actors.claimant);
    expect(await refusal(consent(proposed.id, s.actors.claimant))).toBe('INVALID_TRANSITION');
    // A wrong code spends nothing and consents to nothing.
    await s.actors.defendant.enrolTwoFactor();
    expect(await refusal(service().consent(await s.actors.defendant.ctx(), { settlementId: proposed.id, otp: '000000' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await refusal(approve())).toBe('INVALID_TRANSITION');
    // Only the circuit's judge approves.
    expect(await refusal(service().approve(await s.actors.claimant.ctx(), proposed.id))).toBe('FORBIDDEN');

    await consent(proposed.id, s.actors.defendant);
    const approved = await approve();
    expect(approved).toMatchObject({ state: 'APPROVED' });
    expect(approved.approvedAt).not.toBeNull();
    const lawsuit = await m.get(LawsuitsService).get(await s.actors.claimant.ctx(), s.lawsuitId);
    expect(lawsuit.state).toBe('SETTLED');
    // Settled after a hearing was held: the fee is recomputed by the schedule, and lower.
    expect(feeBefore).toBeGreaterThan(0);
    expect(Number(lawsuit.feeAmount)).toBeLessThan(feeBefore);
    expect(await stateOf('hearings', ahead)).toBe('CANCELLED');
    expect((await deed(s.actors.defendant)).kind).toBe(DocumentKind.SETTLEMENT);
    expect(await refusal(approve())).toBe('INVALID_TRANSITION');
  });

  it('is superseded by a later proposal, whose consents start afresh; and lapses when the case ends otherwise', async () => {
    const s = await scenario(m).hearingHeld();
    const first = await propose(s, s.actors.claimant);
    await consent(first.id, s.actors.claimant);
    const second = await propose(s, s.actors.defendant, { amount: 80_000, instalments: [] });
    expect(await stateOf('lawsuit_settlements', first.id)).toBe('SUPERSEDED');
    expect(await refusal(consent(first.id, s.actors.defendant))).toBe('INVALID_TRANSITION');
    const judge = await s.judge();
    expect(await refusal(service().approve(await judge.ctx(), second.id))).toBe('INVALID_TRANSITION');

    await m.get(LawsuitsService).withdraw(await s.actors.claimant.ctx(), s.lawsuitId);
    expect(await stateOf('lawsuit_settlements', second.id)).toBe('LAPSED');
  });
});
