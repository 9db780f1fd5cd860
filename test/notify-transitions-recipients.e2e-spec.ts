/**
 * Who hears of a transition beyond the main story, with the worker in this process and a real SMTP
 * server: only the filing side of a rejected or withdrawn filing, both parties once the case is
 * registered; a cancelled hearing's calendar event cancelled (and no meeting link ever mailed); both
 * parties of a judgment final because its window passed; and a clerk's notice from the court to the
 * parties chosen, by email too, naming those it cannot reach, a bad one refused writing nothing.
 */
import { randomUUID } from 'node:crypto';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { REMOTE_LOCATION } from '../src/litigation/hearings/hearing-notices';
import { JudgmentsService } from '../src/litigation/judgments/judgments.service';
import { PartyKind } from '../src/litigation/lawsuits/lawsuit.enums';
import { courtWithStaff } from './factories/courts';
import { header, invitation, mimePart, noticeId, until } from './factories/mailbox';
import { scenario } from './scenario/scenario';
import {
  between,
  CANCEL,
  db,
  filed,
  fx,
  ISSUE,
  kindsOf,
  LAWSUIT,
  mailsOf,
  notices,
  person,
  registered,
  REVIEW,
  SCHEDULE,
  setUpNotifyTransitions,
  slot,
  t,
  WITHDRAW,
} from './support/notify-transitions';

