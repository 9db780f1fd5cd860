/**
 * The notary-fee schedule as data (docs/payments.md, "Notary fees"): each version with the day it
 * takes effect, the fee of a notarized contract by its type, and when that fee falls due and
 * what follows an unpaid bill, each rule with the law it follows. The fee is computed from this
 * table alone, and the API publishes it (notaryFeeSchedule). A published version is never
 * edited: a new schedule is a new entry with a later effectiveFrom.
 */
import type { LegalBasis } from '../../core/rules/legal-basis';
import { ContractType } from '../contracts/contract.enums';
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
  },
];

/** The version in force on `day` (YYYY-MM-DD): the latest that took effect on or before it; null before the first. */
export function notaryFeeScheduleOn(day: string): NotaryFeeScheduleRule | null {
  let found: NotaryFeeScheduleRule | null = null;
  for (const schedule of NOTARY_FEE_SCHEDULES) if (schedule.effectiveFrom <= day) found = schedule;
  return found;
}

/** The fee, in SAR, of notarizing a contract of `type` under the schedule in force on `day` (0 when none lists it). */
export function contractFee(type: ContractType, day: string): number {
  return notaryFeeScheduleOn(day)?.contracts.find((c) => c.type === type)?.amount ?? 0;
}
