/** The sign-in page: the national single sign-on first when the server offers it, then password and TOTP. */
import { useLocation, useSearchParams } from 'wouter-preact';
import { Page } from '../../components/Page';
import { useT } from '../../i18n/i18n';
import { portalSettings, safeReturnTo } from '../../lib/settings';
import { signInMessages } from './messages';
import { SignInForm } from './SignInForm';

export default function SignInPage() {
  const t = useT(signInMessages);
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const returnTo = safeReturnTo(params.get('returnTo')) ?? '/dashboard';
  return (
    <Page title={t('title')}>
      {portalSettings().nationalSignIn && (
        <section className="panel" aria-labelledby="national-sign-in">
          <h2 id="national-sign-in" className="heading-m">
            {t('nationalSignIn')}
          </h2>
          <p className="hint">{t('nationalSignInHint')}</p>
          <a className="button button--secondary" href={`/auth/national/login?returnTo=${encodeURIComponent(returnTo)}`}>
            {t('nationalSignIn')}
          </a>
        </section>
      )}
      <h2 className="heading-m">{t('or')}</h2>
      <SignInForm onSignedIn={() => navigate(returnTo, { replace: true })} />
    </Page>
  );
}
