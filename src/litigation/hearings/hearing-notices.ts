/**
 * Tells the parties and the bench of a hearing scheduled, postponed or cancelled, with a calendar
 * invitation that a postponement moves and a cancellation removes.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { UserLookups } from '../../identity';
import { NotificationKind, Notifier } from '../../notifications';
import type { CaseEnding } from '../lawsuits/case-ends';
import type { NoticeText } from '../lawsuits/lawsuit-notice-texts';
import { LawsuitNotices } from '../lawsuits/lawsuit-notices';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { whenAr, whenEn } from '../notice-formats';
import type { Hearing } from './hearing.entity';
import { HearingMode } from './hearing.enums';

export type HearingChange = 'scheduled' | 'postponed' | 'cancelled';

/** Why a case's end cancelled its hearings, in the notice. */
const ENDED_BY: Record<CaseEnding, { ar: string; en: string }> = {
  withdraw: { ar: 'ترك الدعوى', en: 'the case was withdrawn' },
  settle: { ar: 'انتهاء الدعوى صلحًا', en: 'the case was settled' },
  strikeOff: { ar: 'شطب الدعوى', en: 'the case was struck off' },
  issueJudgment: { ar: 'صدور الحكم في الدعوى', en: 'judgment was issued in the case' },
  transfer: { ar: 'إحالة الدعوى إلى محكمة أو دائرة أخرى', en: 'the case was transferred to another court or circuit' },
};

/** The location of a hearing in calendars. */
export const REMOTE_LOCATION = 'Remote hearing';

