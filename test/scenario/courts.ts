/**
 * Where a scenario's case is heard: a seeded court by code, a court an end-to-end spec made, or
 * a court of the spec's own (made once per app by the administrator: one civil circuit, a judge
 * and a clerk), with a circuit of the case's specialization seated when it lacks one. Hearing
 * slots are asked of the real scheduler: a clash answers HEARING_CONFLICT with the next free slot.
 */
import { Circuit } from '../../src/organizations/circuit.entity';
import { Court } from '../../src/organizations/court.entity';
import { CourtType, Specialization } from '../../src/organizations/organization.enums';
import { OrganizationsService } from '../../src/organizations/organizations.service';
import { Role } from '../../src/access/role.enum';
import { UsersService } from '../../src/identity/users.service';
import { LawsuitCategory } from '../../src/litigation/lawsuits/lawsuit.enums';
import { SPECIALIZATION_FOR } from '../../src/litigation/lawsuits/routing';
import { uniqueCode } from '../factories/people';
import type { Host } from './host';
import { Person, personById, seated } from './people';

/** A court an end-to-end spec made (test/factories/courts.ts courtWithStaff), or one like it. */
export interface CourtLike {
  court: { id: string; code: string };
  circuitId?: string;
  judge?: { id: string };
  clerk?: { id: string };
}

export interface ScenarioCourt {
  id: string;
  code: string;
  /** Made for the spec (not seeded): a circuit of another specialization may be added to it. */
  own: boolean;
}

/** A seeded (or any existing) court by its code. */
export function courtByCode(host: Host, code: string): Promise<ScenarioCourt> {
  return host.once(`court:${code}`, async () => {
    const court = await host.system().repo(Court).findOneByOrFail({ code });
    return { id: court.id, code: court.code, own: false };
  });
}

/** A court of the spec's own, made once per app: one civil circuit with a judge, and a clerk. */
export function ownCourt(host: Host): Promise<ScenarioCourt> {
  return host.once('court:own', async () => {
    const admin = await host.admin();
    const orgs = host.get(OrganizationsService);
    const code = uniqueCode('S');
    const court = await orgs.createCourt(admin, {
      code,
      nameAr: 'محكمة السيناريو',
      nameEn: 'Scenario Court',
      type: CourtType.GENERAL,
      city: `Scenario City ${code}`,
    });
    const circuit = await orgs.createCircuit(admin, {
      courtId: court.id,
      code: 'CIV-1',
      nameAr: 'الدائرة الأولى',
      nameEn: 'First Circuit',
      specialization: Specialization.CIVIL,
    });
    await Promise.all([
      seated(host, { role: Role.JUDGE, circuitId: circuit.id }, 'Scenario Judge'),
      seated(host, { role: Role.CLERK, courtId: court.id }, 'Scenario Clerk'),
    ]);
    return { id: court.id, code, own: true };
  });
}

/** A new court with two civil circuits, each with a judge of its own, and a clerk: cases of it go to both by turns. */
export async function twoCircuitCourt(host: Host): Promise<ScenarioCourt> {
  const admin = await host.admin();
  const orgs = host.get(OrganizationsService);
  const code = uniqueCode('R');
  const court = await orgs.createCourt(admin, {
    code,
    nameAr: 'محكمة الدائرتين',
    nameEn: 'Two Circuits Court',
    type: CourtType.GENERAL,
    city: `Two Circuits ${code}`,
  });
  for (const n of [1, 2]) {
    const circuit = await orgs.createCircuit(admin, {
      courtId: court.id,
      code: `CIV-${n}`,
      nameAr: `الدائرة ${n}`,
      nameEn: `Circuit ${n}`,
      specialization: Specialization.CIVIL,
    });
    await seated(host, { role: Role.JUDGE, circuitId: circuit.id }, `Circuit ${n} Judge`);
  }
  await seated(host, { role: Role.CLERK, courtId: court.id }, 'Scenario Clerk');
  return { id: court.id, code, own: true };
}

/**
 * A court an end-to-end spec made: its judge and clerk are the ones who act in it, and, made for
 * the spec like a court of the app's own, it is given a circuit for a category it lacks.
 */
export function adoptCourt(host: Host, like: CourtLike): ScenarioCourt {
  if (like.circuitId && like.judge) host.memo.set(`seat:${Role.JUDGE}:circuitId:${like.circuitId}`, personById(host, like.judge.id));
  if (like.clerk) host.memo.set(`seat:${Role.CLERK}:courtId:${like.court.id}`, personById(host, like.clerk.id));
  return { id: like.court.id, code: like.court.code, own: true };
}

/**
 * Makes sure a court of the spec's own can hear `category`: a circuit of its specialization, where
 * the civil circuit's judge also sits (as the spec's judge would). Other courts are used as they are.
 */
export async function ensureCircuit(host: Host, court: ScenarioCourt, category: LawsuitCategory): Promise<void> {
  const specialization = SPECIALIZATION_FOR[category];
  if (!court.own || specialization === Specialization.CIVIL) return;
  await host.once(`circuit:${court.id}:${specialization}`, async () => {
    const admin = await host.admin();
    const existing = await admin.repo(Circuit).findOneBy({ courtId: court.id, specialization });
    if (existing) return existing.id;
    const circuit = await host.get(OrganizationsService).createCircuit(admin, {
      courtId: court.id,
      code: `${specialization.slice(0, 3)}-1`,
      nameAr: 'دائرة السيناريو',
      nameEn: `Scenario ${specialization} Circuit`,
      specialization,
    });
    const civil = await admin.repo(Circuit).findOneByOrFail({ courtId: court.id, specialization: Specialization.CIVIL });
    const judge = await seated(host, { role: Role.JUDGE, circuitId: civil.id }, 'Scenario Judge');
    await host.get(UsersService).addMembership(admin, judge.id!, { role: Role.JUDGE, circuitId: circuit.id });
    host.memo.set(`seat:${Role.JUDGE}:circuitId:${circuit.id}`, Promise.resolve(judge));
    return circuit.id;
  });
}

/** The clerk who acts in a court: its first seated clerk, or one seated now. */
export function clerkOf(host: Host, courtId: string): Promise<Person> {
  return seated(host, { role: Role.CLERK, courtId }, 'Scenario Clerk');
}

/** A judge of a circuit: its first seated judge (who presides by default), or one seated now. */
export function judgeOf(host: Host, circuitId: string): Promise<Person> {
  return seated(host, { role: Role.JUDGE, circuitId }, 'Scenario Judge');
}

/** A judge of a court (the appeal court): of its first circuit. */
export async function judgeOfCourt(host: Host, courtId: string): Promise<Person> {
  const circuit = await host
    .system()
    .repo(Circuit)
    .findOneOrFail({ where: { courtId }, order: { code: 'ASC' } });
  return judgeOf(host, circuit.id);
}
