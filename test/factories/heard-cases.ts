/**
 * A registered case of a fixture court with its first hearing held, in one call: the claimant and
 * defendant registered citizens, the claimant present or absent, the test clock left at the hearing.
 */
import type { TestApp } from '../harness';
import type { CourtFixture } from './courts';
import { workingSlot } from './courts';
import { lawsuitInput } from './lawsuits';
import { Citizen, registerCitizen } from './people';

export interface HeardCase {
  id: string;
  claimant: Citizen;
  defendant: Citizen;
  feeAmount: number;
  hearing: { id: string; startsAt: Date };
}

const weeks = new WeakMap<CourtFixture, number>();
const labourCircuits = new WeakMap<CourtFixture, string>();

/** A labour circuit in the fixture court, where the fixture judge also sits (made once per fixture). */
export async function labourCircuit(t: TestApp, fx: CourtFixture): Promise<string> {
  const known = labourCircuits.get(fx);
  if (known) return known;
  const admin = await t.token('admin');
  const id = (
    await t.ok(
      'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
      { i: { courtId: fx.court.id, code: 'LAB-1', nameAr: 'الدائرة العمالية', nameEn: 'Labour Circuit', specialization: 'LABOR' } },
      admin,
    )
  ).createCircuit.id as string;
  await t.ok(
    'mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }',
    { i: { userId: fx.judge.id, role: 'JUDGE', circuitId: id } },
    admin,
  );
  labourCircuits.set(fx, id);
  return id;
}

export async function heardCase(
  t: TestApp,
  fx: CourtFixture,
  options: { category?: string; amount?: number; claimantPresent?: boolean } = {},
): Promise<HeardCase> {
  const { category = 'CIVIL', amount = 100_000, claimantPresent = true } = options;
  if (category === 'LABOR') await labourCircuit(t, fx);
  const claimant = await registerCitizen(t);
  const defendant = await registerCitizen(t);
  const input = lawsuitInput(claimant.nationalId, {
    category,
    courtId: fx.court.id,
    city: undefined,
    claims: [{ description: 'سداد المبلغ — pay the amount', amount }],
    defendants: [{ kind: 'PERSON', nationalId: defendant.nationalId, nameAr: 'المدعى عليه', nameEn: 'Defendant' }],
  });
  const filed = (await t.ok('mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id feeAmount } }', { i: input }, claimant.token))
    .fileLawsuit;
  await t.ok('mutation($id: ID!) { submitLawsuit(id: $id) { id } }', { id: filed.id }, claimant.token);
  await t.ok(
    'mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { id } }',
    { i: { id: filed.id, decision: 'ACCEPT' } },
    fx.clerk.token,
  );

  const week = (weeks.get(fx) ?? 0) + 1;
  weeks.set(fx, week);
  const startsAt = workingSlot(7 * week + 2, 10, 0, t.clock.now());
  const hearing = (
    await t.ok(
      'mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { id } }',
      { i: { lawsuitId: filed.id, startsAt: startsAt.toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 3' } },
      fx.clerk.token,
    )
  ).scheduleHearing;
  const parties = (await t.ok('query($id: ID!) { lawsuit(id: $id) { parties { id side } } }', { id: filed.id }, fx.clerk.token)).lawsuit
    .parties as { id: string; side: string }[];
  t.clock.set(new Date(startsAt.getTime() + 5 * 60_000));
  await t.ok(
    'mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { state } }',
    {
      i: {
        hearingId: hearing.id,
        minutes: 'محضر الجلسة — minutes of the hearing',
        attendance: parties.map((p) => ({ partyId: p.id, present: p.side === 'DEFENDANT' || claimantPresent })),
      },
    },
    fx.judge.token,
  );
  return { id: filed.id, claimant, defendant, feeAmount: filed.feeAmount, hearing: { id: hearing.id, startsAt } };
}
