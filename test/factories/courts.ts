/** A court of its own for a spec: one CIVIL circuit, a judge, a clerk, and their tokens. */
import { SEED_HOLIDAYS } from '../../src/seed/seed-data';
import { nationalId, uniqueCode } from './people';
import type { TestApp } from '../harness';

export interface CourtFixture {
  court: { id: string; code: string };
  circuitId: string;
  judge: { id: string; token: string };
  clerk: { id: string; token: string };
}

const PASSWORD = 'Staff-Pass-2026';

export async function courtWithStaff(t: TestApp): Promise<CourtFixture> {
  const admin = await t.token('admin');
  const code = uniqueCode('K');
  const court = (
    await t.ok(
      'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id code } }',
      { i: { code, nameAr: 'محكمة اختبار', nameEn: 'Test Court', type: 'GENERAL', city: `Testcity ${code}` } },
      admin,
    )
  ).createCourt;
  const circuitId = (
    await t.ok(
      'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
      { i: { courtId: court.id, code: 'CIV-1', nameAr: 'الدائرة الأولى', nameEn: 'First Circuit', specialization: 'CIVIL' } },
      admin,
    )
  ).createCircuit.id;
  const person = async (nameEn: string, membership: Record<string, unknown>) => {
    const id = nationalId();
    const user = (
      await t.ok(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { nationalId: id, nameAr: 'موظف', nameEn, password: PASSWORD, roles: [], memberships: [membership] } },
        admin,
      )
    ).createUser;
    return { id: user.id as string, token: await t.login(id, PASSWORD) };
  };
  return {
    court,
    circuitId,
    judge: await person('Test Judge', { role: 'JUDGE', circuitId }),
    clerk: await person('Test Clerk', { role: 'CLERK', courtId: court.id }),
  };
}

/**
 * A working-day instant `daysAhead` or more days from now at `hour`:`minute` Riyadh time (Sunday to
 * Thursday, not a seeded holiday). Offsets 7 days apart always give distinct days.
 */
export function workingSlot(daysAhead: number, hour = 9, minute = 0, from: Date = new Date()): Date {
  const d = new Date(from.getTime() + daysAhead * 86_400_000);
  for (;;) {
    const riyadh = new Date(d.getTime() + 3 * 3600_000);
    const weekday = riyadh.getUTCDay();
    const day = riyadh.toISOString().slice(0, 10);
    if (weekday <= 4 && !SEED_HOLIDAYS.some((h) => h.startsOn <= day && day <= h.endsOn)) {
      return new Date(Date.UTC(riyadh.getUTCFullYear(), riyadh.getUTCMonth(), riyadh.getUTCDate(), hour - 3, minute));
    }
    d.setTime(d.getTime() + 86_400_000);
  }
}
