import { DataSource, ObjectLiteral, QueryRunner } from 'typeorm';
import type { Actor } from '../src/access/actor';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import { Role } from '../src/access/role.enum';
import { Court } from '../src/organizations/court.entity';
import { CourtType } from '../src/organizations/organization.enums';
import { registerCitizen, uniqueCode } from './factories/people';
import { startApp, TestApp } from './harness';

const EVENT_FIELDS = 'id seq occurredAt actorId actorRoles action subjectType subjectId before after requestId prevHash hash';
const TRAIL = `query($f: AuditFilter, $first: Int, $after: String) {
  auditTrail(filter: $f, first: $first, after: $after) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const VERIFY = '{ verifyAuditChain { valid checked firstBrokenSeq firstBrokenEventId reason } }';
const CREATE_COURT = 'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id code version } }';
const UPDATE_COURT = 'mutation($i: UpdateCourtInput!) { updateCourt(input: $i) { id version } }';
const CREATE_CIRCUIT = 'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }';
const ADD_HOLIDAY = 'mutation($i: AddHolidayInput!) { addHoliday(input: $i) { id } }';

interface EventNode {
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
interface Page {
  edges: { cursor: string; node: EventNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface Verification {
  valid: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  firstBrokenEventId: string | null;
  reason: string | null;
}

describe('audit trail', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let adminId: string;

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

  // --- small helpers -------------------------------------------------------------------------

  const courtInput = (overrides: Record<string, unknown> = {}) => ({
    code: uniqueCode('AU'),
    nameAr: 'محكمة التدقيق',
    nameEn: 'Audit Test Court',
    type: 'GENERAL',
    city: 'Riyadh',
    ...overrides,
  });

  async function newCourt(overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string; version: number }> {
    return (await t.ok(CREATE_COURT, { i: courtInput(overrides) }, admin)).createCourt;
  }

  async function trail(filter: Record<string, unknown> = {}, first = 20, after?: string): Promise<Page> {
    return (await t.ok<{ auditTrail: Page }>(TRAIL, { f: filter, first, after }, admin)).auditTrail;
  }

  async function verify(): Promise<Verification> {
    return (await t.ok<{ verifyAuditChain: Verification }>(VERIFY, {}, admin)).verifyAuditChain;
  }

  async function headSeq(): Promise<number> {
    const [head] = await db.query('SELECT seq FROM audit_chain_head WHERE id = 1');
    return Number(head.seq);
  }

  async function eventCount(): Promise<number> {
    const [row] = await db.query('SELECT count(*)::int AS n FROM audit_events');
    return row.n;
  }

  async function chainRows(): Promise<{ seq: string; prev_hash: string; hash: string }[]> {
    return db.query('SELECT seq::text, prev_hash, hash FROM audit_events a ORDER BY a.seq');
  }

  function adminActor(): Actor {
    return {
      id: adminId,
      nationalId: '1000000001',
      roles: [Role.SYSTEM_ADMIN],
      memberships: [],
      lawyerLicense: null,
      authLevel: 'password',
    };
  }

  // --- 1. a change and its audit event ------------------------------------------------------

  describe('a state change', () => {
    it('writes its audit event with actor, roles, subject, after snapshot and the client request id', async () => {
      const requestId = `test-create-court-${Date.now()}`;
      const input = courtInput();
      const before = await headSeq();
      const res = await t.gql(CREATE_COURT, { i: input }, admin, { 'x-request-id': requestId });
      expect(res.errors).toBeUndefined();
      expect(res.headers.get('x-request-id')).toBe(requestId);
      const court = (res.data as { createCourt: { id: string } }).createCourt;

      const { edges } = await trail({ subjectType: 'Court', subjectId: court.id });
      expect(edges).toHaveLength(1);
      expect(edges[0].node).toMatchObject({
        seq: String(before + 1),
        action: 'court.created',
        subjectType: 'Court',
        subjectId: court.id,
        actorId: adminId,
        actorRoles: ['SYSTEM_ADMIN'],
        before: null,
        after: input,
        requestId,
      });
      expect(await headSeq()).toBe(before + 1);
    });

    it('ignores a malformed client request id and records a generated one', async () => {
      const res = await t.gql(CREATE_COURT, { i: courtInput() }, admin, { 'x-request-id': 'bad id!' });
      const court = (res.data as { createCourt: { id: string } }).createCourt;
      const generated = res.headers.get('x-request-id')!;
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      const { edges } = await trail({ subjectId: court.id });
      expect(edges[0].node.requestId).toBe(generated);
    });

    it('commits nothing and audits nothing when the request fails (duplicate circuit code)', async () => {
      const court = await newCourt();
      const circuit = { courtId: court.id, code: 'CIV-1', nameAr: 'الدائرة الأولى', nameEn: 'First Circuit', specialization: 'CIVIL' };
      await t.ok(CREATE_CIRCUIT, { i: circuit }, admin);
      const seqBefore = await headSeq();
      const countBefore = await eventCount();

      const res = await t.gql(CREATE_CIRCUIT, { i: { ...circuit, nameEn: 'Duplicate Circuit' } }, admin);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.code' }] });

      const circuits = await db.query('SELECT name_en FROM circuits WHERE court_id = $1', [court.id]);
      expect(circuits).toEqual([{ name_en: 'First Circuit' }]);
      expect(await headSeq()).toBe(seqBefore);
      expect(await eventCount()).toBe(countBefore);
      const { edges } = await trail({}, 1);
      expect(edges[0].node.seq).toBe(String(seqBefore));
    });
  });

  // --- 3. the Transactions helper -----------------------------------------------------------

  describe('Transactions.run', () => {
    const persisted = async (requestId: string, code: string) => ({
      courts: (await db.query('SELECT count(*)::int AS n FROM courts WHERE code = $1', [code]))[0].n,
      events: (await db.query('SELECT count(*)::int AS n FROM audit_events WHERE request_id = $1', [requestId]))[0].n,
      outbox: await db.query('SELECT topic, payload, request_id FROM outbox WHERE request_id = $1', [requestId]),
    });

    async function changeAuditEmit(requestId: string, code: string, fail: boolean): Promise<void> {
      const ctx = t.app.get(RequestContextFactory).forActor(requestId, adminActor());
      await t.app.get(Transactions).run(ctx, async (tx) => {
        const court = await tx
          .repo(Court)
          .save(tx.repo(Court).create({ code, nameAr: 'محكمة', nameEn: 'Tx Court', type: CourtType.GENERAL, city: 'Riyadh' }));
        tx.audit({ action: 'court.created', subjectType: 'Court', subjectId: court.id, after: { code } });
        tx.emit({ topic: 'maintenance.verify-audit-chain', payload: { reason: `test ${code}` } });
        if (fail) throw new Error('boom after the change');
      });
    }

    it('persists nothing — row, audit event, outbox row — when the work throws', async () => {
      const requestId = `test-tx-rollback-${Date.now()}`;
      const code = uniqueCode('RB');
      const seqBefore = await headSeq();
      await expect(changeAuditEmit(requestId, code, true)).rejects.toThrow('boom after the change');
      expect(await persisted(requestId, code)).toEqual({ courts: 0, events: 0, outbox: [] });
      expect(await headSeq()).toBe(seqBefore);
    });

    it('persists the row, the audit event and the outbox row (with the request id) together on success', async () => {
      const requestId = `test-tx-commit-${Date.now()}`;
      const code = uniqueCode('OK');
      await changeAuditEmit(requestId, code, false);
      const after = await persisted(requestId, code);
      expect(after.courts).toBe(1);
      expect(after.events).toBe(1);
      expect(after.outbox).toEqual([
        { topic: 'maintenance.verify-audit-chain', payload: { reason: `test ${code}` }, request_id: requestId },
      ]);
      const [event] = (await trail({ action: 'court.created' }, 1)).edges;
      expect(event.node).toMatchObject({ requestId, actorId: adminId, after: { code } });
    });

    it('joins the outer transaction when nested: an outer failure rolls back the inner change and its audit', async () => {
      const transactions = t.app.get(Transactions);
      const requestId = `test-tx-nested-${Date.now()}`;
      const code = uniqueCode('NS');
      const ctx = t.app.get(RequestContextFactory).forActor(requestId, adminActor());
      await expect(
        transactions.run(ctx, async (outer) => {
          await transactions.run(outer, async (inner) => {
            expect(inner).toBe(outer);
            const court = await inner
              .repo(Court)
              .save(inner.repo(Court).create({ code, nameAr: 'محكمة', nameEn: 'Nested', type: CourtType.GENERAL, city: 'Riyadh' }));
            inner.audit({ action: 'court.created', subjectType: 'Court', subjectId: court.id });
          });
          expect(outer.unitOfWork!.audit).toHaveLength(1);
          // Visible inside the outer transaction, not outside it.
          expect(await outer.repo(Court).countBy({ code })).toBe(1);
          expect(await ctx.repo(Court).countBy({ code })).toBe(0);
          throw new Error('outer fails');
        }),
      ).rejects.toThrow('outer fails');
      expect(await persisted(requestId, code)).toEqual({ courts: 0, events: 0, outbox: [] });
    });

    it('refuses audit() and emit() outside a transaction', () => {
      const ctx = t.app.get(RequestContextFactory).forActor('test-no-tx-0001', adminActor());
      expect(() => ctx.emit({ topic: 'test.nothing', payload: {} })).toThrow(/need a transaction/);
      expect(() => ctx.audit({ action: 'x.y', subjectType: 'Court', subjectId: 'x' })).toThrow(/need a transaction/);
    });
  });

  // --- 4. the chain under load --------------------------------------------------------------

  describe('the hash chain', () => {
    it('stays gapless, linked and valid after 25 concurrent mutations', async () => {
      const court = await newCourt();
      const seqBefore = await headSeq();
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          i % 2 === 0
            ? t.gql(CREATE_COURT, { i: courtInput() }, admin)
            : t.gql(
                ADD_HOLIDAY,
                { i: { courtId: court.id, nameAr: 'عطلة', nameEn: `Holiday ${i}`, startsOn: '2027-03-01', endsOn: '2027-03-02' } },
                admin,
              ),
        ),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(await headSeq()).toBe(seqBefore + 25);

      const rows = await chainRows();
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      rows.forEach((row, i) => expect(row.prev_hash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1].hash));
      expect(await verify()).toEqual({ valid: true, checked: rows.length, firstBrokenSeq: null, firstBrokenEventId: null, reason: null });
    });
  });

  // --- 5. append-only in the database -------------------------------------------------------

  describe('the audit_events table', () => {
    it('refuses UPDATE, DELETE and TRUNCATE with 42501 (append-only), even for the superuser', async () => {
      const [{ is_superuser }] = await db.query(`SELECT current_setting('is_superuser') AS is_superuser`);
      expect(is_superuser).toBe('on');
      const [last] = await db.query('SELECT id, action FROM audit_events ORDER BY seq DESC LIMIT 1');
      const refused = { code: '42501', message: expect.stringMatching(/append-only/) };

      await expect(db.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [last.id])).rejects.toMatchObject(refused);
      await expect(db.query('DELETE FROM audit_events WHERE id = $1', [last.id])).rejects.toMatchObject(refused);
      await expect(db.query('TRUNCATE audit_events')).rejects.toMatchObject(refused);

      expect(await db.query('SELECT id, action FROM audit_events WHERE id = $1', [last.id])).toEqual([last]);
      expect((await verify()).valid).toBe(true);
    });
  });

  // --- 6. tampering -------------------------------------------------------------------------

  describe('verifyAuditChain', () => {
    const rowJson = async (seq: number): Promise<string> =>
      (await db.query('SELECT row_to_json(a)::text AS row FROM audit_events a WHERE seq = $1', [seq]))[0].row;

    /** Puts a saved row back exactly: re-inserted if missing, its columns restored otherwise. */
    async function restoreRow(saved: string): Promise<void> {
      await db.query(
        `INSERT INTO audit_events SELECT * FROM json_populate_record(null::audit_events, $1::json) ON CONFLICT (id) DO NOTHING`,
        [saved],
      );
      await db.query(
        `UPDATE audit_events a SET after = s.after, before = s.before, prev_hash = s.prev_hash, hash = s.hash
           FROM json_populate_record(null::audit_events, $1::json) s WHERE a.id = s.id`,
        [saved],
      );
    }

    it('names the first broken link for changed content, a broken prevHash link and a removed last event', async () => {
      await newCourt();
      const last = await headSeq();
      const middle = Math.floor(last / 2);
      const savedMiddle = await rowJson(middle);
      const savedLast = await rowJson(last);
      const middleId = JSON.parse(savedMiddle).id as string;

      await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      try {
        // Changed content.
        await db.query(`UPDATE audit_events SET after = coalesce(after, '{}'::jsonb) || '{"forged": true}'::jsonb WHERE seq = $1`, [
          middle,
        ]);
        expect(await verify()).toEqual({
          valid: false,
          checked: middle - 1,
          firstBrokenSeq: String(middle),
          firstBrokenEventId: middleId,
          reason: expect.stringMatching(/content.*hash/),
        });
        await restoreRow(savedMiddle);
        expect(await verify()).toMatchObject({ valid: true, checked: last });

        // Broken previous-hash link.
        await db.query(`UPDATE audit_events SET prev_hash = repeat('f', 64) WHERE seq = $1`, [middle]);
        expect(await verify()).toMatchObject({
          valid: false,
          checked: middle - 1,
          firstBrokenSeq: String(middle),
          reason: expect.stringMatching(/previous-hash/),
        });
        await restoreRow(savedMiddle);

        // The last event removed: every remaining link holds, but the head does not match.
        await db.query('DELETE FROM audit_events WHERE seq = $1', [last]);
        expect(await verify()).toEqual({
          valid: false,
          checked: last - 1,
          firstBrokenSeq: null,
          firstBrokenEventId: null,
          reason: expect.stringMatching(/head records event/),
        });
        await restoreRow(savedLast);
      } finally {
        await restoreRow(savedMiddle);
        await restoreRow(savedLast);
        await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      }

      expect(await rowJson(middle)).toBe(savedMiddle);
      expect(await rowJson(last)).toBe(savedLast);
      expect(await verify()).toEqual({ valid: true, checked: last, firstBrokenSeq: null, firstBrokenEventId: null, reason: null });
      await expect(db.query('DELETE FROM audit_events WHERE seq = $1', [last])).rejects.toMatchObject({ code: '42501' });
    });
  });

  // --- 7. reading the trail -----------------------------------------------------------------

  describe('auditTrail', () => {
    it('lists newest first', async () => {
      const { edges } = await trail({}, 10);
      const seqs = edges.map((e) => Number(e.node.seq));
      expect(seqs[0]).toBe(await headSeq());
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    });

    it("pages with first/after (hasNextPage, endCursor) through one subject's events", async () => {
      let court = await newCourt();
      for (let i = 1; i <= 4; i++) {
        court = (await t.ok(UPDATE_COURT, { i: { id: court.id, version: court.version, nameEn: `Audit Test Court v${i}` } }, admin))
          .updateCourt;
      }
      const all = (await trail({ subjectId: court.id }, 10)).edges.map((e) => e.node);
      expect(all.map((e) => e.action)).toEqual(['court.updated', 'court.updated', 'court.updated', 'court.updated', 'court.created']);
      expect(all[0]).toMatchObject({ before: { nameEn: 'Audit Test Court v3' }, after: { nameEn: 'Audit Test Court v4' } });

      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await trail({ subjectId: court.id }, 2, after);
        seen.push(...page.edges.map((e) => e.node.id));
        hasNext.push(page.pageInfo.hasNextPage);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(hasNext).toEqual([true, true, false]);
      expect(seen).toEqual(all.map((e) => e.id));
    });

    it('filters by subjectType, subjectId, actorId and action', async () => {
      const court = await newCourt();
      const citizen = await registerCitizen(t);

      const bySubject = await trail({ subjectType: 'Court', subjectId: court.id });
      expect(bySubject.edges.map((e) => e.node.action)).toEqual(['court.created']);

      const courts = await trail({ subjectType: 'Court' }, 50);
      expect(courts.edges.length).toBeGreaterThan(1);
      expect(courts.edges.every((e) => e.node.subjectType === 'Court')).toBe(true);

      const byAdmin = await trail({ actorId: adminId }, 50);
      expect(byAdmin.edges.every((e) => e.node.actorId === adminId)).toBe(true);
      expect(byAdmin.edges[0].node.subjectId).toBe(court.id);

      const registered = await trail({ action: 'user.registered', subjectId: citizen.id });
      expect(registered.edges).toHaveLength(1);
      expect(registered.edges[0].node).toMatchObject({ subjectType: 'User', subjectId: citizen.id });

      expect((await trail({ actorId: adminId, subjectId: citizen.id, action: 'court.created' })).edges).toEqual([]);
    });

    it('refuses a cursor it did not issue, and refuses citizens', async () => {
      expect(await t.code(TRAIL, { first: 5, after: 'not-a-cursor' }, admin)).toBe('BAD_USER_INPUT');
      const citizen = await registerCitizen(t);
      expect(await t.code(TRAIL, { first: 5 }, citizen.token)).toBe('FORBIDDEN');
      expect(await t.code(VERIFY, {}, citizen.token)).toBe('FORBIDDEN');
    });
  });

  describe('under concurrent use', () => {
    // verify() reads the head first and walks up to it, so an append during the walk is no gap.
    it('verifyAuditChain stays valid when an event commits while it runs', async () => {
      const realQuery = db.query.bind(db);
      let appended = false;
      const spy = jest.spyOn(db, 'query').mockImplementation(async (sql: string, params?: any[] | ObjectLiteral, runner?: QueryRunner) => {
        if (!appended && /FROM audit_chain_head WHERE id = 1$/.test(sql)) {
          appended = true;
          const ctx = t.app.get(RequestContextFactory).forActor('test-verify-race', adminActor());
          await t.app
            .get(Transactions)
            .run(ctx, async (tx) => tx.audit({ action: 'test.during_verify', subjectType: 'Test', subjectId: 'race' }));
        }
        return realQuery(sql, params, runner);
      });
      try {
        const result = await verify();
        expect(appended).toBe(true);
        expect(result).toMatchObject({ valid: true });
      } finally {
        spy.mockRestore();
      }
    });

    // src/audit/audit.service.ts list(): the cursor's position goes to `a.seq < :seq` unchecked.
    it('auditTrail answers BAD_USER_INPUT, not INTERNAL_SERVER_ERROR, to a cursor whose position is not a number', async () => {
      const forged = Buffer.from(JSON.stringify(['abc', 'x'])).toString('base64url');
      expect(await t.code(TRAIL, { first: 5, after: forged }, admin)).toBe('BAD_USER_INPUT');
    });
  });
});
