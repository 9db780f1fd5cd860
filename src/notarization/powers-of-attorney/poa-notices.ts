/**
 * Notices of the power-of-attorney lifecycle, bilingual, to the principals and agents concerned.
 * Each goes through the Notifier inside the change's transaction (outbox), once per cause.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { countedAr, countedEn } from '../../core/rules/counted';
import { NotificationKind, Notifier } from '../../notifications';
import { POWER_OF_ATTORNEY_LIMITS } from './poa-limits';
import type { PowerOfAttorney } from './power-of-attorney.entity';

type Texts = { titleAr: string; titleEn: string; bodyAr: string; bodyEn: string };

const CONFIRMATION_HOURS = POWER_OF_ATTORNEY_LIMITS.confirmation.hours;

const TEXTS: Record<string, (n: string, detail: string) => Texts> = {
  [NotificationKind.POA_ISSUED]: (n) => ({
    titleAr: 'صدور وكالة',
    titleEn: 'Power of attorney issued',
    bodyAr: `صدرت الوكالة رقم ${n} وهي سارية.`,
    bodyEn: `Power of attorney ${n} was issued and is in force.`,
  }),
  [NotificationKind.POA_CONFIRMATION_REQUESTED]: (n, until) => ({
    titleAr: 'طلب تأكيد وكالة',
    titleEn: 'Confirm a power of attorney',
    bodyAr: `أنت موكل في الوكالة رقم ${n}؛ أكدها قبل ${until} وإلا سقطت.`,
    bodyEn: `You are a principal of power of attorney ${n}; confirm it before ${until} or it lapses.`,
  }),
  [NotificationKind.POA_REVOKED]: (n, reason) => ({
    titleAr: 'فسخ وكالة',
    titleEn: 'Power of attorney revoked',
    bodyAr: `فُسخت الوكالة رقم ${n}. السبب: ${reason}`,
    bodyEn: `Power of attorney ${n} was revoked. Reason: ${reason}`,
  }),
  [NotificationKind.POA_PARTIALLY_REVOKED]: (n, reason) => ({
    titleAr: 'فسخ جزئي لوكالة',
    titleEn: 'Power of attorney partly revoked',
    bodyAr: `فُسخ جزء من الوكالة رقم ${n} ويبقى الباقي سارياً. السبب: ${reason}`,
    bodyEn: `Part of power of attorney ${n} was revoked; the rest stays in force. Reason: ${reason}`,
  }),
  [NotificationKind.POA_EXPIRED]: (n) => ({
    titleAr: 'انتهاء وكالة',
    titleEn: 'Power of attorney expired',
    bodyAr: `انتهت مدة الوكالة رقم ${n}.`,
    bodyEn: `Power of attorney ${n} has expired.`,
  }),
  // `why`: 'unpaid' when its fee was not paid in time; 'unconfirmed' when a principal did not confirm.
  [NotificationKind.POA_LAPSED]: (n, why) => ({
    titleAr: 'سقوط مسودة وكالة',
    titleEn: 'Power of attorney draft lapsed',
    bodyAr:
      why === 'unpaid'
        ? `سقطت مسودة الوكالة رقم ${n} لعدم سداد مقابل إصدارها خلال ${countedAr(CONFIRMATION_HOURS, 'hour')}.`
        : `سقطت مسودة الوكالة رقم ${n} لعدم تأكيد جميع الموكلين خلال ${countedAr(CONFIRMATION_HOURS, 'hour')}.`,
    bodyEn:
      why === 'unpaid'
        ? `The draft power of attorney ${n} lapsed: its fee was not paid within ${countedEn(CONFIRMATION_HOURS, 'hour')}.`
        : `The draft power of attorney ${n} lapsed: not every principal confirmed it within ${countedEn(CONFIRMATION_HOURS, 'hour')}.`,
  }),
  [NotificationKind.POA_AGENT_WITHDREW]: (n, who) => ({
    titleAr: 'تنحي وكيل',
    titleEn: 'An agent stepped down',
    bodyAr: `تنحى الوكيل ${who} عن الوكالة رقم ${n}.`,
    bodyEn: `Agent ${who} stepped down from power of attorney ${n}.`,
  }),
  [NotificationKind.POA_DELEGATED]: (n, parent) => ({
    titleAr: 'توكيل الغير',
    titleEn: 'Power of attorney delegated',
    bodyAr: `صدرت الوكالة رقم ${n} بالتوكيل من الوكالة رقم ${parent}.`,
    bodyEn: `Power of attorney ${n} was delegated under power of attorney ${parent}.`,
  }),
};

@Injectable()
export class PoaNotices {
  constructor(private readonly notifier: Notifier) {}

  /** `cause` makes the notice unique per recipient (an event id, a date…). */
  async send(
    tx: RequestContext,
    kind: NotificationKind,
    poa: PowerOfAttorney,
    recipients: string[],
    cause: string,
    detail = '',
  ): Promise<void> {
    const texts = TEXTS[kind](poa.number, detail);
    await this.notifier.notify(tx, {
      kind,
      recipients: recipients.map((nationalId) => ({ nationalId })),
      data: { powerOfAttorneyId: poa.id, number: poa.number },
      dedupeKey: `${kind}:${poa.id}:${cause}`,
      ...texts,
    });
  }
}
