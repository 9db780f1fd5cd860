/**
 * The whole story of a lawsuit, over HTTP, with real PostgreSQL and Redis, the worker running in
 * this process and a real SMTP server: a citizen files, the clerk returns the filing, the citizen
 * corrects and resubmits, the clerk registers it, schedules a hearing (an overlapping one is
 * refused) and postpones it, the judge holds it and rules, the defendant objects in time (a late
 * objection elsewhere is refused), the appeal court decides, the judgment is final and execution
 * is requested. Every transition notifies the parties: the notices arrive by email (hearings with
 * an ICS invitation that the postponement moves), are in each party's account, and the audit
 * chain verifies at the end.
 */
import { payFilingFee } from './factories/fees';
import { randomUUID } from 'node:crypto';
import { Clock } from '../src/core/clock/clock';
import { whenAr, whenEn } from '../src/litigation/notice-formats';
import { workingSlot } from './factories/courts';
import { lawsuitInput } from './factories/lawsuits';
import { header, icsUtc, invitation, noticeId, until } from './factories/mailbox';
import { registerCitizen } from './factories/people';
import {
  appeal,
  CORRECT,
  db,
  DECIDE,
  EXECUTE,
  FILE,
  fx,
  inbox,
  ISSUE,
  kindsFor,
  LAWSUIT,
  mailbox,
  MINUTES,
  OBJECT,
  POSTPONE,
  REVIEW,
  SCHEDULE,
  secondCase,
  setUpWorkflowStory,
  SUBMIT,
  t,
  WINDOWS,
  worker,
} from './support/workflow-story';

