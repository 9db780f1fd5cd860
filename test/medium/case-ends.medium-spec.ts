/**
 * A case that ends ends its future (docs/domain.md, "When a case ends"): withdrawal, settlement,
 * strike-off and judgment cancel every hearing still scheduled, each with a calendar cancellation
 * (the invitation's UID, a higher SEQUENCE) to the parties and the bench; minutes are refused on a
 * cancelled hearing and for a case that has ended; and documents only attest what happened — no
 * filing receipt before submission, no minutes of a hearing never held.
 */
import { DocumentKind, DocumentsService } from '../../src/documents';
import { DocumentLanguage } from '../../src/documents/document.enums';
import { LawsuitOutcomesService } from '../../src/litigation/lawsuits/lawsuit-outcomes.service';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { DomainError } from '../../src/core/errors/domain-error';
import { NotificationKind } from '../../src/notifications';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

interface CalendarRow {
  national_id: string;
  kind: string;
  calendar: { uid: string; sequence: number; method: string };
}

describe('when a case ends', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const hearingStates = async (s: Scenario) =>
    (
      await m.db.query<{ id: string; state: string }[]>('SELECT id, state FROM hearings WHERE lawsuit_id = $1 ORDER BY starts_at', [
        s.lawsuitId,
      ])
    ).map((h) => h.state);
  const calendarNotices = (hearingId: string) =>
    m.db.query<CalendarRow[]>(`SELECT national_id, kind, calendar FROM notifications WHERE hearing_id = $1 ORDER BY created_at`, [
      hearingId,
    ]);
  const recordMinutes = async (s: Scenario, hearingId: string) => {
    const judge = await s.judge();
    return m.get(HearingsService).recordMinutes(await judge.ctx(), { hearingId, minutes: 'محضر — minutes', attendance: [] });
  };

  it('withdrawal cancels every hearing still scheduled, with a calendar cancellation of the same event to the parties and the bench', async () => {
    const s = await scenario(m).hearingScheduled();
    const first = s.hearingId;
    const second = (await s.scheduleHearing()).id;
    await s.withdrawn();
    expect(await hearingStates(s)).toEqual(['CANCELLED', 'CANCELLED']);

    for (const hearingId of [first, second]) {
      const notices = await calendarNotices(hearingId);
      const invited = notices.filter((n) => n.kind === NotificationKind.HEARING_SCHEDULED);
      const cancelled = notices.filter((n) => n.kind === NotificationKind.HEARING_CANCELLED);
      // Everyone invited is told, in the same calendar event, at a higher sequence.
      expect(cancelled.map((n) => n.national_id).sort()).toEqual(invited.map((n) => n.national_id).sort());
      expect(cancelled.map((n) => n.national_id)).toEqual(
        expect.arrayContaining([s.actors.claimant.nationalId, s.actors.defendant.nationalId]),
      );
      for (const n of cancelled) {
        expect(n.calendar).toMatchObject({ method: 'CANCEL', uid: invited[0].calendar.uid });
        expect(n.calendar.sequence).toBeGreaterThan(invited[0].calendar.sequence);
      }
    }
    const [text] = await m.db.query<{ body_en: string; body_ar: string }[]>(
      `SELECT body_en, body_ar FROM notifications WHERE hearing_id = $1 AND kind = $2 LIMIT 1`,
      [first, NotificationKind.HEARING_CANCELLED],
    );
    expect(text.body_en).toContain('the case was withdrawn');
    expect(text.body_ar).toContain('ترك الدعوى');
    const [audit] = await m.db.query<{ after: { reason: string } }[]>(
      `SELECT after FROM audit_events WHERE subject_id = $1 AND action = 'hearing.cancelled'`,
      [first],
    );
    expect(audit.after.reason).toBe('lawsuit.withdraw');
  });

  it.each([
    ['settlement', (s: Scenario) => s.settled()],
    [
      'strike-off',
      async (s: Scenario, held: string) => m.get(LawsuitOutcomesService).strikeOff(await (await s.judge()).ctx(), s.lawsuitId, held),
    ],
    ['judgment', (s: Scenario) => s.judgmentIssued()],
  ])(
    '%s cancels the hearing still scheduled, and leaves the held one held',
    async (_end, end: (s: Scenario, held: string) => PromiseLike<unknown>) => {
      const s = await scenario(m).hearingHeld({ claimantPresent: false });
      const held = s.hearingId;
      const ahead = (await s.scheduleHearing()).id;
      await end(s, held);
      expect(await hearingStates(s)).toEqual(['HELD', 'CANCELLED']);
      expect((await calendarNotices(ahead)).some((n) => n.kind === NotificationKind.HEARING_CANCELLED)).toBe(true);
    },
  );

  it('refuses minutes on a cancelled hearing, even once its time has come', async () => {
    const s = await scenario(m).hearingScheduled();
    await s.withdrawn();
    m.clock.set(new Date(s.hearingAt.getTime() + 10 * 60_000));
    const err = (await recordMinutes(s, s.hearingId).catch((e: DomainError) => e)) as DomainError;
    expect(err).toMatchObject({ code: 'INVALID_TRANSITION', details: { machine: 'Hearing', from: 'CANCELLED', event: 'hold' } });
  });

  it('refuses minutes for a case that has ended, whatever its hearing says', async () => {
    // A hearing left scheduled on an ended case (written before the rule, or by hand) takes no minutes.
    const s = await scenario(m).hearingHeld();
    await s.judgmentIssued();
    const [{ id }] = await m.db.query<{ id: string }[]>(
      `INSERT INTO hearings (lawsuit_id, circuit_id, court_id, judge_id, starts_at, ends_at, mode, room, state)
       SELECT lawsuit_id, circuit_id, court_id, judge_id, starts_at + interval '2 hours', ends_at + interval '2 hours', mode, room, 'SCHEDULED'
         FROM hearings WHERE id = $1 RETURNING id`,
      [s.hearingId],
    );
    m.clock.set(new Date(s.hearingAt.getTime() + 3 * 3600_000));
    const err = (await recordMinutes(s, id).catch((e: DomainError) => e)) as DomainError;
    expect(err).toMatchObject({ code: 'INVALID_TRANSITION', details: { machine: 'Hearing', guard: 'the case is in hearings' } });
    expect(err.message).toContain('JUDGMENT_ISSUED');
  });

  it('issues no filing receipt before submission, and no minutes of a hearing not held; a hidden one is still not found', async () => {
    const documents = m.get(DocumentsService);
    const draft = await scenario(m).lawsuit();
    const claimant = await draft.actors.claimant.ctx();
    const ask = (ctx: typeof claimant, kind: DocumentKind, subjectId: string) =>
      documents.request(ctx, { kind, subjectId, language: DocumentLanguage.AR });
    const err = (await ask(claimant, DocumentKind.LAWSUIT_RECEIPT, draft.lawsuitId).catch((e: DomainError) => e)) as DomainError;
    expect(err).toMatchObject({ code: 'INVALID_TRANSITION', details: { machine: 'Lawsuit', from: 'DRAFT', event: 'issueReceipt' } });
    // Someone who may not see the draft learns nothing of its state.
    const stranger = await scenario(m).claimant().lawsuit();
    expect(await refusal(ask(await stranger.actors.claimant.ctx(), DocumentKind.LAWSUIT_RECEIPT, draft.lawsuitId))).toBe('NOT_FOUND');

    const heard = await scenario(m).hearingScheduled();
    const party = await heard.actors.claimant.ctx();
    expect(await refusal(ask(party, DocumentKind.HEARING_MINUTES, heard.hearingId))).toBe('INVALID_TRANSITION');
    // Submitted, the receipt is there; the summons of a scheduled hearing too.
    expect((await ask(party, DocumentKind.LAWSUIT_RECEIPT, heard.lawsuitId)).kind).toBe(DocumentKind.LAWSUIT_RECEIPT);
    expect((await ask(party, DocumentKind.HEARING_SUMMONS, heard.hearingId)).kind).toBe(DocumentKind.HEARING_SUMMONS);
    await heard.hearingHeld();
    expect((await ask(party, DocumentKind.HEARING_MINUTES, heard.hearingId)).kind).toBe(DocumentKind.HEARING_MINUTES);
  });
});
