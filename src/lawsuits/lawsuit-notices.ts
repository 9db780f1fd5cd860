/**
 * What every transition of a lawsuit, and every change of one of its hearings, tells the people
 * concerned: one table of bilingual notices (Arabic first, then English, with the case number),
 * who hears of each (the filing side before registration, every party after; for hearings the
 * presiding judge too), and for hearings a calendar invitation that a postponement moves and a
 * cancellation removes.
 *
 * `LawsuitsService.applyEvent`, through which every state change of a lawsuit goes, calls
 * `lawsuitMoved`; `HearingsService` calls `hearingChanged`. Both write through `Notifier` inside
 * the caller's transaction, so a transition that rolls back notifies no one, and a committed one
 * is delivered exactly once.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../core/context/request-context';
import { countedAr, countedEn } from '../core/rules/counted';
import type { Hearing } from '../hearings/hearing.entity';
import { HearingMode } from '../hearings/hearing.enums';
import { AppealDecision } from '../judgments/judgment.enums';
import { NotificationKind } from '../notifications/notification.enums';
import { Notifier } from '../notifications/notifier.service';
import { Circuit } from '../organizations/circuit.entity';
import { Court } from '../organizations/court.entity';
import type { LawsuitEvent } from './lawsuit-state-machine';
import { Lawsuit } from './lawsuit.entity';
import { PartySide } from './lawsuit.enums';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';

/** What a transition knows that the lawsuit row does not, for its notice. */
export interface TransitionDetails {
  /** issueJudgment */
  judgment?: { inFavourOf: PartySide; objectionDays: number; urgent: boolean };
  /** object, requestExecution: the side of the party who acted. */
  side?: PartySide;
  /** object */
  appealCourt?: { nameAr: string; nameEn: string };
  /** decideAppeal */
  appeal?: { decision: AppealDecision; amendedAmount: number | null };
}

export type HearingChange = 'scheduled' | 'postponed' | 'cancelled';

/** Who hears of a transition: the filing side (claimants, their representatives, the filer), or every party too. */
type Audience = 'filing' | 'parties';

interface Text {
  titleAr: string;
  titleEn: string;
  bodyAr: string;
  bodyEn: string;
  data?: Record<string, unknown>;
}

interface Facts {
  lawsuit: Lawsuit;
  court: Court;
  circuit: Circuit | null;
  details: TransitionDetails;
  /** «صحيفة الدعوى …» before registration, «الدعوى رقم …» after. */
  refAr: string;
  refEn: string;
  /** The case number, or nothing before registration (for titles). */
  no: string;
}

interface Template {
  kind: NotificationKind;
  audience: Audience | ((before: Lawsuit) => Audience);
  text: (f: Facts) => Text;
}

const SIDE_AR: Record<PartySide, string> = { [PartySide.CLAIMANT]: 'المدعي', [PartySide.DEFENDANT]: 'المدعى عليه' };
const SIDE_EN: Record<PartySide, string> = { [PartySide.CLAIMANT]: 'claimant', [PartySide.DEFENDANT]: 'defendant' };

const DECISION_AR: Record<AppealDecision, string> = {
  [AppealDecision.UPHOLD]: 'أيدت محكمة الاستئناف الحكم',
  [AppealDecision.OVERTURN]: 'نقضت محكمة الاستئناف الحكم',
  [AppealDecision.AMEND]: 'عدّلت محكمة الاستئناف الحكم',
};
const DECISION_EN: Record<AppealDecision, string> = {
  [AppealDecision.UPHOLD]: 'The appeal court upheld the judgment',
  [AppealDecision.OVERTURN]: 'The appeal court overturned the judgment',
  [AppealDecision.AMEND]: 'The appeal court amended the judgment',
};

