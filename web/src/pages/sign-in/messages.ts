import { defineMessages, type Translate } from '../../i18n/i18n';

export const signInMessages = defineMessages(
  'signIn',
  {
    title: 'تسجيل الدخول',
    demoHint: 'نسخة تجريبية: ادخل بصفة مواطن برقم الهوية {{nationalId}} وكلمة المرور {{password}}.',
    nationalSignIn: 'الدخول عبر النفاذ الوطني الموحد',
    nationalSignInHint: 'الطريقة الموصى بها: تؤكد هويتك من تطبيق النفاذ على جوالك.',
    or: 'أو بكلمة المرور',
    nationalId: 'رقم الهوية الوطنية أو الإقامة',
    nationalIdHint: '10 أرقام، مثل 1010101010',
    password: 'كلمة المرور',
    otp: 'رمز التحقق من تطبيق المصادقة',
    otpHint: '6 أرقام تتغير كل 30 ثانية',
    submit: 'تسجيل الدخول',
    nationalIdMissing: 'أدخل رقم الهوية الوطنية أو الإقامة',
    passwordMissing: 'أدخل كلمة المرور',
    otpMissing: 'أدخل رمز التحقق من تطبيق المصادقة',
    redeeming: 'جارٍ إكمال تسجيل الدخول…',
    nationalDenied: 'لم يُعتمد تسجيل الدخول في تطبيق نفاذ. حاول مرة أخرى واختر الرقم الظاهر على الشاشة.',
    nationalExpired: 'انتهت مهلة تسجيل الدخول أو بدأ في نافذة أخرى. حاول مرة أخرى.',
    nationalUnavailable: 'الدخول عبر النفاذ الوطني غير متاح الآن. حاول لاحقًا أو ادخل بكلمة المرور.',
    nationalConflict: 'هويتك الوطنية مرتبطة بحساب آخر. تواصل مع الدعم.',
    accountDisabled: 'حسابك موقوف. تواصل مع الدعم.',
    nationalFailed: 'تعذّر إكمال تسجيل الدخول. حاول مرة أخرى.',
    nationalAgain: 'الدخول عبر النفاذ الوطني الموحد',
    nationalAgainHint: 'تفتح نافذة جديدة، وتبقى هذه الصفحة كما هي.',
    popupBlocked: 'منع المتصفح فتح نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة لهذا الموقع، أو ادخل بكلمة المرور.',
    otherPerson: 'سُجّل الدخول بهوية شخص آخر. سجّل الدخول بهويتك أنت للمتابعة.',
  },
  {
    title: 'Sign in',
    demoHint: 'Demonstration copy: sign in as a citizen with national ID {{nationalId}} and password {{password}}.',
    nationalSignIn: 'Sign in with the National Single Sign-On',
    nationalSignInHint: 'Recommended: you confirm who you are in the Nafath app on your phone.',
    or: 'Or with your password',
    nationalId: 'National ID or iqama number',
    nationalIdHint: '10 digits, for example 1010101010',
    password: 'Password',
    otp: 'Code from your authenticator app',
    otpHint: '6 digits that change every 30 seconds',
    submit: 'Sign in',
    nationalIdMissing: 'Enter your national ID or iqama number',
    passwordMissing: 'Enter your password',
    otpMissing: 'Enter the code from your authenticator app',
    redeeming: 'Finishing signing in…',
    nationalDenied: 'The sign-in was not approved in the Nafath app. Try again, and choose the number shown on the screen.',
    nationalExpired: 'The sign-in took too long or was started in another window. Try again.',
    nationalUnavailable: 'Signing in with the National Single Sign-On is not available now. Try later, or sign in with your password.',
    nationalConflict: 'Your national identity is linked to another account. Contact support.',
    accountDisabled: 'Your account is disabled. Contact support.',
    nationalFailed: 'The sign-in could not be completed. Try again.',
    nationalAgain: 'Sign in with the National Single Sign-On',
    nationalAgainHint: 'It opens a new window, and this page stays as it is.',
    popupBlocked: 'Your browser blocked the sign-in window. Allow pop-ups for this site, or sign in with your password.',
    otherPerson: 'That sign-in was for another person. Sign in as yourself to carry on.',
  },
);

/** Why a national sign-in came back without a session (docs/identity.md, `signInError`), in plain words. */
export function nationalError(t: Translate<typeof signInMessages.ar>, code: string | null): string | null {
  switch (code) {
    case null:
      return null;
    case 'access_denied':
      return t('nationalDenied');
    case 'invalid_state':
      return t('nationalExpired');
    case 'invalid_response':
    case 'provider_unavailable':
      return t('nationalUnavailable');
    case 'identity_conflict':
      return t('nationalConflict');
    case 'account_disabled':
      return t('accountDisabled');
    default:
      return t('nationalFailed');
  }
}
