/**
 * The audit hash chain, end to end: it stays gapless, linked and valid after concurrent mutations;
 * the audit_events table refuses UPDATE, DELETE and TRUNCATE, even for the superuser;
 * verifyAuditChain names the first broken link of changed content, a broken previous-hash link and
 * a removed last event, and stays valid when an event commits while it runs; and auditTrail refuses
 * a forged cursor as bad input.
 */
import { ObjectLiteral, QueryRunner } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import {
  ADD_HOLIDAY,
  admin,
  adminActor,
  chainRows,
  CREATE_COURT,
  courtInput,
  db,
  headSeq,
  newCourt,
  setUpAudit,
  t,
  TRAIL,
  verify,
} from './support/audit';

describe('audit trail', () => {
  setUpAudit();

  // --- the chain under load -----------------------------------------------------------------

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

  // --- append-only in the database ----------------------------------------------------------

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

  // --- tampering ----------------------------------------------------------------------------

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
