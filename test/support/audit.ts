/**
 * The world of the audit specs (audit-trail and audit-chain): the app, the administrator's token,
 * the trail and chain documents, and small helpers (a new court, a page of the trail, the chain's
 * verification, the head's sequence, the rows of the chain). After each spec file the chain must
 * still verify: later specs rely on it.
 */
import { DataSource } from 'typeorm';
import type { Actor } from '../../src/access/actor';
import { Role } from '../../src/access/role.enum';
import { uniqueCode } from '../factories/people';
import { startApp, TestApp } from '../harness';

export const EVENT_FIELDS = 'id seq occurredAt actorId actorRoles action subjectType subjectId before after requestId prevHash hash';
export const TRAIL = `query($f: AuditFilter, $first: Int, $after: String) {
  auditTrail(filter: $f, first: $first, after: $after) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const VERIFY = '{ verifyAuditChain { valid checked firstBrokenSeq firstBrokenEventId reason } }';
export const CREATE_COURT = 'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id code version } }';
export const UPDATE_COURT = 'mutation($i: UpdateCourtInput!) { updateCourt(input: $i) { id version } }';
export const CREATE_CIRCUIT = 'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }';
export const ADD_HOLIDAY = 'mutation($i: AddHolidayInput!) { addHoliday(input: $i) { id } }';

export interface EventNode {
  id: string;
  seq: string;
  actorId: string | null;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}
export interface Page {
  edges: { cursor: string; node: EventNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface Verification {
  valid: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  firstBrokenEventId: string | null;
  reason: string | null;
}

export let t: TestApp;
export let db: DataSource;
export let admin: string;
export let adminId: string;

/** Starts the app and signs the administrator in; at the end, the chain must verify. */
export function setUpAudit(): void {
  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    admin = await t.token('admin');
    adminId = (await t.ok('{ me { id } }', {}, admin)).me.id;
  });
  afterAll(async () => {
    try {
      // Later specs rely on a valid chain.
      expect((await verify()).valid).toBe(true);
    } finally {
      await t.close();
    }
  });
}

export const courtInput = (overrides: Record<string, unknown> = {}) => ({
  code: uniqueCode('AU'),
  nameAr: 'محكمة التدقيق',
  nameEn: 'Audit Test Court',
  type: 'GENERAL',
  city: 'Riyadh',
  ...overrides,
});

export async function newCourt(overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string; version: number }> {
  return (await t.ok(CREATE_COURT, { i: courtInput(overrides) }, admin)).createCourt;
}

export async function trail(filter: Record<string, unknown> = {}, first = 20, after?: string): Promise<Page> {
  return (await t.ok<{ auditTrail: Page }>(TRAIL, { f: filter, first, after }, admin)).auditTrail;
}

export async function verify(): Promise<Verification> {
  return (await t.ok<{ verifyAuditChain: Verification }>(VERIFY, {}, admin)).verifyAuditChain;
}

export async function headSeq(): Promise<number> {
  const [head] = await db.query('SELECT seq FROM audit_chain_head WHERE id = 1');
  return Number(head.seq);
}

export async function eventCount(): Promise<number> {
  const [row] = await db.query('SELECT count(*)::int AS n FROM audit_events');
  return row.n;
}

export async function chainRows(): Promise<{ seq: string; prev_hash: string; hash: string }[]> {
  return db.query('SELECT seq::text, prev_hash, hash FROM audit_events a ORDER BY a.seq');
}

export function adminActor(): Actor {
  return {
    id: adminId,
    nationalId: '1000000001',
    roles: [Role.SYSTEM_ADMIN],
    memberships: [],
    lawyerLicense: null,
    authLevel: 'password',
  };
}
