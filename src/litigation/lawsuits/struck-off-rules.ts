/**
 * Striking off (شطب) as data: how long the claimant has to ask, once, to resume a case struck off
 * for their absence, with the article it follows. The resumption check, the notice of striking off
 * and the API (struckOffResumption) read it from here.
 */
import type { StruckOffResumptionRule } from './lawsuit-rules.models';

export const STRUCK_OFF_RESUMPTION: StruckOffResumptionRule = {
  days: 60,
  basis: {
    ar: 'نظام المرافعات الشرعية، المادة الخامسة والخمسون: إذا لم يحضر المدعي أي جلسة ولم يتقدم بعذر تقبله المحكمة فلها شطب الدعوى، فإذا انقضت ستون يوماً ولم يطلب المدعي السير فيها، أو لم يحضر بعد السير فيها، عُدّت كأن لم تكن.',
    en: 'Law of Procedure before Sharia Courts, Article 55: when the claimant misses a hearing without an excuse the court accepts, it may strike the case off; if sixty days pass without the claimant asking to resume it, or the claimant is absent again after resuming, the case is deemed never filed.',
    reference: 'Law of Procedure before Sharia Courts (Royal Decree M/1 of 22/1/1435H), Article 55 as amended',
  },
};
