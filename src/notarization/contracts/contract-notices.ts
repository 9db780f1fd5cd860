/**
 * What each transition of a contract tells its parties (and its drafter): one table of bilingual
 * notices, Arabic first. Written through Notifier inside the transition's transaction, so a
 * refused or rolled-back act notifies no one; the dedupe key names the contract's version before
 * the act, so one act gives one notice.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { NotificationKind } from '../../notifications';
import { Notifier } from '../../notifications';
import { UserLookups } from '../../identity';
import { type NotaryOffice, OrganizationLookups } from '../../organizations';
import { ROLE_NAMES, TYPE_NAMES } from './contract-rules';
import type { ContractEvent } from './contract-state-machine';
import { ContractParty } from './contract-party.entity';
import type { Contract } from './contract.entity';

/** What an act knows beyond the contract row. */
export interface ContractNoticeDetails {
  /** sign, agreeCancellation: the parties who acted, whether through an agent, and how many are still to act. */
  acted?: { parties: ContractParty[]; byAgent: boolean; remaining: number };
  /** notarize */
  verificationCode?: string;
  /** amend, feeLapsed: signatures that no longer count. */
  invalidated?: number;
  /** void, refuse */
  reason?: string;
}

interface Facts {
  contract: Contract;
  office: NotaryOffice;
  details: ContractNoticeDetails;
  typeAr: string;
  typeEn: string;
}

interface Text {
  titleAr: string;
  titleEn: string;
  bodyAr: string;
  bodyEn: string;
}

const who = (d: ContractNoticeDetails, lang: 'ar' | 'en') =>
  (d.acted?.parties ?? [])
    .map((p) => `${lang === 'ar' ? p.nameAr : p.nameEn} (${ROLE_NAMES[p.role][lang]})`)
    .join(lang === 'ar' ? '، ' : ', ');

