/**
 * Where a lawsuit stands, in plain words, for every state of its lifecycle (docs/lifecycles.md):
 * a short label, and what usually happens next. One catalogue for every page that shows a case.
 */
import type { LawsuitState } from '../gql/graphql';
import { defineMessages, useT } from './i18n';

type StateKeys = LawsuitState | `${LawsuitState}_NEXT`;

const ar = {
  DRAFT: 'مسودة لم تُقدَّم',
  DRAFT_NEXT: 'أكمل بيانات الدعوى وقدّمها إلى المحكمة.',
  AWAITING_PAYMENT: 'بانتظار سداد رسوم الدعوى',
  AWAITING_PAYMENT_NEXT: 'سدّد رسوم الدعوى لتصل إلى المحكمة.',
  SUBMITTED: 'وصلت إلى المحكمة',
  SUBMITTED_NEXT: 'تراجع المحكمة الدعوى، وستصلك رسالة عند قيدها.',
  RETURNED: 'أعيدت إليك لتصحيحها',
  RETURNED_NEXT: 'صحّح ما طلبته المحكمة ثم قدّم الدعوى مرة أخرى.',
  REJECTED: 'لم تقبلها المحكمة',
  REJECTED_NEXT: 'لا شيء مطلوب منك. سبب الرفض في صفحة الدعوى.',
  REGISTERED: 'قُيّدت في المحكمة',
  REGISTERED_NEXT: 'ستحدد المحكمة موعد الجلسة الأولى، وللمدعى عليه أن يقدّم مذكرته الجوابية.',
  IN_HEARINGS: 'تنظرها المحكمة في جلسات',
  IN_HEARINGS_NEXT: 'احضر الجلسات في مواعيدها.',
  JUDGMENT_ISSUED: 'صدر فيها حكم',
  JUDGMENT_ISSUED_NEXT: 'اعترض على الحكم أو اقتنع به قبل انتهاء المهلة.',
  OBJECTED: 'اعتُرض على حكمها',
  OBJECTED_NEXT: 'ستفصل محكمة الاستئناف في الاعتراض.',
  APPEAL_DECIDED: 'فصلت فيها محكمة الاستئناف',
  APPEAL_DECIDED_NEXT: 'قرار محكمة الاستئناف في صفحة الدعوى.',
  FINAL: 'حكمها نهائي',
  FINAL_NEXT: 'للطرف المحكوم له أن يطلب تنفيذ الحكم.',
  EXECUTION_REQUESTED: 'طُلب تنفيذ حكمها',
  EXECUTION_REQUESTED_NEXT: 'يتابع قاضي التنفيذ الطلب.',
  CLOSED: 'انتهت وأُغلقت',
  CLOSED_NEXT: 'لا شيء مطلوب منك.',
  WITHDRAWN: 'سُحبت',
  WITHDRAWN_NEXT: 'لا شيء مطلوب منك.',
  SETTLED: 'انتهت بالصلح',
  SETTLED_NEXT: 'صك الصلح في صفحة الدعوى.',
  STRUCK_OFF: 'شُطبت لغياب المدعي',
  STRUCK_OFF_NEXT: 'للمدعي أن يطلب السير فيها مرة واحدة خلال المهلة.',
} satisfies Record<StateKeys, string>;

export const lawsuitStates = defineMessages('lawsuitStates', ar, {
  DRAFT: 'Draft, not sent yet',
  DRAFT_NEXT: 'Finish the claim and send it to the court.',
  AWAITING_PAYMENT: 'Waiting for the court fee',
  AWAITING_PAYMENT_NEXT: 'Pay the court fee so that the claim reaches the court.',
  SUBMITTED: 'With the court',
  SUBMITTED_NEXT: 'The court is checking the claim. You will get a message when it is registered.',
  RETURNED: 'Sent back to you to correct',
  RETURNED_NEXT: 'Correct what the court asked for, then send the claim again.',
  REJECTED: 'Not accepted by the court',
  REJECTED_NEXT: 'Nothing for you to do. The reason is on the case page.',
  REGISTERED: 'Registered by the court',
  REGISTERED_NEXT: 'The court will set the first hearing. The defendant can send a defence.',
  IN_HEARINGS: 'Being heard by the court',
  IN_HEARINGS_NEXT: 'Attend the hearings on their dates.',
  JUDGMENT_ISSUED: 'Judgment given',
  JUDGMENT_ISSUED_NEXT: 'Object to the judgment, or accept it, before the deadline.',
  OBJECTED: 'Judgment objected to',
  OBJECTED_NEXT: 'The appeal court will decide the objection.',
  APPEAL_DECIDED: 'Decided on appeal',
  APPEAL_DECIDED_NEXT: 'The appeal court’s decision is on the case page.',
  FINAL: 'Judgment final',
  FINAL_NEXT: 'The party who won can ask for the judgment to be enforced.',
  EXECUTION_REQUESTED: 'Enforcement asked for',
  EXECUTION_REQUESTED_NEXT: 'The enforcement judge is dealing with the request.',
  CLOSED: 'Finished and closed',
  CLOSED_NEXT: 'Nothing for you to do.',
  WITHDRAWN: 'Withdrawn',
  WITHDRAWN_NEXT: 'Nothing for you to do.',
  SETTLED: 'Settled between the parties',
  SETTLED_NEXT: 'The settlement deed is on the case page.',
  STRUCK_OFF: 'Struck off: the claimant did not attend',
  STRUCK_OFF_NEXT: 'The claimant can ask once to carry on with it before the deadline.',
});

/** A lawsuit state's label and usual next step, in the portal's language. */
export function useLawsuitStates(): { label: (state: LawsuitState) => string; next: (state: LawsuitState) => string } {
  const t = useT(lawsuitStates);
  return { label: (state) => t(state), next: (state) => t(`${state}_NEXT`) };
}