/** One template per event of the lawsuit state machine (the compiler checks that none is missing). */
const TEMPLATES: Record<LawsuitEvent, Template | null> = {
  submit: {
    kind: NotificationKind.LAWSUIT_SUBMITTED,
    audience: 'filing',
    text: (f) => ({
      titleAr: 'استلام صحيفة الدعوى',
      titleEn: 'Lawsuit filing received',
      bodyAr: `استلمت ${f.court.nameAr} ${f.refAr}، وهي قيد المراجعة لدى أمانة المحكمة.`,
      bodyEn: `${f.court.nameEn} received ${f.refEn}; the court clerk is reviewing it.`,
    }),
  },
  return: {
    kind: NotificationKind.LAWSUIT_RETURNED,
    audience: 'filing',
    text: (f) => ({
      titleAr: 'إعادة صحيفة الدعوى للتعديل',
      titleEn: 'Lawsuit filing returned for correction',
      bodyAr: `أعادت ${f.court.nameAr} ${f.refAr} للتعديل. السبب: ${f.lawsuit.returnReason}. عدّلها ثم أعد تقديمها.`,
      bodyEn: `${f.court.nameEn} returned ${f.refEn} for correction. Reason: ${f.lawsuit.returnReason}. Correct it, then submit it again.`,
      data: { reason: f.lawsuit.returnReason },
    }),
  },
  reject: {
    kind: NotificationKind.LAWSUIT_REJECTED,
    audience: 'filing',
    text: (f) => ({
      titleAr: 'رفض قيد الدعوى',
      titleEn: 'Lawsuit filing rejected',
      bodyAr: `رفضت ${f.court.nameAr} قيد ${f.refAr}. السبب: ${f.lawsuit.rejectReason}.`,
      bodyEn: `${f.court.nameEn} rejected ${f.refEn}. Reason: ${f.lawsuit.rejectReason}.`,
      data: { reason: f.lawsuit.rejectReason },
    }),
  },
  register: {
    kind: NotificationKind.LAWSUIT_REGISTERED,
    audience: 'parties',
    text: (f) => ({
      titleAr: `قيد الدعوى رقم ${f.no}`,
      titleEn: `Lawsuit ${f.no} registered`,
      bodyAr:
        `قُيّدت الدعوى برقم ${f.no} في ${f.court.nameAr}، وأحيلت إلى ${f.circuit?.nameAr ?? 'إحدى دوائرها'}.` +
        (f.lawsuit.sealed ? '' : ` موضوعها: ${short(f.lawsuit.subject)}.`),
      bodyEn:
        `The lawsuit was registered as ${f.no} at ${f.court.nameEn} and referred to ${f.circuit?.nameEn ?? 'one of its circuits'}.` +
        (f.lawsuit.sealed ? '' : ` Subject: ${short(f.lawsuit.subject)}.`),
      data: { circuitId: f.lawsuit.circuitId },
    }),
  },
  // The hearing notice (with its calendar invitation) tells of the first hearing.
  scheduleFirstHearing: null,
  issueJudgment: {
    kind: NotificationKind.JUDGMENT_ISSUED,
    audience: 'parties',
    text: (f) => {
      const j = f.details.judgment!;
      const days = j.objectionDays;
      // Each party's window runs from their own service of this notice, so no date can be given here.
      return {
        titleAr: `صدور الحكم في الدعوى رقم ${f.no}`,
        titleEn: `Judgment issued in lawsuit ${f.no}`,
        bodyAr:
          `صدر الحكم في الدعوى رقم ${f.no} لصالح ${SIDE_AR[j.inFavourOf]}. ` +
          `لكل طرف الاعتراض عليه خلال ${daysAr(days)} من تبليغه بهذا الإشعار؛ ` +
          'وإلا اكتسب الحكم القطعية.',
        bodyEn:
          `Judgment was issued in lawsuit ${f.no} in favour of the ${SIDE_EN[j.inFavourOf]}. ` +
          `Either party may object within ${days} days of being served with this notice; ` +
          'after that the judgment becomes final.',
        data: { inFavourOf: j.inFavourOf, objectionDays: days, urgent: j.urgent },
      };
    },
  },
  object: {
    kind: NotificationKind.OBJECTION_FILED,
    audience: 'parties',
    text: (f) => {
      const side = f.details.side!;
      return {
        titleAr: `اعتراض على الحكم في الدعوى رقم ${f.no}`,
        titleEn: `Objection to the judgment in lawsuit ${f.no}`,
        bodyAr: `اعترض ${SIDE_AR[side]} على الحكم في الدعوى رقم ${f.no}، وأحيل الاعتراض إلى ${f.details.appealCourt?.nameAr ?? 'محكمة الاستئناف'}.`,
        bodyEn: `The ${SIDE_EN[side]} objected to the judgment in lawsuit ${f.no}; the objection was sent to ${f.details.appealCourt?.nameEn ?? 'the appeal court'}.`,
        data: { side },
      };
    },
  },
  decideAppeal: {
    kind: NotificationKind.APPEAL_DECIDED,
    audience: 'parties',
    text: (f) => {
      const { decision, amendedAmount } = f.details.appeal!;
      const amended = decision === AppealDecision.AMEND && amendedAmount !== null;
      return {
        titleAr: `قرار الاستئناف في الدعوى رقم ${f.no}`,
        titleEn: `Appeal decided in lawsuit ${f.no}`,
        bodyAr: `${DECISION_AR[decision]} في الدعوى رقم ${f.no}${amended ? ` إلى ${riyalsAr(amendedAmount)}` : ''}.`,
        bodyEn: `${DECISION_EN[decision]} in lawsuit ${f.no}${amended ? ` to ${riyalsEn(amendedAmount)}` : ''}.`,
        data: { decision, amendedAmount },
      };
    },
  },
  finalize: {
    kind: NotificationKind.JUDGMENT_FINAL,
    audience: 'parties',
    text: (f) => ({
      titleAr: `اكتساب الحكم القطعية في الدعوى رقم ${f.no}`,
      titleEn: `Judgment final in lawsuit ${f.no}`,
      bodyAr: `اكتسب الحكم في الدعوى رقم ${f.no} القطعية، ولمن صدر الحكم لصالحه أن يطلب تنفيذه.`,
      bodyEn: `The judgment in lawsuit ${f.no} is final; the party it favours may request its execution.`,
    }),
  },
  requestExecution: {
    kind: NotificationKind.EXECUTION_REQUESTED,
    audience: 'parties',
    text: (f) => {
      const side = f.details.side!;
      return {
        titleAr: `طلب تنفيذ الحكم في الدعوى رقم ${f.no}`,
        titleEn: `Execution requested in lawsuit ${f.no}`,
        bodyAr: `طلب ${SIDE_AR[side]} تنفيذ الحكم في الدعوى رقم ${f.no}.`,
        bodyEn: `The ${SIDE_EN[side]} requested execution of the judgment in lawsuit ${f.no}.`,
        data: { side },
      };
    },
  },
  close: {
    kind: NotificationKind.LAWSUIT_CLOSED,
    audience: 'parties',
    text: (f) => ({
      titleAr: `إغلاق الدعوى رقم ${f.no}`,
      titleEn: `Lawsuit ${f.no} closed`,
      bodyAr: `أُغلقت الدعوى رقم ${f.no}.`,
      bodyEn: `Lawsuit ${f.no} was closed.`,
    }),
  },
  withdraw: {
    kind: NotificationKind.LAWSUIT_WITHDRAWN,
    // The defendant hears of a lawsuit from its registration on, and so of its withdrawal.
    audience: (before) => (before.caseNumber ? 'parties' : 'filing'),
    text: (f) => ({
      titleAr: f.no ? `ترك الدعوى رقم ${f.no}` : 'سحب صحيفة الدعوى',
      titleEn: f.no ? `Lawsuit ${f.no} withdrawn` : 'Lawsuit filing withdrawn',
      bodyAr: `سحب المدعي ${f.refAr} لدى ${f.court.nameAr}، وانتهت بذلك.`,
      bodyEn: `The claimant withdrew ${f.refEn} at ${f.court.nameEn}; it is closed.`,
    }),
  },
  settle: {
    kind: NotificationKind.LAWSUIT_SETTLED,
    audience: 'parties',
    text: (f) => ({
      titleAr: `انتهاء الدعوى رقم ${f.no} صلحاً`,
      titleEn: `Lawsuit ${f.no} settled`,
      bodyAr: `انتهت الدعوى رقم ${f.no} بالصلح بين الطرفين.`,
      bodyEn: `Lawsuit ${f.no} ended in a settlement between the parties.`,
    }),
  },
  strikeOff: {
    kind: NotificationKind.LAWSUIT_STRUCK_OFF,
    audience: 'parties',
    text: (f) => ({
      titleAr: `شطب الدعوى رقم ${f.no}`,
      titleEn: `Lawsuit ${f.no} struck off`,
      bodyAr: `شُطبت الدعوى رقم ${f.no} لغياب المدعي عن الجلسة. للمدعي أن يطلب السير فيها مرة واحدة خلال ${countedAr(STRUCK_OFF_RESUMPTION.days, 'day')}.`,
      bodyEn: `Lawsuit ${f.no} was struck off because the claimant was absent from the hearing. The claimant may ask once, within ${countedEn(STRUCK_OFF_RESUMPTION.days, 'day')}, to resume it.`,
    }),
  },
  resume: {
    kind: NotificationKind.LAWSUIT_RESUMED,
    audience: 'parties',
    text: (f) => ({
      titleAr: `السير في الدعوى رقم ${f.no}`,
      titleEn: `Lawsuit ${f.no} resumed`,
      bodyAr: `عادت الدعوى رقم ${f.no} إلى السير بعد شطبها، وستُحدد لها جلسة.`,
      bodyEn: `Lawsuit ${f.no} was resumed after being struck off; a hearing will be scheduled.`,
    }),
  },
};