describe('notices of transitions: who hears of what, and nothing from a refused or rolled-back transition', () => {
  setUpNotifyTransitions('notify-recipients');

  it('tells only the filing side of a rejected or withdrawn filing, and both parties once the case is registered', async () => {
    const [claimant, defendant] = [await person(), await person()];

    const rejected = await filed(claimant, defendant);
    const reason = 'الدعوى خارج اختصاص المحكمة — outside the jurisdiction of the court';
    await t.ok(REVIEW, { i: { id: rejected, decision: 'REJECT', reason } }, fx.clerk.token);
    expect(await kindsOf(rejected, claimant)).toEqual(['LAWSUIT_SUBMITTED', 'LAWSUIT_REJECTED']);
    expect(await kindsOf(rejected, defendant)).toEqual([]);
    const rejection = (await notices(rejected)).find((n) => n.kind === 'LAWSUIT_REJECTED')!;
    expect(rejection.title_en).toBe('Lawsuit filing rejected');
    expect(rejection.body_en).toContain('outside the jurisdiction');
    expect(rejection.body_ar).toContain('الدعوى خارج اختصاص المحكمة');

    const withdrawnEarly = await filed(claimant, defendant);
    expect((await t.ok(WITHDRAW, { id: withdrawnEarly }, claimant.token)).withdrawLawsuit.state).toBe('WITHDRAWN');
    expect(await kindsOf(withdrawnEarly, claimant)).toEqual(['LAWSUIT_SUBMITTED', 'LAWSUIT_WITHDRAWN']);
    expect(await kindsOf(withdrawnEarly, defendant)).toEqual([]);

    const { id, caseNumber } = await registered(claimant, defendant);
    await t.ok(WITHDRAW, { id }, claimant.token);
    expect(await kindsOf(id, claimant)).toEqual(['LAWSUIT_SUBMITTED', 'LAWSUIT_REGISTERED', 'LAWSUIT_WITHDRAWN']);
    expect(await kindsOf(id, defendant)).toEqual(['LAWSUIT_REGISTERED', 'LAWSUIT_WITHDRAWN']);
    expect((await notices(id)).filter((n) => n.kind === 'LAWSUIT_WITHDRAWN').map((n) => n.title_en)).toEqual([
      `Lawsuit ${caseNumber} withdrawn`,
      `Lawsuit ${caseNumber} withdrawn`,
    ]);
    // Refused (INVALID_TRANSITION): no notice.
    expect(await t.code(WITHDRAW, { id }, claimant.token)).toBe('INVALID_TRANSITION');
    expect(await notices(id)).toHaveLength(5);

    const defendantMails = await mailsOf(defendant, [rejected, withdrawnEarly, id]);
    expect(defendantMails.map((m) => header(m.raw, 'Subject'))).toEqual(
      expect.arrayContaining([
        `قيد الدعوى رقم ${caseNumber} — Lawsuit ${caseNumber} registered`,
        `ترك الدعوى رقم ${caseNumber} — Lawsuit ${caseNumber} withdrawn`,
      ]),
    );
    expect(defendantMails).toHaveLength(2);
    expect(await mailsOf(claimant, [rejected, withdrawnEarly, id])).toHaveLength(7);
  });

  it('cancels the calendar event of a cancelled hearing (METHOD:CANCEL, same UID, higher SEQUENCE), and never mails a meeting link', async () => {
    const [claimant, defendant] = [await person(), await person()];
    const { id } = await registered(claimant, defendant);
    const link = `https://meet.adl.example/${randomUUID()}`;
    const at = slot(10);
    const hearing = (
      await t.ok(
        SCHEDULE,
        { i: { lawsuitId: id, startsAt: at.toISOString(), durationMinutes: 30, mode: 'REMOTE', meetingLink: link } },
        fx.clerk.token,
      )
    ).scheduleHearing;
    await t.ok(CANCEL, { i: { hearingId: hearing.id, reason: 'صلح الطرفين — the parties settled' } }, fx.clerk.token);

    const rows = await notices(id);
    for (const who of [claimant, defendant]) {
      const mine = rows.filter((n) => n.national_id === who.nationalId && n.calendar);
      expect(mine.map((n) => [n.kind, n.calendar!.method])).toEqual([
        ['HEARING_SCHEDULED', 'REQUEST'],
        ['HEARING_CANCELLED', 'CANCEL'],
      ]);
      expect(mine.every((n) => n.calendar!.location === REMOTE_LOCATION)).toBe(true);

      const mails = await mailsOf(who, [id]);
      const invites = mails.map((m) => invitation(m.raw)).filter((i) => i !== null);
      expect(invites).toHaveLength(2);
      const [scheduled, cancelled] = invites.sort((a, b) => a.sequence - b.sequence);
      expect(scheduled).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED', location: REMOTE_LOCATION, filename: 'hearing.ics' });
      expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: scheduled.uid, filename: 'hearing-cancelled.ics' });
      expect(cancelled.sequence).toBeGreaterThan(scheduled.sequence);
      // The link is shown only to parties who register attendance before the hearing, never mailed.
      const readable = mails.flatMap((m) =>
        [/text\/plain/i, /text\/calendar/i, /application\/ics/i].map((type) => mimePart(m.raw, type)?.body ?? ''),
      );
      expect(readable.filter((text) => text.length > 0).length).toBeGreaterThanOrEqual(mails.length);
      expect(readable.some((text) => text.includes('meet.adl.example'))).toBe(false);
    }
    expect(rows.find((n) => n.kind === 'HEARING_CANCELLED')!.body_en).toContain('the parties settled');
  });

  it('notifies both parties when a judgment becomes final because its window passed unused', async () => {
    const [claimant, defendant] = [await person(), await person()];
    // Heard on the test's own day; the clock is left ten minutes into the hearing.
    const heard = await between(claimant, defendant)
      .hearingScheduled({ at: slot(9) })
      .hearingHeld({ minutes: 'حضر الطرفان — both attended' });
    const [id, caseNumber] = [heard.lawsuitId, heard.caseNumber];
    const judgment = (
      await t.ok(
        ISSUE,
        {
          i: {
            lawsuitId: id,
            ruling: 'رفض الدعوى — dismissed',
            summary: 'لا بينة — no evidence',
            reasoning: 'لا بينة — no evidence',
            inFavourOf: 'DEFENDANT',
          },
        },
        fx.judge.token,
      )
    ).issueJudgment;
    expect(judgment.objectionDeadline).toBeNull(); // no one served yet
    // The worker serves both parties in their accounts; the judgment's window then ends with the last one's.
    const deadline = await until(
      async () =>
        (await t.ok(`query($id: ID!) { lawsuit(id: $id) { judgment { objectionDeadline } } }`, { id }, fx.judge.token)).lawsuit.judgment
          .objectionDeadline,
    );
    t.clock.set(new Date(new Date(deadline).getTime() + 60_000));
    await t.app.get(JudgmentsService).finalizeExpired(t.app.get(RequestContextFactory).forActor('test-finalize-notices', null));
    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit.state).toBe('FINAL');
    for (const who of [claimant, defendant]) {
      expect((await kindsOf(id, who)).slice(-3)).toEqual(['HEARING_SCHEDULED', 'JUDGMENT_ISSUED', 'JUDGMENT_FINAL']);
    }
    const final = (await notices(id)).find((n) => n.kind === 'JUDGMENT_FINAL')!;
    expect(final.title_en).toBe(`Judgment final in lawsuit ${caseNumber}`);
    expect((await notices(id)).find((n) => n.kind === 'JUDGMENT_ISSUED')!.body_en).toContain('in favour of the defendant');
  });

  it('carries a clerk’s notice from the court to the parties chosen, by email too, names those it cannot reach, and refuses a bad one writing nothing', async () => {
    const SEND = `mutation($i: SendCourtNoticeInput!) { sendCourtNotice(input: $i) { lawsuitId noticeId recipients partyIds unreachablePartyIds } }`;
    const [claimant, defendant] = [await person(), await person()];
    const { id, caseNumber } = await registered(claimant, defendant);
    const parties: { id: string; side: string }[] = (
      await t.ok(`query($id: ID!) { lawsuit(id: $id) { parties { id side } } }`, { id }, fx.clerk.token)
    ).lawsuit.parties;
    const partyOf = (side: string) => parties.find((p) => p.side === side)!.id;
    const text = {
      titleAr: 'إحضار أصل العقد',
      titleEn: 'Bring the original contract',
      bodyAr: 'على المدعى عليه إحضار أصل العقد إلى أمانة الدائرة قبل الجلسة القادمة.',
      bodyEn: 'The defendant is to bring the original contract to the circuit’s registry before the next hearing.',
    };
    const counts = async () =>
      (
        await db.query<{ notices: number; events: number }[]>(
          `SELECT (SELECT count(*) FROM notifications WHERE lawsuit_id = $1)::int AS notices,
                  (SELECT count(*) FROM audit_events WHERE subject_id = $1::text)::int AS events`,
          [id],
        )
      )[0];
    const before = await counts();

    // Refused, and nothing written: a judge, a party, the clerk of another court; bad text; someone who is no party; a filing not registered.
    for (const token of [fx.judge.token, claimant.token]) {
      expect(await t.code(SEND, { i: { lawsuitId: id, ...text } }, token)).toBe('FORBIDDEN');
    }
    const other = await courtWithStaff(t);
    expect(await t.code(SEND, { i: { lawsuitId: id, ...text } }, other.clerk.token)).toBe('NOT_FOUND');
    for (const [vars, field] of [
      [{ titleEn: 'x' }, 'input.titleEn'],
      [{ bodyAr: '' }, 'input.bodyAr'],
      [{ partyIds: ['not-a-uuid'] }, 'input.partyIds'],
      [{ partyIds: [] }, 'input.partyIds'],
      [{ partyIds: [partyOf('DEFENDANT'), randomUUID()] }, 'input.partyIds.1'],
    ] as const) {
      const res = await t.gql(SEND, { i: { lawsuitId: id, ...text, ...vars } }, fx.clerk.token);
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors![0].extensions.fields)).toContain(`"${field}"`);
    }
    const unregistered = await filed(claimant, defendant);
    expect(await t.code(SEND, { i: { lawsuitId: unregistered, ...text } }, fx.clerk.token)).toBe('INVALID_TRANSITION');
    expect(await counts()).toEqual(before);
    expect(await notices(unregistered)).toHaveLength(1); // its submission's, to the filing side

    // To the defendant alone: only they hear of it, in the account and by email.
    const toDefendant = (await t.ok(SEND, { i: { lawsuitId: id, partyIds: [partyOf('DEFENDANT')], ...text } }, fx.clerk.token))
      .sendCourtNotice;
    expect(toDefendant).toMatchObject({ lawsuitId: id, recipients: 1, partyIds: [partyOf('DEFENDANT')], unreachablePartyIds: [] });
    expect(await kindsOf(id, defendant)).toContain('COURT_NOTICE');
    expect(await kindsOf(id, claimant)).not.toContain('COURT_NOTICE');
    const [notice] = (await notices(id)).filter((n) => n.kind === 'COURT_NOTICE');
    expect(notice).toMatchObject({
      title_en: `Bring the original contract — lawsuit ${caseNumber}`,
      body_en: text.bodyEn,
      body_ar: text.bodyAr,
    });
    const mails = await mailsOf(defendant, [id]);
    expect(mails.filter((m) => noticeId(m.raw) === notice.id)).toHaveLength(1);
    expect(header(mails.find((m) => noticeId(m.raw) === notice.id)!.raw, 'Subject')).toContain(`lawsuit ${caseNumber}`);
    const [event] = await db.query<{ actor_id: string; after: Record<string, unknown> }[]>(
      `SELECT actor_id, after FROM audit_events WHERE subject_id = $1::text AND action = 'lawsuit.court-notice'`,
      [id],
    );
    expect(event).toMatchObject({
      actor_id: fx.clerk.id,
      after: { noticeId: toDefendant.noticeId, partyIds: [partyOf('DEFENDANT')], recipients: 1 },
    });

    // To every party: both, each once more.
    const toAll = (await t.ok(SEND, { i: { lawsuitId: id, ...text } }, fx.clerk.token)).sendCourtNotice;
    expect(toAll).toMatchObject({ recipients: 2, partyIds: [partyOf('CLAIMANT'), partyOf('DEFENDANT')], unreachablePartyIds: [] });
    expect((await kindsOf(id, defendant)).filter((k) => k === 'COURT_NOTICE')).toHaveLength(2);
    expect((await kindsOf(id, claimant)).filter((k) => k === 'COURT_NOTICE')).toHaveLength(1);

    // An organization without a representative cannot be reached on the platform: named, not notified.
    const companyCase = (
      await scenario(t.app)
        .court(fx)
        .claimant(claimant)
        .lawsuit({
          defendants: [
            {
              kind: PartyKind.ORGANIZATION,
              organizationNumber: `CR-${randomUUID().slice(0, 8).toUpperCase()}`,
              nameAr: 'شركة',
              nameEn: 'Company',
            },
          ],
        })
        .registered()
    ).lawsuitId;
    const companyParties: { id: string; side: string }[] = (
      await t.ok(`query($id: ID!) { lawsuit(id: $id) { parties { id side } } }`, { id: companyCase }, fx.clerk.token)
    ).lawsuit.parties;
    const companyId = companyParties.find((p) => p.side === 'DEFENDANT')!.id;
    expect(
      (await t.ok(SEND, { i: { lawsuitId: companyCase, partyIds: [companyId], ...text } }, fx.clerk.token)).sendCourtNotice,
    ).toMatchObject({ recipients: 0, partyIds: [], unreachablePartyIds: [companyId] });
  });
});