describe('the story of a lawsuit, from filing to execution, with its notices', () => {
  setUpWorkflowStory();

  it('runs from filing to execution, notifying the parties of every step by email and in-app', async () => {
    const tag = randomUUID().slice(0, 8);
    const claimantEmail = `claimant-${tag}@example.com`;
    const defendantEmail = `defendant-${tag}@example.com`;
    const claimant = await registerCitizen(t, { nameAr: 'عبدالله المدعي', nameEn: 'Abdullah the Claimant' });
    expect(
      (
        await t.ok(
          'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { email } }',
          { i: { email: claimantEmail } },
          claimant.token,
        )
      ).updateProfile.email,
    ).toBe(claimantEmail);
    const defendant = await registerCitizen(t, { nameAr: 'سارة المدعى عليها', nameEn: 'Sarah the Defendant', email: defendantEmail });

    // 1. The citizen files and submits; the clerk returns the filing for correction.
    const content = lawsuitInput(claimant.nationalId, {
      courtId: fx.court.id,
      city: undefined,
      defendants: [{ kind: 'PERSON', nationalId: defendant.nationalId, nameAr: 'سارة المدعى عليها', nameEn: 'Sarah the Defendant' }],
    });
    const filed = (await t.ok(FILE, { i: content }, claimant.token)).fileLawsuit;
    expect(filed.state).toBe('DRAFT');
    const id = filed.id;
    // The filing waits for its court fee, paid at the gateway; its webhook sends the filing to review.
    expect((await t.ok(SUBMIT, { id }, claimant.token)).submitLawsuit.state).toBe('AWAITING_PAYMENT');
    expect(await payFilingFee(t, id, claimant.token)).toBe('SUBMITTED');
    const reason = 'أرفق سند القرض — attach the loan contract';
    const returned = (await t.ok(REVIEW, { i: { id, decision: 'RETURN', reason } }, fx.clerk.token)).reviewLawsuit;
    expect(returned).toMatchObject({ state: 'RETURNED', returnReason: reason });

    // 2. The citizen corrects (the contract attached) and submits again; the clerk accepts.
    const corrected = (
      await t.ok(
        CORRECT,
        {
          i: {
            ...content,
            id,
            version: returned.version,
            attachments: [{ fileName: 'loan-contract.pdf', contentType: 'application/pdf', sizeBytes: 48_213, sha256: 'ab'.repeat(32) }],
          },
        },
        claimant.token,
      )
    ).correctLawsuit;
    expect(corrected.state).toBe('RETURNED');
    expect((await t.ok(SUBMIT, { id }, claimant.token)).submitLawsuit.state).toBe('SUBMITTED');
    const registered = (await t.ok(REVIEW, { i: { id, decision: 'ACCEPT' } }, fx.clerk.token)).reviewLawsuit;
    expect(registered).toMatchObject({ state: 'REGISTERED', circuitId: fx.circuitId });
    const caseNumber: string = registered.caseNumber;
    expect(caseNumber).toMatch(new RegExp(`^\\d{4}-${fx.court.code}-\\d{6}$`));

    // 3. The clerk schedules the first hearing; an overlapping one for another case is refused and notifies no one.
    const other = await secondCase();
    const at = workingSlot(10, 9);
    const room = 'قاعة ٣ — Room 3';
    const first = (
      await t.ok(
        SCHEDULE,
        { i: { lawsuitId: id, startsAt: at.toISOString(), durationMinutes: 60, mode: 'IN_PERSON', room } },
        fx.clerk.token,
      )
    ).scheduleHearing;
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('IN_HEARINGS');
    const clash = await t.gql(
      SCHEDULE,
      {
        i: {
          lawsuitId: other.id,
          startsAt: new Date(at.getTime() + 30 * 60_000).toISOString(),
          durationMinutes: 60,
          mode: 'IN_PERSON',
          room: 'Room 4',
        },
      },
      fx.clerk.token,
    );
    expect(clash.errors![0].extensions).toMatchObject({
      code: 'HEARING_CONFLICT',
      nextFreeSlot: new Date(at.getTime() + 3600_000).toISOString(),
    });
    expect((await t.ok(LAWSUIT, { id: other.id }, other.claimant.token)).lawsuit.state).toBe('REGISTERED');
    expect(await kindsFor(other.id)).toEqual(['BILL_ISSUED', 'BILL_PAID', 'LAWSUIT_REGISTERED', 'LAWSUIT_REGISTERED', 'LAWSUIT_SUBMITTED']);
    const otherAt = workingSlot(10, 11);
    const otherHearing = (
      await t.ok(
        SCHEDULE,
        { i: { lawsuitId: other.id, startsAt: otherAt.toISOString(), durationMinutes: 30, mode: 'IN_PERSON', room: 'Room 4' } },
        fx.clerk.token,
      )
    ).scheduleHearing;

    // 4. The hearing is postponed a week: a new hearing, linked; the parties are re-notified.
    const later = workingSlot(17, 10);
    const postponeReason = 'طلب المدعى عليه مهلة للرد — the defendant asked for time to answer';
    const second = (
      await t.ok(
        POSTPONE,
        { i: { hearingId: first.id, reason: postponeReason, startsAt: later.toISOString(), durationMinutes: 60 } },
        fx.clerk.token,
      )
    ).postponeHearing;
    expect(second).toMatchObject({ state: 'SCHEDULED', previousHearingId: first.id, startsAt: later.toISOString(), room });

    // 5. The clock moves to the hearing; the judge records the minutes and rules for the claimant.
    t.clock.set(new Date(later.getTime() + 20 * 60_000));
    worker.get(Clock).set(new Date(later.getTime() + 20 * 60_000)); // the worker serves the judgment at that time too
    const parties = (await t.ok(LAWSUIT, { id }, fx.judge.token)).lawsuit.parties;
    const held = (
      await t.ok(
        MINUTES,
        {
          i: {
            hearingId: second.id,
            minutes: 'حضر الطرفان وقدم المدعي سند القرض — both parties attended; the claimant produced the loan contract',
            attendance: parties.map((p: { id: string }) => ({ partyId: p.id, present: true })),
          },
        },
        fx.judge.token,
      )
    ).recordHearingMinutes;
    expect(held.state).toBe('HELD');
    const judgment = (
      await t.ok(
        ISSUE,
        {
          i: {
            lawsuitId: id,
            ruling: 'ألزمت المحكمة المدعى عليها بدفع ثمانين ألف ريال — the defendant shall pay SAR 80,000',
            summary: 'ثبوت الدين — the debt is proven',
            reasoning: 'لما ثبت من سند القرض — as shown by the loan contract',
            amountAwarded: 80000,
            inFavourOf: 'CLAIMANT',
          },
        },
        fx.judge.token,
      )
    ).issueJudgment;
    // Issued is not yet served; the worker delivers the notice to each party's account, which serves
    // them, and each party's 30 days run from then.
    expect(judgment).toMatchObject({ notifiedAt: null, objectionDeadline: null });
    const served = await until(async () => {
      const j = (await t.ok(WINDOWS, { id }, fx.judge.token)).lawsuit.judgment;
      return j.objectionDeadline ? j : null;
    });
    expect(served.objectionWindows.map((w: { side: string }) => w.side)).toEqual(['CLAIMANT', 'DEFENDANT']);
    for (const w of served.objectionWindows) {
      expect(w).toMatchObject({ servedChannel: 'IN_APP', state: 'OPEN' });
      expect(new Date(w.objectionDeadline).getTime() - new Date(w.servedAt).getTime()).toBe(30 * 86_400_000);
    }

    // 6. Ten days on, the defendant objects in time; it goes to the appeal court of the city.
    t.clock.set(new Date(later.getTime() + 10 * 86_400_000));
    const objection = (
      await t.ok(OBJECT, { i: { lawsuitId: id, reasons: 'سددت جزءاً من الدين — part of the debt was repaid' } }, defendant.token)
    ).fileObjection;
    expect(objection.appealCourtId).toBe(appeal.courtId);

    // 7. On the second case (its hearing, earlier, is past by now), judged too, an objection after its window is refused.
    await t.ok(
      MINUTES,
      { i: { hearingId: otherHearing.id, minutes: 'حضر الطرفان — both parties attended', attendance: [] } },
      fx.judge.token,
    );
    const otherJudgment = (
      await t.ok(
        ISSUE,
        {
          i: {
            lawsuitId: other.id,
            ruling: 'رفض الدعوى — the claim is dismissed',
            summary: 'لم يثبت الدين — the debt is not proven',
            reasoning: 'لعدم تقديم البينة — no evidence was produced',
            inFavourOf: 'DEFENDANT',
          },
        },
        fx.judge.token,
      )
    ).issueJudgment;
    expect(otherJudgment.objectionDeadline).toBeNull();
    const own = await until(
      async () => (await t.ok(WINDOWS, { id: other.id }, other.claimant.token)).lawsuit.judgment.myObjectionWindow.objectionDeadline,
    );
    t.clock.set(new Date(new Date(own).getTime() + 60_000));
    const late = await t.gql(OBJECT, { i: { lawsuitId: other.id, reasons: 'متأخر — late, but still' } }, other.claimant.token);
    expect(late.errors![0].extensions).toMatchObject({ code: 'DEADLINE_PASSED', deadline: own });

    // 8. The appeal court upholds the judgment, which is then final; the claimant asks for its execution.
    const decided = (
      await t.ok(
        DECIDE,
        { i: { lawsuitId: id, decision: 'UPHOLD', reasoning: 'لم يثبت السداد — the repayment is not proven' } },
        appeal.judge,
      )
    ).decideAppeal;
    expect(decided.decision).toBe('UPHOLD');
    const final = (await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit;
    expect(final.state).toBe('FINAL');
    expect(final.judgment.finalAt).not.toBeNull();
    expect(await t.code(EXECUTE, { id }, defendant.token)).toBe('FORBIDDEN');
    expect((await t.ok(EXECUTE, { id }, claimant.token)).requestExecution.lawsuitId).toBe(id);
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('EXECUTION_REQUESTED');

    // The notices, per party, as the story went (two land together: the appeal decided, the judgment final).
    const claimantKinds = [
      'BILL_ISSUED',
      'BILL_PAID',
      'LAWSUIT_SUBMITTED',
      'LAWSUIT_RETURNED',
      'LAWSUIT_SUBMITTED',
      'LAWSUIT_REGISTERED',
      'HEARING_SCHEDULED',
      'HEARING_POSTPONED',
      'JUDGMENT_ISSUED',
      'OBJECTION_FILED',
      'APPEAL_DECIDED',
      'JUDGMENT_FINAL',
      'EXECUTION_REQUESTED',
    ];
    // The defendant hears of the case from its registration on, and is billed the costs once the
    // judgment for the claimant is final.
    const defendantKinds = [...claimantKinds.slice(5), 'BILL_ISSUED'];
    // The filing fee's bill, billed to the claimant before the case had a number; the costs' bill, the defendant's.
    const BILLS = 'query($id: ID!) { lawsuit(id: $id) { bills { number purpose } } }';
    const [bill] = (await t.ok(BILLS, { id }, claimant.token)).lawsuit.bills;
    const [costs] = (await t.ok(BILLS, { id }, defendant.token)).lawsuit.bills;
    expect(costs.purpose).toBe('JUDGMENT_COSTS');
    const titlesEn: Record<string, string> = {
      BILL_ISSUED: `Bill ${bill.number} to pay`,
      BILL_PAID: `Bill ${bill.number} paid`,
      LAWSUIT_SUBMITTED: 'Lawsuit filing received',
      LAWSUIT_RETURNED: 'Lawsuit filing returned for correction',
      LAWSUIT_REGISTERED: `Lawsuit ${caseNumber} registered`,
      HEARING_SCHEDULED: `Hearing scheduled in lawsuit ${caseNumber}`,
      HEARING_POSTPONED: `Hearing postponed in lawsuit ${caseNumber}`,
      JUDGMENT_ISSUED: `Judgment issued in lawsuit ${caseNumber}`,
      OBJECTION_FILED: `Objection to the judgment in lawsuit ${caseNumber}`,
      APPEAL_DECIDED: `Appeal decided in lawsuit ${caseNumber}`,
      JUDGMENT_FINAL: `Judgment final in lawsuit ${caseNumber}`,
      EXECUTION_REQUESTED: `Execution requested in lawsuit ${caseNumber}`,
    };

    for (const [who, email, kinds] of [
      [claimant, claimantEmail, claimantKinds],
      [defendant, defendantEmail, defendantKinds],
    ] as const) {
      // By email: one message per notice, and nothing more.
      await until(async () => (await mailbox.to(email)).length >= kinds.length);
      await new Promise((r) => setTimeout(r, 500));
      const mails = await mailbox.to(email);
      expect(mails).toHaveLength(kinds.length);

      // In-app: the same notices, each served in the account.
      const { nodes, unread } = await inbox(who.token);
      expect(nodes.map((n) => n.kind).sort()).toEqual([...kinds].sort());
      expect(unread).toBe(kinds.length);
      expect(nodes.every((n) => n.lawsuitId === id)).toBe(true);
      await until(async () => (await inbox(who.token)).nodes.every((n) => n.servedAt !== null));
      for (const n of nodes) {
        expect(n.titleEn).toBe(n.kind === 'BILL_ISSUED' && who === defendant ? `Bill ${costs.number} to pay` : titlesEn[n.kind]);
        if (!['LAWSUIT_SUBMITTED', 'LAWSUIT_RETURNED', 'BILL_ISSUED', 'BILL_PAID'].includes(n.kind)) {
          expect(n.titleAr).toContain(caseNumber);
          expect(n.bodyAr).toContain(caseNumber);
          expect(n.bodyEn).toContain(caseNumber);
          expect(n.data.caseNumber).toBe(caseNumber);
        }
      }

      // Each email is one of these notices: Arabic first, then English, in the subject.
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const subjects = mails.map((m) => {
        const notice = byId.get(noticeId(m.raw)!);
        expect(notice).toBeDefined();
        const subject = header(m.raw, 'Subject');
        expect(subject).toBe(`${notice!.titleAr} — ${notice!.titleEn}`);
        expect(subject).toMatch(/^[\u0600-\u06FF]/);
        return `${notice!.kind}: ${subject}`;
      });
      expect(new Set(subjects).size).toBe(kinds.length - (who === claimant ? 1 : 0)); // the two submissions read alike

      // The hearing invitations: one calendar event, moved by the postponement (higher SEQUENCE, new time).
      const hearingMail = (kind: string) => mails.find((m) => byId.get(noticeId(m.raw)!)!.kind === kind)!;
      const scheduled = invitation(hearingMail('HEARING_SCHEDULED').raw)!;
      const moved = invitation(hearingMail('HEARING_POSTPONED').raw)!;
      expect(scheduled).toMatchObject({
        method: 'REQUEST',
        dtstart: icsUtc(at),
        dtend: icsUtc(new Date(at.getTime() + 3600_000)),
        status: 'CONFIRMED',
      });
      expect(scheduled.location).toBe('قاعة ٣ — Room 3');
      expect(moved).toMatchObject({ method: 'REQUEST', uid: scheduled.uid, dtstart: icsUtc(later), status: 'CONFIRMED' });
      expect(moved.sequence).toBeGreaterThan(scheduled.sequence);
      expect(mails.filter((m) => invitation(m.raw))).toHaveLength(2);

      // What the notices say.
      const of = (kind: string) => nodes.find((n) => n.kind === kind)!;
      expect(of('HEARING_POSTPONED').bodyEn).toContain(whenEn(later, 'Asia/Riyadh'));
      expect(of('HEARING_POSTPONED').bodyEn).toContain(whenEn(at, 'Asia/Riyadh'));
      expect(of('HEARING_POSTPONED').bodyAr).toContain(whenAr(later, 'Asia/Riyadh'));
      expect(of('HEARING_POSTPONED').bodyEn).toContain('the defendant asked for time');
      expect(of('HEARING_POSTPONED').data).toMatchObject({ startsAt: later.toISOString(), previousStartsAt: at.toISOString() });
      expect(of('JUDGMENT_ISSUED').bodyEn).toContain('Either party may object within 30 days of being served with this notice');
      expect(of('JUDGMENT_ISSUED').bodyAr).toContain('خلال ٣٠ يوماً من تبليغه بهذا الإشعار');
      expect(of('JUDGMENT_ISSUED').data).toMatchObject({ inFavourOf: 'CLAIMANT', objectionDays: 30, urgent: false });
      expect(of('OBJECTION_FILED').bodyEn).toContain('The defendant objected');
      expect(of('OBJECTION_FILED').bodyEn).toContain('Test Court of Appeal');
      expect(of('APPEAL_DECIDED').bodyEn).toContain('upheld');
      expect(of('EXECUTION_REQUESTED').bodyEn).toContain('The claimant requested execution');
    }
    const claimantNodes = (await inbox(claimant.token)).nodes;
    expect(claimantNodes.find((n) => n.kind === 'LAWSUIT_RETURNED')!.bodyEn).toContain('attach the loan contract');

    // The parties of the second case: registered, scheduled, judged; the refused objection notified no one.
    for (const who of [other.claimant, other.defendant]) {
      const kinds = (await inbox(who.token)).nodes.map((n) => n.kind).sort();
      expect(kinds).toEqual(
        (who === other.claimant ? ['BILL_ISSUED', 'BILL_PAID', 'LAWSUIT_SUBMITTED'] : [])
          .concat(['HEARING_SCHEDULED', 'JUDGMENT_ISSUED', 'LAWSUIT_REGISTERED'])
          .sort(),
      );
    }
    // Nobody else was written to about these cases; the presiding judge, only of the hearings.
    const recipients = await db.query<{ national_id: string }[]>(
      `SELECT DISTINCT national_id FROM notifications WHERE lawsuit_id = ANY($1)`,
      [[id, other.id]],
    );
    const [{ national_id: judgeId }] = await db.query<{ national_id: string }[]>(`SELECT national_id FROM users WHERE id = $1`, [
      fx.judge.id,
    ]);
    expect(recipients.map((r) => r.national_id).sort()).toEqual(
      [claimant, defendant, other.claimant, other.defendant]
        .map((c) => c.nationalId)
        .concat(judgeId)
        .sort(),
    );
    const judgeKinds = await db.query<{ kind: string }[]>(
      `SELECT kind FROM notifications WHERE lawsuit_id = ANY($1) AND national_id = $2 ORDER BY kind`,
      [[id, other.id], judgeId],
    );
    expect(judgeKinds.map((k) => k.kind)).toEqual(['HEARING_POSTPONED', 'HEARING_SCHEDULED', 'HEARING_SCHEDULED']);

    const chain = await t.ok('{ verifyAuditChain { valid checked } }', {}, await t.token('admin'));
    expect(chain.verifyAuditChain.valid).toBe(true);
  });
});
