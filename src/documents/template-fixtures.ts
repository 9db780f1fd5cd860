/**
 * Template data of every kind, as the subject providers produce it (lawsuit-document-subjects.ts,
 * notarization/poa-document-subject.ts, notarization/contracts/contract-document-subject.ts): for
 * the template tests and the benchmark. A power of attorney not issued before a notary has
 * `notary: null` and `office: null`.
 */
import { DocumentKind } from './document.enums';

const court = { nameAr: 'المحكمة العامة بالرياض', nameEn: 'Riyadh General Court' };
const circuit = { nameAr: 'الدائرة المدنية الأولى', nameEn: 'First Civil Circuit' };
const parties = [
  {
    sideAr: 'المدعي',
    sideEn: 'Claimant',
    nameAr: 'عبدالله محمد القحطاني',
    nameEn: 'Abdullah Mohammed Al-Qahtani',
    identifier: '1010101010',
  },
  { sideAr: 'المدعى عليه', sideEn: 'Defendant', nameAr: 'سارة خالد العتيبي', nameEn: 'Sarah Khalid Al-Otaibi', identifier: '1020304059' },
];
const notary = { nameAr: 'خالد يوسف المطيري', nameEn: 'Khalid Yousef Al-Mutairi' };
const office = { nameAr: 'كتابة العدل الأولى بالرياض', nameEn: 'First Notary Office of Riyadh' };