/** The location of a hearing in calendars. */
export const REMOTE_LOCATION = 'Remote hearing';

@Injectable()
export class LawsuitNotices {
  constructor(private readonly notifier: Notifier) {}

  /** Notifies those concerned of one event of the state machine (`before` and `after` the change). */
  async lawsuitMoved(
    tx: RequestContext,
    before: Lawsuit,
    after: Lawsuit,
    event: LawsuitEvent,
    details: TransitionDetails = {},
  ): Promise<void> {
    const template = TEMPLATES[event];
    if (!template) return;
    const audience = typeof template.audience === 'function' ? template.audience(before) : template.audience;
    const facts = await this.facts(tx, after, after.circuitId, details);
    const { data, ...text } = template.text(facts);
    await this.notifier.notify(tx, {
      kind: template.kind,
      recipients: await this.recipients(tx, after, audience),
      lawsuitId: after.id,
      data: { caseNumber: after.caseNumber, state: after.state, ...data },
      ...text,
      // One notice per transition: the version the lawsuit had before it.
      dedupeKey: `lawsuit:${event}:${after.id}:${before.version}`,
    });
  }

  /**
   * Notifies the parties of a hearing scheduled, postponed (`hearing` is the new one, `previous`
   * the one it replaces) or cancelled, with a calendar invitation: one calendar event per chain of
   * postponements (its UID is the first hearing's), whose SEQUENCE rises with every change.
   */
  async hearingChanged(
    tx: RequestContext,
    hearing: Hearing,
    change: HearingChange,
    options: { previous?: Hearing; reason?: string } = {},
  ): Promise<void> {
    const lawsuit = await tx.repo(Lawsuit).findOneByOrFail({ id: hearing.lawsuitId });
    const f = await this.facts(tx, lawsuit, hearing.circuitId, {});
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
    const reasonAr = options.reason ? ` السبب: ${options.reason}.` : '';
    const reasonEn = options.reason ? ` Reason: ${options.reason}.` : '';
    const texts: Record<HearingChange, { kind: NotificationKind } & Text> = {
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
    const parties = await this.recipients(tx, lawsuit, 'parties');
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

  private async facts(tx: RequestContext, lawsuit: Lawsuit, circuitId: string | null, details: TransitionDetails): Promise<Facts> {
    // One after the other: inside a transaction they share one connection.
    const court = await tx.repo(Court).findOneByOrFail({ id: lawsuit.courtId });
    const circuit = circuitId ? await tx.repo(Circuit).findOneBy({ id: circuitId }) : null;
    const no = lawsuit.caseNumber ?? '';
    return {
      lawsuit,
      court,
      circuit,
      details,
      no,
      refAr: no ? `الدعوى رقم ${no}` : `صحيفة الدعوى «${short(lawsuit.subject)}»`,
      refEn: no ? `lawsuit ${no}` : `the filing “${short(lawsuit.subject)}”`,
    };
  }

  /**
   * The judges who sit the hearing: its presiding judge (and the one of the hearing it replaces,
   * when a postponement changed hands), or, with none named, every judge of its circuit.
   */
  private async bench(tx: RequestContext, hearing: Hearing, previous?: Hearing): Promise<{ nationalId: string }[]> {
    const presiding = [hearing.judgeId, previous?.judgeId].filter((id): id is string => !!id);
    const rows = await tx.manager.query<{ national_id: string }[]>(
      presiding.length
        ? `SELECT u.national_id FROM users u WHERE u.id = ANY($1::uuid[])`
        : `SELECT DISTINCT u.national_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.role = 'JUDGE' AND m.circuit_id = $1`,
      [presiding.length ? presiding : hearing.circuitId],
    );
    return rows.map((r) => ({ nationalId: r.national_id }));
  }

  /** National IDs of the people to notify: parties (persons), their representatives, and the filer. */
  private async recipients(tx: RequestContext, lawsuit: Lawsuit, audience: Audience): Promise<{ nationalId: string }[]> {
    const rows = await tx.manager.query<{ side: string; national_id: string }[]>(
      `SELECT p.side, p.national_id FROM lawsuit_parties p WHERE p.lawsuit_id = $1 AND p.national_id IS NOT NULL
       UNION ALL
       SELECT p.side, u.national_id FROM lawsuit_parties p JOIN users u ON u.id = p.representative_id WHERE p.lawsuit_id = $1
       UNION ALL
       SELECT 'FILER', u.national_id FROM users u WHERE u.id = $2`,
      [lawsuit.id, lawsuit.filedBy],
    );
    return rows.filter((r) => audience === 'parties' || r.side !== PartySide.DEFENDANT).map((r) => ({ nationalId: r.national_id }));
  }
}

function short(text: string, max = 80): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...options })));
  return f;
}