const TEMPLATES: Record<ContractEvent, { kind: NotificationKind; text: (f: Facts) => Text } | null> = {
  amend: {
    kind: NotificationKind.CONTRACT_AMENDED,
    text: (f) => ({
      titleAr: `تعديل ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Contract ${f.contract.number} amended`,
      bodyAr: `عُدّلت شروط ${f.typeAr} رقم ${f.contract.number} وعاد مسودة؛ التوقيعات السابقة (${f.details.invalidated ?? 0}) لم تعد معتبرة، وسيُطلب توقيعكم من جديد.`,
      bodyEn: `The terms of ${f.typeEn} ${f.contract.number} were amended and it is a draft again; the ${f.details.invalidated ?? 0} signature(s) given no longer count, and you will be asked to sign again.`,
    }),
  },
  submit: {
    kind: NotificationKind.CONTRACT_AWAITING_SIGNATURES,
    text: (f) => ({
      titleAr: `${f.typeAr} رقم ${f.contract.number} بانتظار توقيعكم`,
      titleEn: `Contract ${f.contract.number} awaits your signature`,
      bodyAr: `أُعدّ ${f.typeAr} رقم ${f.contract.number} لدى ${f.office.nameAr}. راجعه ووقّعه برمز التحقق لمرة واحدة.`,
      bodyEn: `The ${f.typeEn} ${f.contract.number} was prepared at ${f.office.nameEn}. Review it and sign it with a one-time code.`,
    }),
  },
  feeLapsed: {
    kind: NotificationKind.CONTRACT_RETURNED_TO_DRAFT,
    text: (f) => ({
      titleAr: `عودة ${f.typeAr} رقم ${f.contract.number} إلى المسودة`,
      titleEn: `Contract ${f.contract.number} back to draft`,
      bodyAr: `لم يُسدَّد مقابل توثيق ${f.typeAr} رقم ${f.contract.number} في موعده، فعاد مسودة؛ التوقيعات السابقة (${f.details.invalidated ?? 0}) لم تعد معتبرة، ويُطرح للتوقيع من جديد بفاتورة جديدة.`,
      bodyEn: `The notary fee of ${f.typeEn} ${f.contract.number} was not paid by its due date, so it is a draft again; the ${f.details.invalidated ?? 0} signature(s) given no longer count, and putting it to signature again issues a new bill.`,
    }),
  },
  sign: {
    kind: NotificationKind.CONTRACT_SIGNED,
    text: (f) => {
      const a = f.details.acted!;
      return {
        titleAr: `توقيع على ${f.typeAr} رقم ${f.contract.number}`,
        titleEn: `Signature on contract ${f.contract.number}`,
        bodyAr:
          `وقّع ${who(f.details, 'ar')}${a.byAgent ? ' بواسطة وكيل' : ''} على ${f.typeAr} رقم ${f.contract.number}. ` +
          (a.remaining ? `بقي ${a.remaining} من الأطراف.` : `اكتملت التوقيعات، والعقد جاهز للتوثيق لدى ${f.office.nameAr}.`),
        bodyEn:
          `${who(f.details, 'en')}${a.byAgent ? ', through an agent,' : ''} signed ${f.typeEn} ${f.contract.number}. ` +
          (a.remaining
            ? `${a.remaining} party(ies) still to sign.`
            : `Every party has signed; it is ready for notarization at ${f.office.nameEn}.`),
      };
    },
  },
  notarize: {
    kind: NotificationKind.CONTRACT_NOTARIZED,
    text: (f) => ({
      titleAr: `توثيق ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Contract ${f.contract.number} notarized`,
      bodyAr: `وثّقت ${f.office.nameAr} ${f.typeAr} رقم ${f.contract.number}. رمز التحقق: ${f.details.verificationCode}.`,
      bodyEn: `${f.office.nameEn} notarized ${f.typeEn} ${f.contract.number}. Verification code: ${f.details.verificationCode}.`,
    }),
  },
  agreeCancellation: {
    kind: NotificationKind.CONTRACT_CANCELLATION_REQUESTED,
    text: (f) => ({
      titleAr: `طلب إقالة ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Cancellation of contract ${f.contract.number} requested`,
      bodyAr: `وافق ${who(f.details, 'ar')} على فسخ ${f.typeAr} رقم ${f.contract.number} بالتراضي. يُفسخ العقد إذا وافق بقية الأطراف (${f.details.acted!.remaining}).`,
      bodyEn: `${who(f.details, 'en')} agreed to cancel ${f.typeEn} ${f.contract.number} by mutual consent. It is cancelled once the other ${f.details.acted!.remaining} party(ies) agree.`,
    }),
  },
  cancel: {
    kind: NotificationKind.CONTRACT_CANCELLED,
    text: (f) => ({
      titleAr: `فسخ ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Contract ${f.contract.number} cancelled`,
      bodyAr: `فُسخ ${f.typeAr} رقم ${f.contract.number} باتفاق جميع أطرافه.`,
      bodyEn: `The ${f.typeEn} ${f.contract.number} was cancelled by agreement of all its parties.`,
    }),
  },
  void: {
    kind: NotificationKind.CONTRACT_VOIDED,
    text: (f) => ({
      titleAr: `إبطال ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Contract ${f.contract.number} voided`,
      bodyAr: `أُبطل ${f.typeAr} رقم ${f.contract.number} بحكم قضائي نهائي. السبب: ${f.details.reason}.`,
      bodyEn: `The ${f.typeEn} ${f.contract.number} was voided by a final judgment. Reason: ${f.details.reason}.`,
    }),
  },
  discard: {
    kind: NotificationKind.CONTRACT_DISCARDED,
    text: (f) => ({
      titleAr: `إلغاء مسودة ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Contract draft ${f.contract.number} discarded`,
      bodyAr: `ألغى مُعِدّ ${f.typeAr} رقم ${f.contract.number} مسودته لدى ${f.office.nameAr}، فلن يُطلب توقيعكم عليه.`,
      bodyEn: `The drafter of ${f.typeEn} ${f.contract.number} at ${f.office.nameEn} discarded the draft; you will not be asked to sign it.`,
    }),
  },
  refuse: {
    kind: NotificationKind.CONTRACT_REFUSED,
    text: (f) => ({
      titleAr: `رفض توثيق ${f.typeAr} رقم ${f.contract.number}`,
      titleEn: `Notarization of contract ${f.contract.number} refused`,
      bodyAr: `رفض كاتب العدل لدى ${f.office.nameAr} توثيق ${f.typeAr} رقم ${f.contract.number}، ولم تعد التوقيعات عليه معتبرة. السبب: ${f.details.reason}.`,
      bodyEn: `The notary at ${f.office.nameEn} refused to notarize ${f.typeEn} ${f.contract.number}; the signatures on it no longer count. Reason: ${f.details.reason}.`,
    }),
  },
};

@Injectable()
export class ContractNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
  ) {}

  /** Notifies the signers of every party and the drafter of one act on the contract (`before`: the row before it). */
  async contractMoved(tx: RequestContext, before: Contract, after: Contract, event: ContractEvent, details: ContractNoticeDetails = {}) {
    const template = TEMPLATES[event];
    if (!template) return;
    const office = await this.organizations.notaryOfficeOf(tx, after.notaryOfficeId);
    const type = TYPE_NAMES[after.type];
    const text = template.text({ contract: after, office, details, typeAr: type.ar, typeEn: type.en });
    const signers = await tx.manager.query<{ national_id: string }[]>(
      `SELECT DISTINCT coalesce(p.national_id, p.signatory_national_id) AS national_id FROM contract_parties p WHERE p.contract_id = $1`,
      [after.id],
    );
    const drafter = (await this.people.nationalIdsOf(tx, [after.draftedBy])).get(after.draftedBy);
    const recipients = [...new Set([...signers.map((s) => s.national_id), ...(drafter ? [drafter] : [])])];
    await this.notifier.notify(tx, {
      kind: template.kind,
      recipients: recipients.map((nationalId) => ({ nationalId })),
      data: { contractId: after.id, contractNumber: after.number, state: after.state },
      ...text,
      dedupeKey: `contract:${event}:${after.id}:${before.version}`,
    });
  }
}
