/**
 * The rules of each contract type, as data: which party roles it has (and how many of each), and
 * which power of attorney an agent needs to sign for a principal in each role.
 */
import { PowerCode as P } from '../powers-of-attorney/powers';
import { ContractPartyRole as R, ContractType as T } from './contract.enums';

/** The roles of a type, with the least number of parties each must have. */
export const ROLES_BY_TYPE: Record<T, Partial<Record<R, number>>> = {
  [T.SALE]: { [R.SELLER]: 1, [R.BUYER]: 1 },
  [T.LEASE]: { [R.LESSOR]: 1, [R.LESSEE]: 1 },
  [T.COMPANY_FORMATION]: { [R.PARTNER]: 2 },
  [T.REAL_ESTATE_TRANSFER]: { [R.TRANSFEROR]: 1, [R.TRANSFEREE]: 1 },
  [T.GIFT]: { [R.DONOR]: 1, [R.DONEE]: 1 },
  [T.MORTGAGE]: { [R.MORTGAGOR]: 1, [R.MORTGAGEE]: 1 },
};

/** The power of the catalogue an agent needs to sign for a principal of this type and role. */
export const AGENCY_POWER: Record<T, Partial<Record<R, P>>> = {
  [T.SALE]: { [R.SELLER]: P.RE_SELL, [R.BUYER]: P.RE_BUY },
  [T.REAL_ESTATE_TRANSFER]: { [R.TRANSFEROR]: P.RE_TRANSFER_DEED, [R.TRANSFEREE]: P.RE_TRANSFER_DEED },
  [T.MORTGAGE]: { [R.MORTGAGOR]: P.RE_MORTGAGE, [R.MORTGAGEE]: P.RE_MORTGAGE },
  [T.LEASE]: { [R.LESSOR]: P.RE_LEASE, [R.LESSEE]: P.RE_LEASE },
  [T.GIFT]: { [R.DONOR]: P.RE_GIFT, [R.DONEE]: P.RE_GIFT },
  [T.COMPANY_FORMATION]: { [R.PARTNER]: P.CO_FORM },
};

export function agencyPowerFor(type: T, role: R): P {
  const power = AGENCY_POWER[type][role];
  if (!power) throw new Error(`No agency power for ${role} of a ${type} contract`);
  return power;
}

/** Bilingual names of the types and roles, for notices and documents. */
export const TYPE_NAMES: Record<T, { ar: string; en: string }> = {
  [T.SALE]: { ar: 'عقد بيع', en: 'sale contract' },
  [T.LEASE]: { ar: 'عقد إيجار', en: 'lease contract' },
  [T.COMPANY_FORMATION]: { ar: 'عقد تأسيس شركة', en: 'company formation contract' },
  [T.REAL_ESTATE_TRANSFER]: { ar: 'إفراغ عقاري', en: 'real-estate title transfer' },
  [T.GIFT]: { ar: 'عقد هبة', en: 'gift contract' },
  [T.MORTGAGE]: { ar: 'عقد رهن', en: 'mortgage contract' },
};

export const ROLE_NAMES: Record<R, { ar: string; en: string }> = {
  [R.SELLER]: { ar: 'البائع', en: 'seller' },
  [R.BUYER]: { ar: 'المشتري', en: 'buyer' },
  [R.LESSOR]: { ar: 'المؤجر', en: 'lessor' },
  [R.LESSEE]: { ar: 'المستأجر', en: 'lessee' },
  [R.PARTNER]: { ar: 'الشريك', en: 'partner' },
  [R.TRANSFEROR]: { ar: 'المُفرِغ', en: 'transferor' },
  [R.TRANSFEREE]: { ar: 'المُفرَغ له', en: 'transferee' },
  [R.DONOR]: { ar: 'الواهب', en: 'donor' },
  [R.DONEE]: { ar: 'الموهوب له', en: 'donee' },
  [R.MORTGAGOR]: { ar: 'الراهن', en: 'mortgagor' },
  [R.MORTGAGEE]: { ar: 'المرتهن', en: 'mortgagee' },
};
