/**
 * What each transition of a lawsuit tells the people concerned, as data: one bilingual notice per
 * event of the state machine (Arabic first, then English, with the case number), and who hears
 * of it (the filing side before registration, every party after).
 */
import type { Circuit, Court } from '../../organizations';
import { NotificationKind } from '../../notifications';
import { AppealDecision } from '../judgments/judgment.enums';
import { countedAr, countedEn } from '../../core/rules/counted';
import { daysAr, riyalsAr, riyalsEn } from '../notice-formats';
import { STRUCK_OFF_RESUMPTION } from './struck-off-rules';
import type { LawsuitEvent } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';
import { PartySide } from './lawsuit.enums';

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
  /** transfer: the number the case had before (the facts' court and circuit are the new ones). */
  transfer?: { previousCaseNumber: string; reason: string };
}

/** Who hears of a transition: the filing side (claimants, their representatives, the filer), or every party too. */
export type Audience = 'filing' | 'parties';

export interface NoticeText {
  titleAr: string;
  titleEn: string;
  bodyAr: string;
  bodyEn: string;
  data?: Record<string, unknown>;
}

export interface CaseFacts {
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

export interface Template {
  kind: NotificationKind;
  audience: Audience | ((before: Lawsuit) => Audience);
  text: (f: CaseFacts) => NoticeText;
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

/** The filing received: on submission, or once its fee is paid. */
const SUBMITTED: Template = {
  kind: NotificationKind.LAWSUIT_SUBMITTED,
  audience: 'filing',
  text: (f) => ({
    titleAr: 'استلام صحيفة الدعوى',
    titleEn: 'Lawsuit filing received',
    bodyAr: `استلمت ${f.court.nameAr} ${f.refAr}، وهي قيد المراجعة لدى أمانة المحكمة.`,
    bodyEn: `${f.court.nameEn} received ${f.refEn}; the court clerk is reviewing it.`,
  }),
};

/** One template per event of the lawsuit state machine (the compiler checks that none is missing). */
export const LAWSUIT_NOTICES: Partial<Record<LawsuitEvent, Template | null>> = {
  submit: SUBMITTED,
  feePaid: SUBMITTED,
  waiveFee: SUBMITTED,
  // A filing waiting for its fee: the bill's own notice speaks (payments); once paid, as a submission.
  awaitFee: null,
  feeLapsed: null,
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
      bodyAr: `أقرّ من صدر الحكم لصالحه بتمام تنفيذ الحكم في الدعوى رقم ${f.no}، وأُغلقت الدعوى.`,
      bodyEn: `The party the judgment favours acknowledged the judgment in lawsuit ${f.no} fulfilled; the case is closed.`,
    }),
  },
  transfer: {
    kind: NotificationKind.LAWSUIT_TRANSFERRED,
    audience: 'parties',
    text: (f) => {
      const t = f.details.transfer!;
      const renumbered = t.previousCaseNumber !== f.no;
      return {
        titleAr: `إحالة الدعوى رقم ${t.previousCaseNumber}`,
        titleEn: `Lawsuit ${t.previousCaseNumber} transferred`,
        bodyAr:
          `أُحيلت الدعوى رقم ${t.previousCaseNumber} إلى ${f.circuit?.nameAr ?? 'الدائرة'} في ${f.court.nameAr}` +
          (renumbered ? `، ورقمها فيها ${f.no}` : '') +
          `، وأُلغيت جلساتها المحددة وستُحدد لها جلسة هناك. السبب: ${t.reason}.`,
        bodyEn:
          `Lawsuit ${t.previousCaseNumber} was transferred to ${f.circuit?.nameEn ?? 'the circuit'} of ${f.court.nameEn}` +
          (renumbered ? `, where its number is ${f.no}` : '') +
          `; its scheduled hearings were cancelled and it will be given a hearing there. Reason: ${t.reason}.`,
        data: { previousCaseNumber: t.previousCaseNumber },
      };
    },
  },
  lapse: {
    kind: NotificationKind.LAWSUIT_CLOSED,
    audience: 'parties',
    text: (f) => ({
      titleAr: `إغلاق الدعوى رقم ${f.no}`,
      titleEn: `Lawsuit ${f.no} closed`,
      bodyAr: `مضت ${countedAr(STRUCK_OFF_RESUMPTION.days, 'day')} على شطب الدعوى رقم ${f.no} دون طلب السير فيها، فعُدّت كأن لم تكن وأُغلقت.`,
      bodyEn: `Lawsuit ${f.no} was struck off ${countedEn(STRUCK_OFF_RESUMPTION.days, 'day')} ago and no one asked to resume it; it is deemed never filed, and is closed.`,
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

/** A filing's subject, shortened for a notice's reference to it. */
export function short(text: string, max = 80): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
