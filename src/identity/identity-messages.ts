/** The messages of the identity wing: sign-in, two-factor authentication and accounts (src/core/i18n). */
import { defineMessages } from '../core/i18n/messages';

export const IDENTITY = defineMessages('identity', {
  tokenInvalid: {
    ar: 'رمز الدخول غير صالح أو منتهي الصلاحية؛ سجّل الدخول مجددًا.',
    en: 'The access token is invalid or has expired; sign in again.',
  },
  sessionEnded: { ar: 'لم تعد هذه الجلسة صالحة؛ سجّل الدخول مجددًا.', en: 'This session is no longer valid; sign in again.' },
  invalidCredentials: { ar: 'رقم الهوية أو كلمة المرور غير صحيحة.', en: 'National ID or password is incorrect.' },
  accountDisabled: { ar: 'هذا الحساب موقوف.', en: 'This account is disabled.' },
  otpRequired: {
    ar: 'يلزم إدخال رمز التحقق لمرة واحدة (otp) من تطبيق المصادقة.',
    en: 'A one-time code (otp) from your authenticator app is required.',
  },
  otpWrong: { ar: 'رمز التحقق لمرة واحدة غير صحيح أو سبق استخدامه.', en: 'The one-time code is wrong or already used.' },
  locked: {
    ar: 'تجاوزت عدد المحاولات المسموح به؛ الحساب مقفل حتى {until}.',
    en: 'Too many failed attempts; the account is locked until {until}.',
  },
  twoFactorAlreadyEnabled: { ar: 'التحقق الثنائي مفعّل من قبل.', en: 'is already enabled' },
  enrollFirst: { ar: 'ابدأ بتسجيل تطبيق المصادقة (enrollTwoFactor) أولًا.', en: 'call enrollTwoFactor first' },
  notCurrentCode: { ar: 'ليس الرمز الحالي لتطبيق المصادقة المسجَّل.', en: 'is not the current code of the enrolled authenticator' },
  twoFactorNeeded: { ar: 'يلزم تفعيل التحقق الثنائي للقيام بهذا الإجراء.', en: 'two-factor authentication must be enabled for this act' },
  freshCodeNeeded: { ar: 'يلزم رمز تحقق جديد لمرة واحدة للقيام بهذا الإجراء.', en: 'a fresh one-time code is required for this act' },
  codeWrong: { ar: 'الرمز غير صحيح أو منتهي الصلاحية أو سبق استخدامه.', en: 'is wrong, expired or already used' },
  userNotFound: { ar: 'لم يُعثر على المستخدم.', en: 'The user was not found.' },
  membershipNotFound: { ar: 'لم يُعثر على العضوية.', en: 'The membership was not found.' },
  lawyerLicenseRequired: { ar: 'رقم رخصة المحاماة مطلوب مع دور المحامي (LAWYER).', en: 'is required with the LAWYER role' },
  membershipsMissing: {
    ar: 'الأدوار {roles} تحتاج إلى عضوية تسمّي الجهة التابعة لها.',
    en: 'roles {roles} need a membership naming their organization',
  },
  nationalIdTaken: { ar: 'رقم الهوية مسجَّل من قبل.', en: 'is already registered' },
  lawyerLicenseTaken: { ar: 'رقم الرخصة مسجَّل لمحامٍ آخر.', en: 'is already registered to another lawyer' },
  requiredForRole: { ar: 'مطلوب للدور {role}.', en: 'is required for role {role}' },
  noSuchCircuit: { ar: 'لا توجد دائرة بهذا المعرّف.', en: 'no such circuit' },
  notThroughOrganization: { ar: 'الدور {role} لا يُسند من خلال جهة.', en: '{role} is not held through an organization' },
  membershipHeld: { ar: 'المستخدم يحمل هذه العضوية من قبل.', en: 'the user already holds this membership' },
  organizationMissing: { ar: 'يسمّي جهة غير موجودة.', en: 'names an organization that does not exist' },
  lawyerLicenseFormat: {
    ar: 'يجب أن يتكون رقم الرخصة من 4 إلى 20 محرفًا من الأرقام أو الحروف اللاتينية الكبيرة أو الشرطات.',
    en: 'lawyerLicense must be 4 to 20 digits, capitals or dashes',
  },
  refreshInvalid: {
    ar: 'رمز التجديد غير صالح أو منتهي الصلاحية؛ سجّل الدخول مجددًا.',
    en: 'The refresh token is invalid or has expired; sign in again.',
  },
  sessionNotFound: { ar: 'لم يُعثر على الجلسة.', en: 'The session was not found.' },
  notActivated: {
    ar: 'لم يُفعَّل هذا الحساب بعد: اختر كلمة مرورك من الرابط المرسل إلى بريدك الإلكتروني.',
    en: 'This account is not activated yet: choose a password through the link sent by e-mail.',
  },
  notCurrentPassword: { ar: 'ليست كلمة المرور الحالية.', en: 'is not your current password' },
  samePassword: { ar: 'يجب أن تختلف عن كلمة المرور الحالية.', en: 'must differ from the current password' },
  noSecondFactor: { ar: 'ليس لديه تحقق ثنائي لإعادة تعيينه.', en: 'has no second factor to reset' },
  resetAwaiting: { ar: 'لديه طلب إعادة تعيين بانتظار الموافقة.', en: 'already has a reset awaiting approval' },
  resetNotFound: { ar: 'لم يُعثر على طلب إعادة تعيين التحقق الثنائي.', en: 'The two-factor reset was not found.' },
  secondAdminNeeded: {
    ar: 'يجب أن يوافق على إعادة التعيين مشرف نظام آخر.',
    en: 'A second system administrator must approve this reset.',
  },
  resetCodeWrong: {
    ar: 'الرمز غير صحيح أو منتهي الصلاحية؛ اطلب رمزًا جديدًا.',
    en: 'is wrong or has expired; ask for a new code',
  },
  invitationNotFound: { ar: 'لم يُعثر على الدعوة.', en: 'The invitation was not found.' },
  activationLinkInvalid: {
    ar: 'ليس رابط تفعيل صالحًا، أو انتهت صلاحيته.',
    en: 'is not a valid activation link, or has expired',
  },
  recoveryCodeFormat: { ar: 'يجب أن يكون رمز الاسترداد بالشكل XXXXX-XXXXX.', en: 'recoveryCode must look like XXXXX-XXXXX' },
  resetCodeFormat: { ar: 'يجب أن يتكون الرمز من 6 أرقام.', en: 'code must be 6 digits' },
  activationTokenFormat: { ar: 'يجب أن يكون رمز رابط التفعيل.', en: 'token must be the token of an activation link' },
  nationalSignInOff: { ar: 'لم يُعثر على الدخول بالنفاذ الوطني.', en: 'National sign-in was not found.' },
  returnToLocal: {
    ar: 'يجب أن يكون مسارًا في هذا الموقع يبدأ بشرطة مائلة واحدة /.',
    en: 'must be a path on this site, starting with a single /',
  },
  ticketInvalid: { ar: 'تذكرة الدخول غير معروفة أو مستعملة أو منتهية الصلاحية.', en: 'The sign-in ticket is unknown, used or expired.' },
  namesFromRegistry: {
    ar: 'يُؤخذ من السجل المدني للحساب الموثَّق بالنفاذ الوطني، ولا يُكتب.',
    en: 'comes from the civil registry for an account verified by national sign-in, and is not typed',
  },
  selfRegistrationOff: {
    ar: 'التسجيل بكلمة مرور غير متاح؛ ادخل بالنفاذ الوطني.',
    en: 'Registration with a password is not available; sign in with the national single sign-on.',
  },
  registryNoMatch: {
    ar: 'لا يطابق السجل المدني (رقم الهوية وتاريخ الميلاد معًا).',
    en: 'does not match the civil registry (national ID and birth date together)',
  },
  registryNoPhone: {
    ar: 'ليس له في السجل المدني جوال موثَّق؛ ادخل بالنفاذ الوطني.',
    en: 'has no verified phone in the civil registry; sign in with the national single sign-on',
  },
  registrationCodeWrong: {
    ar: 'رمز التحقق غير صحيح أو منتهي الصلاحية؛ ابدأ التسجيل من جديد.',
    en: 'is wrong or has expired; start the registration again',
  },
  birthDateFormat: { ar: 'يجب أن يكون تاريخًا ميلاديًا بالشكل YYYY-MM-DD.', en: 'birthDate must be a Gregorian date, YYYY-MM-DD' },
  staffInvitedOnly: {
    ar: 'في بيئة التشغيل يُدعى الموظف (inviteStaff) ويختار كلمة مروره بنفسه.',
    en: 'In production staff are invited (inviteStaff) and choose their own password.',
  },
  linkInvalid: {
    ar: 'الرابط غير صالح أو انتهت صلاحيته؛ افتحه من جديد من المنصة.',
    en: 'The link is not valid or has expired; open it again from the platform.',
  },
});