export const TEMPLATE_FIXTURES: Record<DocumentKind, Record<string, unknown>> = {
  [DocumentKind.LAWSUIT_RECEIPT]: {
    caseNumber: '1448-RYD-GEN-000123',
    court,
    circuit,
    category: { ar: 'مدنية', en: 'Civil' },
    subject: 'مطالبة مالية بقيمة عقد توريد',
    submittedAt: '2026-11-20T08:00:00.000Z',
    registeredAt: '2026-11-23T09:30:00.000Z',
    claimedAmount: 150000,
    feeAmount: 7500,
    feeExempt: false,
    parties,
    claims: [
      { position: 1, description: 'إلزام المدعى عليه بسداد قيمة العقد', amount: 150000 },
      { position: 2, description: 'إلزامه بأتعاب المحاماة', amount: null },
    ],
  },
  [DocumentKind.HEARING_SUMMONS]: {
    caseNumber: '1448-RYD-GEN-000123',
    court,
    circuit,
    subject: 'مطالبة مالية بقيمة عقد توريد',
    hearing: {
      startsAt: '2026-12-01T06:00:00.000Z',
      endsAt: '2026-12-01T06:30:00.000Z',
      modeAr: 'حضوري',
      modeEn: 'In person',
      room: 'قاعة 4',
      previousStartsAt: '2026-11-24T06:00:00.000Z',
      postponementReason: 'غياب المدعى عليه',
    },
    parties,
  },
  [DocumentKind.HEARING_MINUTES]: {
    caseNumber: '1448-RYD-GEN-000123',
    court,
    circuit,
    hearing: { startsAt: '2026-12-01T06:00:00.000Z', heldAt: '2026-12-01T06:40:00.000Z', minutes: 'حضر الطرفان وقدم المدعي مستنداته.' },
    judge: { nameAr: 'سليمان إبراهيم الشهري', nameEn: 'Sulaiman Ibrahim Al-Shehri' },
    parties,
  },
  [DocumentKind.JUDGMENT]: {
    caseNumber: '1448-RYD-GEN-000123',
    court,
    circuit,
    judge: { nameAr: 'سليمان إبراهيم الشهري', nameEn: 'Sulaiman Ibrahim Al-Shehri' },
    subject: 'مطالبة مالية بقيمة عقد توريد',
    issuedAt: '2026-12-01T08:00:00.000Z',
    ruling: 'ألزمت المحكمة المدعى عليه بأن يدفع للمدعي المبلغ المحكوم به.',
    summary: 'ادعى المدعي أن المدعى عليه لم يسدد قيمة التوريد.',
    reasoning: 'ثبت للمحكمة صحة العقد وتمام التوريد.',
    amountAwarded: 150000,
    inFavourOf: { ar: 'المدعي', en: 'Claimant' },
    objectionDeadline: '2026-12-31T08:00:00.000Z',
    urgent: false,
    parties,
  },
  [DocumentKind.EXECUTION_ORDER]: {
    caseNumber: '1448-RYD-GEN-000123',
    court,
    circuit,
    judgment: {
      issuedAt: '2026-12-01T08:00:00.000Z',
      finalAt: '2027-01-01T08:00:00.000Z',
      ruling: 'ألزمت المحكمة المدعى عليه بأن يدفع للمدعي المبلغ المحكوم به.',
      amountAwarded: 150000,
    },
    applicant: { nameAr: parties[0].nameAr, nameEn: parties[0].nameEn, sideAr: 'المدعي', sideEn: 'Claimant', identifier: '1010101010' },
    requestedAt: '2027-01-05T08:00:00.000Z',
    parties,
  },
  [DocumentKind.POWER_OF_ATTORNEY]: {
    poaNumber: 'POA-1448-000042',
    type: { ar: 'وكالة خاصة', en: 'Special power of attorney' },
    issuedAt: '2026-11-23T09:00:00.000Z',
    validFrom: '2026-11-23T09:00:00.000Z',
    validUntil: '2027-11-23T09:00:00.000Z',
    notary,
    office,
    principals: [{ nameAr: parties[0].nameAr, nameEn: parties[0].nameEn, identifier: '1010101010' }],
    agents: [{ nameAr: 'فهد عبدالعزيز الدوسري', nameEn: 'Fahd Abdulaziz Al-Dosari', identifier: '1030507097' }],
    powers: [
      { ar: 'المرافعة والمدافعة أمام المحاكم', en: 'Pleading and defending before the courts' },
      { ar: 'استلام صك الحكم', en: 'Receiving the judgment deed' },
    ],
  },
  [DocumentKind.NOTARIZED_CONTRACT]: {
    contractNumber: 'CTR-1448-000007',
    type: { ar: 'عقد بيع', en: 'Sale contract' },
    notarizedAt: '2026-11-23T10:00:00.000Z',
    amount: 1250000,
    notary,
    office,
    parties: [
      { roleAr: 'البائع', roleEn: 'Seller', nameAr: parties[0].nameAr, nameEn: parties[0].nameEn, identifier: '1010101010' },
      { roleAr: 'المشتري', roleEn: 'Buyer', nameAr: parties[1].nameAr, nameEn: parties[1].nameEn, identifier: '1020304059' },
    ],
    terms: [
      { ar: 'يلتزم البائع بتسليم العقار خالياً من الشواغل', en: 'The seller delivers the property vacant' },
      { ar: 'يدفع المشتري الثمن كاملاً عند التوقيع', en: 'The buyer pays the full price on signing' },
    ],
  },
  [DocumentKind.PAYMENT_RECEIPT]: {
    billNumber: '2026000000123',
    description: { ar: 'رسوم قيد الدعوى 8f3a2c1d', en: 'Court fee of the filing 8f3a2c1d' },
    payer: { nameAr: parties[0].nameAr, nameEn: parties[0].nameEn, identifier: '1010101010' },
    amount: 3700,
    paidAt: '2026-11-20T08:05:00.000Z',
    paymentReference: 'pay_4f1c9a0e',
  },
  [DocumentKind.REFUND_RECEIPT]: {
    billNumber: '2026000000123',
    description: { ar: 'رسوم قيد الدعوى 8f3a2c1d', en: 'Court fee of the filing 8f3a2c1d' },
    payer: { nameAr: parties[0].nameAr, nameEn: parties[0].nameEn, identifier: '1010101010' },
    amount: 3700,
    refundedAmount: 1850,
    refundedAt: '2026-12-01T10:00:00.000Z',
    reason: { ar: 'صلح بعد الجلسة الأولى', en: 'Settled after the first hearing' },
    refundReference: 'rf_77d0be12',
  },
  [DocumentKind.SETTLEMENT]: {
    caseNumber: '1448-RYD-GEN-000123',
    court,
    circuit,
    subject: 'مطالبة مالية بقيمة عقد توريد',
    parties,
    terms: 'يلتزم المدعى عليه بأن يدفع للمدعي مبلغ تسعين ألف ريال على ثلاثة أقساط، ويتنازل المدعي عما زاد على ذلك من طلبات.',
    amount: 90000,
    instalments: [
      { position: 1, dueOn: '2027-01-10', amount: 30000 },
      { position: 2, dueOn: '2027-02-10', amount: 30000 },
      { position: 3, dueOn: '2027-03-10', amount: 30000 },
    ],
    approvedAt: '2026-12-01T10:00:00.000Z',
    judge: { nameAr: 'سليمان إبراهيم الشهري', nameEn: 'Sulaiman Ibrahim Al-Shehri' },
  },
};
