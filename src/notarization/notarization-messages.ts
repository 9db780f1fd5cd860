/**
 * The messages of the notarization wing: powers of attorney and notarized contracts (src/core/i18n).
 * States, power codes and contract types stay as given.
 */
import { defineMessages } from '../core/i18n/messages';

export const NOTARIZATION = defineMessages('notarization', {
  poaNotFound: { ar: 'لم يُعثر على الوكالة.', en: 'The power of attorney was not found.' },
  poaNumberCodeNotFound: {
    ar: 'لم يُعثر على وكالة بهذا الرقم ورمز التحقق.',
    en: 'A power of attorney with this number and code was not found.',
  },
  contractNotFound: { ar: 'لم يُعثر على العقد.', en: 'The contract was not found.' },
  judgmentNotFound: { ar: 'لم يُعثر على الحكم.', en: 'The judgment was not found.' },
  powerEnded: {
    ar: 'الوكالة التي تمنح الصلاحية {power} لم تعد سارية.',
    en: 'The power of attorney granting {power} is no longer in force.',
  },
  noPowerGranted: { ar: 'لا توجد وكالة من هذا الشخص تمنح الصلاحية {power}.', en: 'No power of attorney from this person grants {power}.' },
  alreadyConfirmed: { ar: 'سبق أن أكدت هذه الوكالة.', en: 'you already confirmed this power of attorney' },
  poaInState: { ar: 'الوكالة في الحالة {state}.', en: 'the power of attorney is {state}' },
  noLongerAgent: { ar: 'لم تعد وكيلًا ({state}).', en: 'you are no longer an agent ({state})' },
  powerNotInParent: {
    ar: 'الصلاحية {code} غير ممنوحة وسارية في الوكالة الأصلية.',
    en: '{code} is not granted in force by the parent power of attorney',
  },
  outlastsParent: {
    ar: 'لا يجوز أن تتجاوز مدة الوكالة الأصلية ({validTo}).',
    en: 'cannot outlast the parent power of attorney ({validTo})',
  },
  parentForbidsDelegation: { ar: 'الوكالة الأصلية لا تجيز التوكيل.', en: 'the parent does not allow it' },
  isDelegatingAgent: { ar: 'هو أنت، الوكيل الموكِّل.', en: 'is you, the delegating agent' },
  replicateByPrincipal: {
    ar: 'لا ينسخ الوكالة باسمه إلا أحد الموكلين.',
    en: 'Only a principal replicates a power of attorney in their own name.',
  },
  nothingInForce: {
    ar: 'لم يبقَ في هذه الوكالة وكيل أو صلاحية سارية.',
    en: 'no agent or no power of this power of attorney is still in force',
  },
  noSuchNotaryOffice: { ar: 'لا توجد كتابة عدل بهذا المعرّف.', en: 'no such notary office' },
  notAnAgent: { ar: 'ليس وكيلًا في هذه الوكالة.', en: 'is not an agent of this power of attorney' },
  agentAlready: { ar: 'الوكيل في الحالة {state} من قبل.', en: 'the agent is already {state}' },
  powerNotGranted: { ar: 'ليست صلاحية ممنوحة في هذه الوكالة.', en: 'is not granted by this power of attorney' },
  powerRevokedAlready: { ar: 'سبق فسخها.', en: 'is already revoked' },
  listedTwice: { ar: 'مذكور مرتين.', en: 'is listed twice' },
  alsoPrincipal: { ar: 'مذكور موكِّلًا أيضًا.', en: 'is also a principal' },
  selfIssuedIncludesYou: {
    ar: 'يجب أن تكون من الموكلين في الوكالة التي تصدرها بنفسك.',
    en: 'a self-issued power of attorney must include you as a principal',
  },
  inThePast: { ar: 'لا يجوز أن يكون في الماضي.', en: 'cannot be in the past' },
  tooFarAhead: { ar: 'يتجاوز {limit} من اليوم.', en: 'is more than {limit} ahead' },
  validToAfterFrom: { ar: 'يجب أن يكون بعد تاريخ البداية وفي المستقبل.', en: 'must be after validFrom and in the future' },
  selfIssuedTooLong: {
    ar: 'لا تتجاوز مدة الوكالة الصادرة إلكترونيًا {limit}.',
    en: 'a self-issued power of attorney lasts at most {limit}',
  },
  notarizedTooLong: { ar: 'لا تتجاوز مدة الوكالة الموثقة {limit}.', en: 'a notarized power of attorney lasts at most {limit}' },
  notALicensedLawyer: {
    ar: 'لا يطابق محاميًا مرخصًا بهذا الرقم للهوية.',
    en: 'does not match a licensed lawyer with this national ID',
  },
  lawyerLicenseFormat: {
    ar: 'يجب أن يتكون رقم الرخصة من 3 إلى 30 محرفًا من الحروف اللاتينية الكبيرة أو الأرقام أو الشرطات.',
    en: 'lawyerLicense must be 3 to 30 capitals, digits or dashes',
  },
  // Contracts
  notANotaryOffice: { ar: 'ليست كتابة عدل.', en: 'is not a notary office' },
  notAJudgment: { ar: 'ليس حكمًا.', en: 'is not a judgment' },
  judgmentNotFinal: { ar: 'الحكم لم يكتسب القطعية.', en: 'the judgment is not final' },
  unsigned: { ar: 'لم يوقّع بعد {count} من الأطراف.', en: '{count} party(ies) have not signed yet.' },
  signedAlready: { ar: 'سبق أن وقّع هذا الطرف.', en: 'This party has already signed.' },
  agreedToCancelAlready: { ar: 'سبق أن وافق هذا الطرف على الإلغاء.', en: 'This party has already agreed to cancel.' },
  personHasNoOrganization: {
    ar: 'الشخص الطبيعي ليس له رقم جهة ولا مفوَّض بالتوقيع.',
    en: 'a person has no organization number or signatory',
  },
  requiredForOrganization: { ar: 'مطلوب للجهة.', en: 'is required for an organization' },
  organizationByNumber: { ar: 'تُعرَّف الجهة برقمها.', en: 'an organization is named by its number' },
  partyListedAlready: { ar: 'يسمّي طرفًا مذكورًا من قبل.', en: 'names a party already listed' },
  needsAtLeast: { ar: 'يحتاج {type} إلى {least} على الأقل بصفة {role}.', en: 'a {type} needs at least {least} {role}(s)' },
  termsNotForType: { ar: 'لا يُذكر في {type}.', en: 'must not be given for a {type}' },
  termsRequired: { ar: 'مطلوب في {type}.', en: 'is required for a {type}' },
  notARoleOfType: { ar: 'الصفة {role} ليست من صفات الأطراف في {type}.', en: '{role} is not a role of a {type}' },
  personNeedsNationalId: { ar: 'رقم الهوية مطلوب للشخص الطبيعي.', en: 'is required for a person' },
  afterStartDate: { ar: 'يجب أن يكون بعد تاريخ البداية.', en: 'must be after startDate' },
  notACalendarDate: { ar: 'ليس تاريخًا في التقويم.', en: 'is not a calendar date' },
  notAPartner: { ar: 'ليس شريكًا في العقد.', en: 'is not a partner of the contract' },
  shareListed: { ar: 'له حصة مذكورة من قبل.', en: 'holds a share already listed' },
  everyPartnerShare: { ar: 'لكل شريك حصة.', en: 'every partner needs a share' },
  sharesSum: { ar: 'يجب أن يكون مجموع الحصص 100% (المجموع {total}).', en: 'must sum to 100 percent (they sum to {total})' },
  deedFormat: { ar: 'يجب أن يتكون رقم الصك من 6 إلى 14 رقمًا.', en: 'deedNumber must be 6 to 14 digits' },
  currencyFormat: { ar: 'يجب أن تكون العملة رمزًا وفق ISO 4217 مثل SAR.', en: 'currency must be an ISO 4217 code such as SAR' },
  dateFormat: { ar: 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD.', en: 'must be a date YYYY-MM-DD' },
  notaryFeeUnpaid: {
    ar: 'لا يُوثَّق العقد قبل سداد مقابل توثيقه ({amount} ريال)؛ الفاتورة عند من يسددها.',
    en: 'The contract is notarized only once its notary fee is paid (SAR {amount} still due); the bill is with its payer.',
  },
  calendarDay: { ar: 'يجب أن يكون يومًا في التقويم.', en: 'must be a day of the calendar' },
});
