import { registerEnumType } from '@nestjs/graphql';

/** What a document is; each kind has one template (templates/kinds/<kind>.hbs) and one subject provider. */
export enum DocumentKind {
  LAWSUIT_RECEIPT = 'LAWSUIT_RECEIPT',
  HEARING_SUMMONS = 'HEARING_SUMMONS',
  HEARING_MINUTES = 'HEARING_MINUTES',
  JUDGMENT = 'JUDGMENT',
  EXECUTION_ORDER = 'EXECUTION_ORDER',
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY',
  NOTARIZED_CONTRACT = 'NOTARIZED_CONTRACT',
  PAYMENT_RECEIPT = 'PAYMENT_RECEIPT',
  REFUND_RECEIPT = 'REFUND_RECEIPT',
  SETTLEMENT = 'SETTLEMENT',
}
registerEnumType(DocumentKind, { name: 'DocumentKind' });

export enum DocumentLanguage {
  AR = 'AR',
  EN = 'EN',
}
registerEnumType(DocumentLanguage, { name: 'DocumentLanguage' });

export enum DocumentState {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(DocumentState, { name: 'DocumentState' });

/** The template file of a kind (kebab-case). */
export const TEMPLATE_OF: Record<DocumentKind, string> = {
  [DocumentKind.LAWSUIT_RECEIPT]: 'lawsuit-receipt',
  [DocumentKind.HEARING_SUMMONS]: 'hearing-summons',
  [DocumentKind.HEARING_MINUTES]: 'hearing-minutes',
  [DocumentKind.JUDGMENT]: 'judgment',
  [DocumentKind.EXECUTION_ORDER]: 'execution-order',
  [DocumentKind.POWER_OF_ATTORNEY]: 'power-of-attorney',
  [DocumentKind.NOTARIZED_CONTRACT]: 'notarized-contract',
  [DocumentKind.PAYMENT_RECEIPT]: 'payment-receipt',
  [DocumentKind.REFUND_RECEIPT]: 'refund-receipt',
  [DocumentKind.SETTLEMENT]: 'settlement',
};

export const KIND_TITLE: Record<DocumentKind, { ar: string; en: string }> = {
  [DocumentKind.LAWSUIT_RECEIPT]: { ar: 'إيصال قيد دعوى', en: 'Lawsuit Filing Receipt' },
  [DocumentKind.HEARING_SUMMONS]: { ar: 'تبليغ بموعد جلسة', en: 'Hearing Summons' },
  [DocumentKind.HEARING_MINUTES]: { ar: 'محضر جلسة', en: 'Hearing Minutes' },
  [DocumentKind.JUDGMENT]: { ar: 'صك حكم', en: 'Judgment' },
  [DocumentKind.EXECUTION_ORDER]: { ar: 'أمر تنفيذ', en: 'Execution Order' },
  [DocumentKind.POWER_OF_ATTORNEY]: { ar: 'وكالة', en: 'Power of Attorney' },
  [DocumentKind.NOTARIZED_CONTRACT]: { ar: 'عقد موثق', en: 'Notarized Contract' },
  [DocumentKind.PAYMENT_RECEIPT]: { ar: 'إيصال سداد', en: 'Payment Receipt' },
  [DocumentKind.REFUND_RECEIPT]: { ar: 'إيصال استرداد', en: 'Refund Receipt' },
  [DocumentKind.SETTLEMENT]: { ar: 'صك صلح', en: 'Settlement Deed' },
};
