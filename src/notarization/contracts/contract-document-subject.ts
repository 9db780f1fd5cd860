/**
 * The notarized-contract document (عقد موثق): subject and instrument are the contract, read by its
 * signers, its drafter and the notaries of its office (the Contract rules of the ability factory).
 * The structured terms of each type become numbered clauses, in Arabic and in English.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { DocumentSubjects, InstrumentStatus, SubjectSnapshot } from '../../documents';
import { DocumentKind } from '../../documents';
import { ContractState } from './contract-state-machine';
import { Contract } from './contract.entity';
import { CompanyLegalForm, ContractType, LeasePaymentPeriod } from './contract.enums';
import { ContractReads } from './contract-reads.service';
import { contractShape } from './contract-transitions';

type Clause = { ar: string; en: string };

const STATE: Record<ContractState, Clause> = {
  [ContractState.DRAFT]: { ar: 'العقد مسودة لم توثق', en: 'Contract still a draft, not notarized' },
  [ContractState.AWAITING_SIGNATURES]: { ar: 'العقد بانتظار توقيع أطرافه', en: 'Contract awaiting its parties’ signatures' },
  [ContractState.NOTARIZED]: { ar: 'العقد موثق وساري', en: 'Contract notarized and in force' },
  [ContractState.CANCELLED]: { ar: 'العقد مفسوخ باتفاق أطرافه', en: 'Contract cancelled by agreement of its parties' },
  [ContractState.VOIDED]: { ar: 'العقد باطل بحكم قضائي', en: 'Contract voided by a court judgment' },
  [ContractState.DISCARDED]: { ar: 'ألغى مُعِدّه المسودة فلم يوثق', en: 'Draft discarded by its drafter, never notarized' },
  [ContractState.REFUSED]: { ar: 'رفض كاتب العدل توثيقه', en: 'Notarization refused by the notary' },
};
const PERIOD: Record<LeasePaymentPeriod, Clause> = {
  [LeasePaymentPeriod.MONTHLY]: { ar: 'شهرية', en: 'monthly' },
  [LeasePaymentPeriod.QUARTERLY]: { ar: 'ربع سنوية', en: 'quarterly' },
  [LeasePaymentPeriod.SEMI_ANNUAL]: { ar: 'نصف سنوية', en: 'semi-annual' },
  [LeasePaymentPeriod.ANNUAL]: { ar: 'سنوية', en: 'annual' },
};
const LEGAL_FORM: Record<CompanyLegalForm, Clause> = {
  [CompanyLegalForm.LIMITED_LIABILITY]: { ar: 'شركة ذات مسؤولية محدودة', en: 'limited liability company' },
  [CompanyLegalForm.GENERAL_PARTNERSHIP]: { ar: 'شركة تضامن', en: 'general partnership' },
  [CompanyLegalForm.LIMITED_PARTNERSHIP]: { ar: 'شركة توصية بسيطة', en: 'limited partnership' },
  [CompanyLegalForm.SIMPLIFIED_JOINT_STOCK]: { ar: 'شركة مساهمة مبسطة', en: 'simplified joint-stock company' },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const money = (amount: unknown, currency: unknown) =>
  `${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${String(currency)}`;

/** The stored terms of a type (checked on drafting by contract-terms.ts) as bilingual clauses. */
export function termClauses(type: ContractType, stored: Record<string, unknown>): Clause[] {
  const t = stored as Record<string, string | number | null | undefined>;
  const c: Clause[] = [];
  const add = (ar: string, en: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') c.push({ ar: `${ar}: ${value}`, en: `${en}: ${value}` });
  };
  switch (type) {
    case ContractType.SALE:
      add('محل البيع', 'Subject of the sale', t.subject);
      add('رقم الصك', 'Deed number', t.deedNumber);
      add('الثمن', 'Price', money(t.price, t.currency));
      break;
    case ContractType.LEASE:
      add('العين المؤجرة', 'Leased property', t.property);
      add('رقم الصك', 'Deed number', t.deedNumber);
      add('مدة الإيجار', 'Term', `${t.startDate ?? ''} — ${t.endDate ?? ''}`);
      add('الأجرة', 'Rent', money(t.rent, t.currency));
      if (t.paymentPeriod) {
        const p = PERIOD[t.paymentPeriod as LeasePaymentPeriod];
        c.push({ ar: `دورية السداد: ${p.ar}`, en: `Payment period: ${p.en}` });
      }
      if (t.deposit !== undefined && t.deposit !== null) add('مبلغ التأمين', 'Deposit', money(t.deposit, t.currency));
      break;
    case ContractType.COMPANY_FORMATION: {
      const form = LEGAL_FORM[t.legalForm as CompanyLegalForm];
      c.push({ ar: `اسم الشركة: ${t.companyNameAr ?? ''}`, en: `Company name: ${t.companyNameEn ?? ''}` });
      if (form) c.push({ ar: `الشكل النظامي: ${form.ar}`, en: `Legal form: ${capital(form.en)}` });
      add('رأس المال', 'Capital', money(t.capital, t.currency));
      add('غرض الشركة', 'Purpose', t.purpose);
      for (const s of (stored.shares as { nationalId: string; percent: number }[] | undefined) ?? []) {
        c.push({ ar: `حصة الشريك ${s.nationalId}: ${s.percent}٪`, en: `Share of partner ${s.nationalId}: ${s.percent}%` });
      }
      break;
    }
    case ContractType.REAL_ESTATE_TRANSFER:
      add('رقم الصك', 'Deed number', t.deedNumber);
      add('العقار', 'Property', t.property);
      add('المدينة', 'City', t.city);
      add('المساحة (م²)', 'Area (m²)', t.areaSqm);
      add('الثمن', 'Price', money(t.price, t.currency));
      break;
    case ContractType.GIFT:
      add('الموهوب', 'Subject of the gift', t.subject);
      add('رقم الصك', 'Deed number', t.deedNumber);
      if (t.estimatedValue !== undefined && t.estimatedValue !== null)
        add('القيمة التقديرية', 'Estimated value', money(t.estimatedValue, t.currency));
      break;
    case ContractType.MORTGAGE:
      add('رقم الصك', 'Deed number', t.deedNumber);
      add('العقار المرهون', 'Mortgaged property', t.property);
      add('مبلغ الدين', 'Debt', money(t.debtAmount, t.currency));
      add('تاريخ الاستحقاق', 'Maturity date', t.maturityDate);
      break;
  }
  return c;
}

