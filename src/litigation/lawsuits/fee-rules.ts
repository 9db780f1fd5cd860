/**
 * The court-fee schedule (نظام التكاليف القضائية) as data: each version with the day it takes
 * effect, its marginal tiers, the cap, the reduction when a case settles after its first hearing,
 * and the exempt categories, each rule with the law it follows. Fees are computed from this table
 * alone (feeRulesOn), and the API publishes it (feeSchedule).
 *
 * Why this table and not the `fee_schedules` rows as the source: the rows cannot carry a legal
 * basis, and a number read from two places drifts. `fee_schedules` keeps the same versions in the
 * database for SQL (reports, and bills when they come), each inserted by the migration that
 * published it, with the values written out as they ran (the first by 1764000000000-lawsuits);
 * test/rules.e2e-spec.ts proves those rows equal this table. A published version is never edited:
 * a new schedule is a new entry with a later effectiveFrom plus a migration inserting the same
 * row, and the test fails until the two agree.
 */
import type { FeeRules } from './court-fees';
import type { FeeScheduleRule } from './lawsuit-rules.models';
import { inForceOn } from '../../core/rules/in-force';
import type { LegalBasis } from '../../core/rules/legal-basis';

const COSTS_LAW = 'Judicial Costs Law (Royal Decree M/16 of 30/1/1443H)';
const AS_CONFIGURED = `${COSTS_LAW} and its implementing regulations — as the ministry configures`;

/** What the law itself allows at most: every schedule stays within it. */
export const JUDICIAL_COSTS_CEILING: { rate: number; amount: number; basis: LegalBasis } = {
  rate: 0.05,
  amount: 1_000_000,
  basis: {
    ar: 'نظام التكاليف القضائية: تُفرض التكاليف القضائية على الدعوى بما لا يزيد على 5% من قيمة المطالبة، وبحد أعلى مليون ريال.',
    en: 'Judicial Costs Law: the judicial costs of a case are at most 5 % of the amount claimed, and never more than one million riyals.',
    reference: COSTS_LAW,
  },
};

export const FEE_SCHEDULES: readonly FeeScheduleRule[] = [
  {
    effectiveFrom: '2020-01-01',
    tiers: [
      { from: 0, upTo: 50_000, rate: 0.05 },
      { from: 50_000, upTo: 500_000, rate: 0.04 },
      { from: 500_000, upTo: 5_000_000, rate: 0.03 },
      { from: 5_000_000, upTo: null, rate: 0.02 },
    ],
    tiersBasis: {
      ar: 'نظام التكاليف القضائية ولائحته التنفيذية: لا تزيد التكاليف على 5% من قيمة المطالبة، وتحدد اللائحة معايير تقديرها؛ والشرائح كما تضبطها الوزارة.',
      en: 'Judicial Costs Law and its implementing regulations: costs are at most 5 % of the amount claimed and the regulations set how they are assessed; the tiers are as the ministry configures them.',
      reference: AS_CONFIGURED,
    },
    cap: {
      amount: 1_000_000,
      basis: {
        ar: 'نظام التكاليف القضائية: حدّ أعلى للتكاليف القضائية على الدعوى قدره مليون ريال.',
        en: 'Judicial Costs Law: the judicial costs of a case never exceed one million riyals.',
        reference: COSTS_LAW,
      },
    },
    settlementReduction: {
      share: 0.5,
      basis: {
        ar: 'نظام التكاليف القضائية ولائحته التنفيذية: يحث النظام على الصلح ويترك للائحة قواعد التكاليف عند انتهاء الدعوى صلحاً؛ ونسبة التخفيض بعد الجلسة الأولى كما تضبطها الوزارة.',
        en: 'Judicial Costs Law and its implementing regulations: the law favours settlement and leaves the costs of a settled case to its regulations; the reduction after the first hearing is as the ministry configures it.',
        reference: AS_CONFIGURED,
      },
    },
    exemptions: [
      {
        category: 'CRIMINAL',
        basis: {
          ar: 'نظام التكاليف القضائية، نطاق سريانه: لا يسري النظام على الدعاوى الجزائية العامة والدعاوى التأديبية والطلبات المتصلة بها.',
          en: 'Judicial Costs Law, scope of application: the law does not apply to public criminal and disciplinary cases and the requests tied to them.',
          reference: `${COSTS_LAW}, scope of application`,
        },
      },
      {
        category: 'PERSONAL_STATUS',
        basis: {
          ar: 'نظام التكاليف القضائية، نطاق سريانه: لا يسري النظام على الدعاوى والطلبات التي تختص بها محاكم الأحوال الشخصية، عدا طلبات النقض والتماس إعادة النظر.',
          en: 'Judicial Costs Law, scope of application: the law does not apply to cases and requests within the jurisdiction of the personal-status courts, save cassation and review petitions.',
          reference: `${COSTS_LAW}, scope of application`,
        },
      },
      {
        category: 'EXECUTION',
        basis: {
          ar: 'نظام التكاليف القضائية ولائحته التنفيذية: طلبات التنفيذ بلا تكاليف في المنصة، كما تضبطها الوزارة.',
          en: 'Judicial Costs Law and its implementing regulations: execution requests carry no fee on the platform, as the ministry configures.',
          reference: AS_CONFIGURED,
        },
      },
    ],
    payment: {
      dueAt: 'SUBMISSION',
      payWithinDays: 5,
      onExpiry: 'FILING_RETURNS_TO_DRAFT',
      basis: {
        ar: 'نظام التكاليف القضائية ولائحته التنفيذية: تُدفع التكاليف عند قيد الدعوى، ولا تُقيد قبل سدادها ما لم تكن معفاة؛ ومهلة السداد وأثر فواتها كما تضبطها الوزارة.',
        en: 'Judicial Costs Law and its implementing regulations: costs are paid when a case is filed, and a case is not entered before they are paid unless exempt; the time to pay and what follows its lapse are as the ministry configures them.',
        reference: AS_CONFIGURED,
      },
    },
    costs: {
      bornBy: 'LOSING_DEFENDANTS_REIMBURSE',
      billedAt: 'FINAL_JUDGMENT',
      payWithinDays: 30,
      onExpiry: 'ENFORCED_WITH_THE_JUDGMENT',
      basis: {
        ar: 'نظام التكاليف القضائية: يتحمل التكاليفَ القضائية المحكومُ عليه، فإذا حُكم للمدعي رُدّ إليه ما دفعه منها وأُلزم بها المدعى عليه؛ ومهلة السداد كما تضبطها الوزارة.',
        en: 'Judicial Costs Law: the party judged against bears the judicial costs, so when judgment is for the claimant what they paid is returned to them and the defendant is made to bear it; the time to pay is as the ministry configures it.',
        reference: AS_CONFIGURED,
      },
    },
  },
];

/** The version in force on `day` (YYYY-MM-DD): the latest that took effect on or before it; null before the first. */
export function feeScheduleOn(day: string): FeeScheduleRule | null {
  return inForceOn(FEE_SCHEDULES, day);
}

/** What courtFee computes with: the version in force on `day`. */
export function feeRulesOn(day: string): FeeRules {
  const schedule = feeScheduleOn(day);
  if (!schedule) throw new Error(`No court-fee schedule is in force on ${day}.`);
  return feeRulesOf(schedule);
}

export function feeRulesOf(schedule: FeeScheduleRule): FeeRules {
  return {
    tiers: schedule.tiers.map((t) => ({ upTo: t.upTo, rate: t.rate })),
    cap: schedule.cap.amount,
    settlementReduction: schedule.settlementReduction.share,
    exemptCategories: schedule.exemptions.map((e) => e.category),
  };
}