@Injectable()
export class HearingNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly cases: LawsuitNotices,
    private readonly people: UserLookups,
  ) {}

  /**
   * Notifies the parties of a hearing scheduled, postponed (`hearing` is the new one, `previous`
   * the one it replaces) or cancelled, with a calendar invitation: one calendar event per chain of
   * postponements (its UID is the first hearing's), whose SEQUENCE rises with every change.
   */
  async changed(
    tx: RequestContext,
    hearing: Hearing,
    change: HearingChange,
    options: { previous?: Hearing; reason?: string; lawsuit?: Lawsuit; ending?: CaseEnding } = {},
  ): Promise<void> {
    const lawsuit = options.lawsuit ?? (await tx.repo(Lawsuit).findOneByOrFail({ id: hearing.lawsuitId }));
    const f = await this.cases.facts(tx, lawsuit, hearing.circuitId, {});
    const tz = f.court.timeZone;
    const [chain] = await tx.manager.query<{ root_id: string; sequence: number }[]>(
      `WITH RECURSIVE chain (id, previous_hearing_id, version) AS (
         SELECT id, previous_hearing_id, version FROM hearings WHERE id = $1
         UNION ALL
         SELECT h.id, h.previous_hearing_id, h.version FROM hearings h JOIN chain c ON h.id = c.previous_hearing_id
       )
       SELECT (SELECT id FROM chain WHERE previous_hearing_id IS NULL) AS root_id, sum(version - 1)::int AS sequence FROM chain`,
      [hearing.id],
    );
    const remote = hearing.mode === HearingMode.REMOTE;
    const placeAr = remote ? 'عن بُعد، ويظهر رابطها بعد تسجيل الحضور قبل موعدها بخمس عشرة دقيقة' : `في ${hearing.room}`;
    const placeEn = remote
      ? 'remotely; its link appears once you register attendance, from 15 minutes before it starts'
      : `in ${hearing.room}`;
    const benchAr = `${f.circuit?.nameAr ?? 'الدائرة'} في ${f.court.nameAr}`;
    const benchEn = `${f.circuit?.nameEn ?? 'the circuit'} of ${f.court.nameEn}`;
    const reason = options.ending
      ? { ar: ENDED_BY[options.ending].ar, en: ENDED_BY[options.ending].en }
      : { ar: options.reason, en: options.reason };
    const reasonAr = reason.ar ? ` السبب: ${reason.ar}.` : '';
    const reasonEn = reason.en ? ` Reason: ${reason.en}.` : '';
    const texts: Record<HearingChange, { kind: NotificationKind } & NoticeText> = {
      scheduled: {
        kind: NotificationKind.HEARING_SCHEDULED,
        titleAr: `موعد جلسة الدعوى رقم ${f.no}`,
        titleEn: `Hearing scheduled in lawsuit ${f.no}`,
        bodyAr: `حُددت جلسة للدعوى رقم ${f.no} أمام ${benchAr}، يوم ${whenAr(hearing.startsAt, tz)}، ${placeAr}.`,
        bodyEn: `A hearing of lawsuit ${f.no} is set before ${benchEn} on ${whenEn(hearing.startsAt, tz)}, ${placeEn}.`,
      },
      postponed: {
        kind: NotificationKind.HEARING_POSTPONED,
        titleAr: `تأجيل جلسة الدعوى رقم ${f.no}`,
        titleEn: `Hearing postponed in lawsuit ${f.no}`,
        bodyAr:
          `أُجّلت جلسة الدعوى رقم ${f.no}` +
          (options.previous ? ` التي كانت يوم ${whenAr(options.previous.startsAt, tz)}` : '') +
          ` إلى يوم ${whenAr(hearing.startsAt, tz)}، ${placeAr}.${reasonAr}`,
        bodyEn:
          `The hearing of lawsuit ${f.no}` +
          (options.previous ? ` set for ${whenEn(options.previous.startsAt, tz)}` : '') +
          ` was postponed to ${whenEn(hearing.startsAt, tz)}, ${placeEn}.${reasonEn}`,
      },
      cancelled: {
        kind: NotificationKind.HEARING_CANCELLED,
        titleAr: `إلغاء جلسة الدعوى رقم ${f.no}`,
        titleEn: `Hearing cancelled in lawsuit ${f.no}`,
        bodyAr: `أُلغيت جلسة الدعوى رقم ${f.no} التي كانت يوم ${whenAr(hearing.startsAt, tz)}.${reasonAr}`,
        bodyEn: `The hearing of lawsuit ${f.no} set for ${whenEn(hearing.startsAt, tz)} was cancelled.${reasonEn}`,
      },
    };
    const { kind, ...text } = texts[change];
    const parties = await this.cases.recipients(tx, lawsuit, 'parties');
    await this.notifier.notify(tx, {
      kind,
      // The bench is told too, so that the judge's calendar holds the hearing and follows its moves.
      recipients: [...parties, ...(await this.bench(tx, hearing, options.previous))],
      lawsuitId: lawsuit.id,
      hearingId: hearing.id,
      data: {
        caseNumber: lawsuit.caseNumber,
        startsAt: hearing.startsAt.toISOString(),
        endsAt: hearing.endsAt.toISOString(),
        mode: hearing.mode,
        room: hearing.room,
        ...(options.previous ? { previousStartsAt: options.previous.startsAt.toISOString() } : {}),
      },
      ...text,
      calendar: {
        startsAt: hearing.startsAt,
        endsAt: hearing.endsAt,
        location: remote ? REMOTE_LOCATION : (hearing.room ?? ''),
        uid: `hearing-${chain.root_id}@adl`,
        sequence: chain.sequence,
        method: change === 'cancelled' ? 'CANCEL' : 'REQUEST',
      },
      dedupeKey: `hearing:${change}:${hearing.id}:${chain.sequence}`,
    });
  }

  /**
   * The judges who sit the hearing: its presiding judge (and the one of the hearing it replaces,
   * when a postponement changed hands), or, with none named, every judge of its circuit.
   */
  private async bench(tx: RequestContext, hearing: Hearing, previous?: Hearing): Promise<{ nationalId: string }[]> {
    const presiding = [hearing.judgeId, previous?.judgeId].filter((id): id is string => !!id);
    const nationalIds = presiding.length
      ? [...(await this.people.nationalIdsOf(tx, presiding)).values()]
      : (await this.people.judgesOfCircuit(tx, hearing.circuitId)).map((j) => j.nationalId);
    return [...new Set(nationalIds)].map((nationalId) => ({ nationalId }));
  }
}
