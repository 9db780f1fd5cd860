/**
 * The audit trail, end to end: a state change writes its audit event (actor, roles, subject, after
 * snapshot, the client's request id or a generated one) and a failed request writes nothing;
 * Transactions.run persists the row, its audit event and its outbox row together or not at all,
 * joins an outer transaction when nested, and refuses audit() and emit() outside one; and
 * auditTrail lists newest first, pages by cursor, filters, and refuses a foreign cursor and citizens.
 */
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import { Court } from '../src/organizations/court.entity';
import { CourtType } from '../src/organizations/organization.enums';
import { registerCitizen, uniqueCode } from './factories/people';
import {
  admin,
  adminActor,
  adminId,
  CREATE_CIRCUIT,
  CREATE_COURT,
  courtInput,
  db,
  eventCount,
  headSeq,
  newCourt,
  setUpAudit,
  t,
  TRAIL,
  trail,
  UPDATE_COURT,
  VERIFY,
} from './support/audit';

describe('audit trail', () => {
  setUpAudit();

  // --- a change and its audit event ---------------------------------------------------------

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

  // --- the Transactions helper --------------------------------------------------------------

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

  // --- reading the trail --------------------------------------------------------------------

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
});