const DAY = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;

/** الأحد، ١٢ رمضان ١٤٤٧ هـ الموافق ١ مارس ٢٠٢٦م، الساعة ٩:٣٠ ص (بتوقيت الرياض) */
export function whenAr(at: Date, timeZone: string): string {
  const hijri = fmt('ar-SA-u-ca-islamic-umalqura', timeZone, DAY).format(at);
  const gregorian = fmt('ar-SA-u-ca-gregory', timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  const time = fmt('ar-SA', timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
  return `${hijri} الموافق ${gregorian}م، الساعة ${time} (${zoneAr(timeZone)})`;
}

/** Sunday, 1 March 2026 at 09:30 (Riyadh time) */
export function whenEn(at: Date, timeZone: string): string {
  return `${fmt('en-GB', timeZone, { ...DAY, hour: '2-digit', minute: '2-digit' }).format(at)} (${zoneEn(timeZone)})`;
}

function zoneAr(timeZone: string): string {
  return timeZone === 'Asia/Riyadh' ? 'بتوقيت الرياض' : `بتوقيت ${timeZone}`;
}

function zoneEn(timeZone: string): string {
  return timeZone === 'Asia/Riyadh' ? 'Riyadh time' : timeZone;
}

/** ٣٠ يوماً, ١٠ أيام (the counted noun is plural from three to ten). */
function daysAr(days: number): string {
  return `${new Intl.NumberFormat('ar-SA').format(days)} ${days >= 3 && days <= 10 ? 'أيام' : 'يوماً'}`;
}

function riyalsAr(amount: number): string {
  return `${new Intl.NumberFormat('ar-SA', { maximumFractionDigits: 2 }).format(amount)} ريال`;
}

function riyalsEn(amount: number): string {
  return `SAR ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)}`;
}
