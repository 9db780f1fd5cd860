/**
 * The messages of core: the default text of every error code, the refusals of the request edge
 * (query limits, GraphQL's own input errors, unexpected faults), the lifecycle engine's default
 * refusal, and the field messages of input validation.
 */
import { defineMessages } from './messages';

export const ERRORS = defineMessages('error', {
  unauthenticated: { ar: 'يلزم تسجيل الدخول.', en: 'Authentication is required.' },
  forbidden: { ar: 'لا تملك صلاحية القيام بهذا الإجراء.', en: 'You are not allowed to do this.' },
  notFound: { ar: 'لم يُعثر على المطلوب.', en: 'What you asked for was not found.' },
  badUserInput: { ar: 'في المدخلات ما يلزم تصحيحه.', en: 'Some of the input needs correcting.' },
  invalidTransition: {
    ar: 'لا يجوز إجراء {event} على {machine} في الحالة {from}.',
    en: '{machine} cannot {event} from state {from}.',
  },
  hearingConflict: { ar: 'يتعارض موعد الجلسة مع جلسة أخرى.', en: 'The hearing overlaps another hearing.' },
  deadlinePassed: { ar: 'انقضت المدة المحددة لهذا الإجراء.', en: 'The time allowed for this act has passed.' },
  powerOfAttorneyInactive: {
    ar: 'الوكالة لم تعد سارية لهذا الإجراء.',
    en: 'The power of attorney is no longer in force for this act.',
  },
  rateLimited: {
    ar: 'تجاوزت الحد المسموح به من الطلبات؛ أعد المحاولة بعد {seconds} ثانية.',
    en: 'Too many requests; try again in {seconds} s.',
  },
  queryTooComplex: { ar: 'الاستعلام أعقد مما يُسمح به: {detail}', en: 'Query too complex: {detail}' },
  internal: { ar: 'حدث خطأ غير متوقع.', en: 'An unexpected error occurred.' },
  uploadRejected: { ar: 'رُفض الملف المرفوع.', en: 'The uploaded file was refused.' },
  paymentRequired: { ar: 'يلزم سداد الفاتورة قبل هذا الإجراء.', en: 'A bill must be paid before this act.' },
  /** GraphQL's own refusal of a malformed request (parsing, validation against the schema), kept as it said it. */
  invalidRequest: { ar: 'الطلب غير صالح: {detail}', en: '{detail}' },
  staleVersion: {
    ar: 'عدّل غيرك هذا السجل بعد أن قرأته؛ أعد تحميله ثم حاول مجددًا.',
    en: 'was changed by someone else; reload and try again.',
  },
});

