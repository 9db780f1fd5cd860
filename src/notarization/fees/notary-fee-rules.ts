/**
 * The notary-fee schedule as data (docs/payments.md, "Notary fees"): each version with the day it
 * takes effect, the fee of a notarized contract by its type and of a power of attorney by how it
 * is issued, and when each falls due and what follows an unpaid bill, each rule with the law it
 * follows. The fee is computed from this
 * table alone, and the API publishes it (notaryFeeSchedule). A published version is never
 * edited: a new schedule is a new entry with a later effectiveFrom.
 */
import { inForceOn } from '../../core/rules/in-force';
import type { LegalBasis } from '../../core/rules/legal-basis';
import { ContractType } from '../contracts/contract.enums';
import { POWER_OF_ATTORNEY_LIMITS } from '../powers-of-attorney/poa-limits';
import { PoaIssuance } from '../powers-of-attorney/poa.enums';
import type { NotaryFeeScheduleRule } from './notary-fee-rules.models';

const NOTARIZATION_LAW = 'Notarization Law (Royal Decree M/164 of 19/11/1441H)';
const AS_CONFIGURED = `${NOTARIZATION_LAW} and its implementing regulations — as the ministry configures`;

const FEES_BASIS: LegalBasis = {
  ar: 'نظام التوثيق ولائحته التنفيذية: يُستوفى مقابل مالي عن أعمال التوثيق؛ ومقداره لكل نوع من العقود كما تضبطه الوزارة.',
  en: 'Notarization Law and its implementing regulations: notarial acts carry a fee; its amount for each type of contract is as the ministry configures it.',
  reference: AS_CONFIGURED,
};

export const NOTARY_FEE_SCHEDULES: readonly NotaryFeeScheduleRule[] = [
  {
    effectiveFrom: '2020-01-01',
    contracts: [
      { type: ContractType.SALE, amount: 200 },
      { type: ContractType.LEASE, amount: 100 },
      { type: ContractType.COMPANY_FORMATION, amount: 500 },
      { type: ContractType.REAL_ESTATE_TRANSFER, amount: 300 },
      { type: ContractType.GIFT, amount: 100 },
      { type: ContractType.MORTGAGE, amount: 300 },
    ],
    contractsBasis: FEES_BASIS,
    payment: {
      dueAt: 'SUBMISSION_FOR_SIGNATURE',
      payWithinDays: 7,
      onExpiry: 'CONTRACT_RETURNS_TO_DRAFT',
      basis: {
        ar: 'نظام التوثيق ولائحته التنفيذية: لا يُوثَّق العقد قبل سداد مقابل توثيقه؛ ويُصدر به فاتورة عند طرح العقد للتوقيع، ومهلة السداد وأثر فواتها كما تضبطها الوزارة.',
        en: 'Notarization Law and its implementing regulations: a contract is not notarized before its fee is paid; the fee is billed when the contract is put to signature, and the time to pay and what follows its lapse are as the ministry configures them.',
        reference: AS_CONFIGURED,
      },
    },
    powersOfAttorney: [
      { issuance: PoaIssuance.NOTARY, amount: 50 },
      { issuance: PoaIssuance.SELF, amount: 25 },
    ],
    powersOfAttorneyBasis: {
      ar: 'نظام التوثيق ولائحته التنفيذية: يُستوفى مقابل مالي عن إصدار الوكالة لدى كاتب العدل أو إلكترونياً، كما تضبطه الوزارة؛ ولا يُستوفى عن توكيل الوكيل غيره بما يملكه من الوكالة الأصلية.',
      en: 'Notarization Law and its implementing regulations: issuing a power of attorney before a notary or electronically carries a fee, as the ministry configures it; none is taken when an agent delegates under the original power of attorney.',
      reference: AS_CONFIGURED,
    },
    powerOfAttorneyPayment: {
      dueAt: 'ISSUANCE',
      payWithinHours: POWER_OF_ATTORNEY_LIMITS.confirmation.hours,
      onExpiry: 'DRAFT_LAPSES',
      basis: {
        ar: 'نظام التوثيق ولائحته التنفيذية: لا تسري الوكالة قبل سداد مقابل إصدارها؛ ومهلة السداد مهلة تأكيد المسودة، فإن فاتت سقطت.',
        en: 'Notarization Law and its implementing regulations: a power of attorney is not in force before its fee is paid; the time to pay is the draft’s confirmation window, and when it passes the draft lapses.',
        reference: AS_CONFIGURED,
      },
    },
  },
];

/** The version in force on `day` (YYYY-MM-DD): the latest that took effect on or before it; null before the first. */
export function notaryFeeScheduleOn(day: string): NotaryFeeScheduleRule | null {
  return inForceOn(NOTARY_FEE_SCHEDULES, day);
}

/** The fee, in SAR, of notarizing a contract of `type` under the schedule in force on `day` (0 when none lists it). */
export function contractFee(type: ContractType, day: string): number {
  return notaryFeeScheduleOn(day)?.contracts.find((c) => c.type === type)?.amount ?? 0;
}

/** The fee, in SAR, of issuing a power of attorney this way under the schedule in force on `day` (0 when none lists it). */
export function powerOfAttorneyFee(issuance: PoaIssuance, day: string): number {
  return notaryFeeScheduleOn(day)?.powersOfAttorney.find((p) => p.issuance === issuance)?.amount ?? 0;
}
