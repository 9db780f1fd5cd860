/**
 * The catalogue of powers (بنود الوكالة) a power of attorney may grant, grouped by domain. The
 * codes are stable API values; the texts live in the versioned `power_catalogue` table that the
 * migrations fill from the lists below (a new version adds rows, never rewrites old ones, so a
 * power of attorney keeps the wording it was issued with).
 */
import { registerEnumType } from '@nestjs/graphql';
import { PowerCode } from '../../access/power-codes';

export { AgentLawsuitAction, isLitigationPower, LAWSUIT_ACTION_POWER, PowerCode } from '../../access/power-codes';

export enum PowerDomain {
  LITIGATION = 'LITIGATION',
  REAL_ESTATE = 'REAL_ESTATE',
  VEHICLES = 'VEHICLES',
  BANKS = 'BANKS',
  COMPANIES = 'COMPANIES',
  GOVERNMENT = 'GOVERNMENT',
}
registerEnumType(PowerDomain, { name: 'PowerDomain' });

export interface CatalogueEntry {
  code: PowerCode;
  domain: PowerDomain;
  nameAr: string;
  nameEn: string;
}

/** Version 1 of the catalogue, as seeded by 1764400000000-powers-of-attorney. */
export const POWER_CATALOGUE_V1: readonly CatalogueEntry[] = [
  { code: PowerCode.LIT_FILE, domain: PowerDomain.LITIGATION, nameAr: 'إقامة الدعاوى والمطالبة', nameEn: 'File lawsuits and claims' },
  { code: PowerCode.LIT_ATTEND, domain: PowerDomain.LITIGATION, nameAr: 'حضور الجلسات', nameEn: 'Attend hearings' },
  { code: PowerCode.LIT_PLEAD, domain: PowerDomain.LITIGATION, nameAr: 'المرافعة والمدافعة', nameEn: 'Plead and defend' },
  {
    code: PowerCode.LIT_SUBMIT_MEMOS,
    domain: PowerDomain.LITIGATION,
    nameAr: 'تقديم المذكرات واستلامها',
    nameEn: 'Submit and receive memos',
  },
  {
    code: PowerCode.LIT_RECONCILE,
    domain: PowerDomain.LITIGATION,
    nameAr: 'الصلح والتنازل وترك الدعوى',
    nameEn: 'Reconcile, waive and settle',
  },
  { code: PowerCode.LIT_RECEIVE_JUDGMENT, domain: PowerDomain.LITIGATION, nameAr: 'استلام صكوك الأحكام', nameEn: 'Receive judgments' },
  {
    code: PowerCode.LIT_OBJECT_APPEAL,
    domain: PowerDomain.LITIGATION,
    nameAr: 'الاعتراض على الأحكام واستئنافها',
    nameEn: 'Object to and appeal judgments',
  },
  {
    code: PowerCode.LIT_REQUEST_EXECUTION,
    domain: PowerDomain.LITIGATION,
    nameAr: 'طلب تنفيذ الأحكام',
    nameEn: 'Request execution of judgments',
  },
  {
    code: PowerCode.LIT_RECEIVE_MONEY,
    domain: PowerDomain.LITIGATION,
    nameAr: 'استلام المبالغ المحكوم بها',
    nameEn: 'Receive money awarded',
  },
  { code: PowerCode.RE_BUY, domain: PowerDomain.REAL_ESTATE, nameAr: 'شراء العقارات', nameEn: 'Buy real estate' },
  { code: PowerCode.RE_SELL, domain: PowerDomain.REAL_ESTATE, nameAr: 'بيع العقارات', nameEn: 'Sell real estate' },
  {
    code: PowerCode.RE_MORTGAGE,
    domain: PowerDomain.REAL_ESTATE,
    nameAr: 'رهن العقارات وفك الرهن',
    nameEn: 'Mortgage real estate and release mortgages',
  },
  {
    code: PowerCode.RE_TRANSFER_DEED,
    domain: PowerDomain.REAL_ESTATE,
    nameAr: 'الإفراغ وقبول الإفراغ',
    nameEn: 'Transfer and accept transfer of title deeds',
  },
  { code: PowerCode.RE_LEASE, domain: PowerDomain.REAL_ESTATE, nameAr: 'تأجير العقارات', nameEn: 'Lease real estate' },
  {
    code: PowerCode.RE_GIFT,
    domain: PowerDomain.REAL_ESTATE,
    nameAr: 'هبة العقارات وقبول الهبة',
    nameEn: 'Gift real estate and accept gifts',
  },
  { code: PowerCode.VEH_BUY, domain: PowerDomain.VEHICLES, nameAr: 'شراء السيارات', nameEn: 'Buy vehicles' },
  { code: PowerCode.VEH_SELL, domain: PowerDomain.VEHICLES, nameAr: 'بيع السيارات', nameEn: 'Sell vehicles' },
  { code: PowerCode.VEH_TRANSFER, domain: PowerDomain.VEHICLES, nameAr: 'نقل ملكية السيارات', nameEn: 'Transfer vehicle ownership' },
  { code: PowerCode.BANK_OPEN_ACCOUNT, domain: PowerDomain.BANKS, nameAr: 'فتح الحسابات البنكية', nameEn: 'Open bank accounts' },
  { code: PowerCode.BANK_WITHDRAW, domain: PowerDomain.BANKS, nameAr: 'السحب من الحسابات', nameEn: 'Withdraw from accounts' },
  { code: PowerCode.BANK_TRANSFER, domain: PowerDomain.BANKS, nameAr: 'التحويل من الحسابات', nameEn: 'Transfer from accounts' },
  { code: PowerCode.CO_FORM, domain: PowerDomain.COMPANIES, nameAr: 'تأسيس الشركات', nameEn: 'Form companies' },
  { code: PowerCode.CO_MANAGE, domain: PowerDomain.COMPANIES, nameAr: 'إدارة الشركات', nameEn: 'Manage companies' },
  { code: PowerCode.CO_SELL_SHARES, domain: PowerDomain.COMPANIES, nameAr: 'بيع الحصص والأسهم', nameEn: 'Sell shares and stakes' },
  {
    code: PowerCode.GOV_REVIEW_AGENCIES,
    domain: PowerDomain.GOVERNMENT,
    nameAr: 'مراجعة الجهات الحكومية',
    nameEn: 'Deal with government agencies',
  },
  {
    code: PowerCode.GOV_RECEIVE_DOCUMENTS,
    domain: PowerDomain.GOVERNMENT,
    nameAr: 'استلام الوثائق والصكوك',
    nameEn: 'Receive documents and deeds',
  },
];

/** The catalogue version new powers of attorney are issued under. */
export const CURRENT_CATALOGUE_VERSION = 1;

export const LITIGATION_POWERS: readonly PowerCode[] = POWER_CATALOGUE_V1.filter((p) => p.domain === PowerDomain.LITIGATION).map(
  (p) => p.code,
);