/** Field messages of input validation, by the constraint that failed. */
export const FIELD = defineMessages('field', {
  invalid: { ar: 'قيمة غير صالحة.', en: 'is not valid' },
  required: { ar: 'مطلوب.', en: 'is required' },
  mustBeString: { ar: 'يجب أن يكون نصًا.', en: 'must be a string' },
  mustBeBoolean: { ar: 'يجب أن تكون القيمة صحيحًا أو خطأً.', en: 'must be a boolean' },
  mustBeInteger: { ar: 'يجب أن يكون عددًا صحيحًا.', en: 'must be a whole number' },
  mustBeDate: { ar: 'يجب أن يكون تاريخًا.', en: 'must be a date' },
  mustBeUuid: { ar: 'يجب أن يكون معرّفًا بصيغة UUID.', en: 'must be a UUID' },
  mustBeEmail: { ar: 'يجب أن يكون بريدًا إلكترونيًا صحيحًا.', en: 'must be an email address' },
  mustBeHttpsUrl: { ar: 'يجب أن يكون رابطًا يبدأ بـ https.', en: 'must be an https URL' },
  mustBeOneOf: { ar: 'يجب أن يكون إحدى القيم: {values}.', en: 'must be one of: {values}' },
  mustBePositive: { ar: 'يجب أن يكون عددًا موجبًا.', en: 'must be a positive number' },
  min: { ar: 'يجب ألا يقل عن {min}.', en: 'must not be less than {min}' },
  max: { ar: 'يجب ألا يزيد على {max}.', en: 'must not be greater than {max}' },
  length: { ar: 'يجب أن يكون طوله من {min} إلى {max} حرفًا.', en: 'must be {min} to {max} characters long' },
  minLength: { ar: 'يجب ألا يقل طوله عن {min} حرفًا.', en: 'must be at least {min} characters long' },
  maxLength: { ar: 'يجب ألا يزيد طوله على {max} حرفًا.', en: 'must be at most {max} characters long' },
  arrayMinSize: { ar: 'يجب أن يضم {min} عنصرًا على الأقل.', en: 'must contain at least {min} items' },
  arrayMaxSize: { ar: 'يجب ألا يضم أكثر من {max} عنصرًا.', en: 'must contain at most {max} items' },
  arrayUnique: { ar: 'يجب ألا يتكرر فيه عنصر.', en: 'must not list an item twice' },
  arrayNotEmpty: { ar: 'يجب ألا تكون القائمة فارغة.', en: 'must not be empty' },
  mustBeObject: { ar: 'يجب أن يكون كائنًا.', en: 'must be an object' },
  badFormat: { ar: 'صيغته غير صحيحة.', en: 'does not have the expected format' },
  noNul: { ar: 'يجب ألا يحتوي على المحرف الصفري (U+0000).', en: 'must not contain a NUL character (U+0000)' },
  noLoneSurrogate: {
    ar: 'يجب ألا يحتوي على نصف زوج بديل منفرد في UTF-16 (ترميز يونيكود غير صالح).',
    en: 'must not contain a lone UTF-16 surrogate (invalid Unicode)',
  },
  keyProblem: { ar: 'مفتاح {problem}', en: 'key {problem}' },
  day: { ar: 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD.', en: 'must be a date, YYYY-MM-DD' },
  month: { ar: 'يجب أن يكون شهرًا بالصيغة YYYY-MM.', en: 'must be a month, YYYY-MM' },
  cursor: { ar: 'ليس مؤشر صفحة أعادته هذه القائمة.', en: 'is not a cursor returned by this list' },
  nationalIdDigits: { ar: 'يجب أن يتكون رقم الهوية من 10 أرقام بالضبط.', en: 'must be exactly 10 digits' },
  nationalIdStart: {
    ar: 'يجب أن يبدأ رقم الهوية بـ 1 (مواطن) أو 2 (مقيم).',
    en: 'must start with 1 (citizen) or 2 (resident)',
  },
  nationalIdCheckDigit: { ar: 'خانة التحقق في رقم الهوية غير صحيحة.', en: 'check digit does not match' },
  nationalIdFormat: { ar: 'يجب أن يتكون رقم الهوية من 10 أرقام تبدأ بـ 1 أو 2.', en: 'must be 10 digits starting with 1 or 2' },
  sar: {
    ar: 'يجب أن يكون مبلغًا بالريال السعودي بهللتين عشريتين على الأكثر، أقل من {max}.',
    en: 'must be an amount in SAR with at most two decimals (halalas), below {max}',
  },
  positiveSar: {
    ar: 'يجب أن يكون مبلغًا موجبًا بالريال السعودي بهللتين عشريتين على الأكثر، أقل من {max}.',
    en: 'must be a positive amount in SAR with at most two decimals (halalas), below {max}',
  },
  password: {
    ar: 'يجب أن تتكون كلمة المرور من 10 إلى 128 محرفًا، فيها حرف واحد ورقم واحد على الأقل.',
    en: 'password must be 10 to 128 characters with at least one letter and one digit',
  },
  phone: { ar: 'يجب أن يكون رقم الجوال بالصيغة ‎+9665XXXXXXXX.', en: 'phone must look like +9665XXXXXXXX' },
  otp: { ar: 'يجب أن يتكون رمز التحقق من 6 أرقام.', en: 'otp must be 6 digits' },
});
