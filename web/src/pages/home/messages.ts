import { defineMessages } from '../../i18n/i18n';

export const homeMessages = defineMessages(
  'home',
  {
    title: 'خدمات عدل',
    lead: 'ارفع دعواك وتابعها، وأصدر وكالتك، وتحقق من أي وثيقة صادرة من عدل.',
    signedInTitle: 'خدماتك',
    startNow: 'ابدأ الآن',
    goToDashboard: 'اذهب إلى لوحتك',
    publicServices: 'خدمات بلا تسجيل دخول',
    verifyDescription: 'تأكد أن صكًا أو وكالة أو عقدًا صادر من عدل وما زال ساريًا، برقمه ورمز التحقق أو بمسح الرمز.',
    causeListDescription: 'جلسات محكمة في يوم معين، دون بيانات الأطراف.',
    statisticsDescription: 'القضايا المقيدة والمفصول فيها ومدة الفصل ونسبة التأجيل في كل محكمة.',
  },
  {
    title: 'Adl services',
    lead: 'File a claim and follow it, issue a power of attorney, and verify any document Adl issued.',
    signedInTitle: 'Your services',
    startNow: 'Start now',
    goToDashboard: 'Go to your dashboard',
    publicServices: 'Services without signing in',
    verifyDescription:
      'Check that a judgment, power of attorney or contract was issued by Adl and is still in force, by its number and code or by scanning its QR code.',
    causeListDescription: "A court's hearings on a given day, without the parties' details.",
    statisticsDescription: 'Cases filed and decided, time to judgment and how often hearings are postponed, court by court.',
  },
);