@Injectable()
export class ContractDocumentSubject implements OnModuleInit {
  constructor(
    private readonly subjects: DocumentSubjects,
    private readonly contracts: ContractReads,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      kind: DocumentKind.NOTARIZED_CONTRACT,
      load: (tx, id) => this.load(tx, id),
      canRead: (ctx, id) => this.canRead(ctx, id),
      status: (ctx, d) => this.status(ctx, d.instrumentId),
    });
  }

  private async canRead(ctx: RequestContext, id: string): Promise<boolean> {
    const contract = await ctx.repo(Contract).findOneBy({ id });
    return !!contract && can(ctx, 'read', 'Contract', await contractShape(ctx, contract));
  }

  /** Only a notarized contract has a document: before that there is nothing notarized to certify. */
  private async load(tx: RequestContext, id: string): Promise<SubjectSnapshot | null> {
    const contract = await tx.repo(Contract).findOneBy({ id });
    if (!contract || !contract.notarizedAt) return null;
    const d = await this.contracts.documentDataOf(tx, contract);
    const terms = termClauses(contract.type, contract.terms);
    if (contract.freeText.trim()) terms.push({ ar: contract.freeText.trim(), en: contract.freeText.trim() });
    return {
      version: contract.version,
      instrument: { type: 'Contract', id: contract.id },
      data: {
        contractNumber: contract.number,
        type: { ar: d.typeName.ar, en: capital(d.typeName.en) },
        notarizedAt: contract.notarizedAt,
        // The template states the amount in riyals (and in Arabic words); another currency is in the terms.
        amount: contract.currency === 'SAR' ? contract.amount : null,
        notary: d.notarizedByName ? { nameAr: d.notarizedByName.ar, nameEn: d.notarizedByName.en } : { nameAr: '—', nameEn: '—' },
        office: { nameAr: d.office.nameAr, nameEn: d.office.nameEn },
        parties: d.parties.map((p) => ({
          roleAr: p.roleName.ar,
          roleEn: capital(p.roleName.en),
          nameAr: p.nameAr,
          nameEn: p.nameEn,
          identifier: p.nationalId ?? p.organizationNumber ?? '—',
        })),
        terms,
      },
    };
  }

  private async status(ctx: RequestContext, id: string): Promise<InstrumentStatus> {
    const contract = await ctx.repo(Contract).findOneByOrFail({ id });
    return {
      active: contract.state === ContractState.NOTARIZED,
      stateAr: STATE[contract.state].ar,
      stateEn: STATE[contract.state].en,
      labelAr: 'رقم العقد',
      labelEn: 'Contract No.',
      reference: contract.number,
    };
  }
}
