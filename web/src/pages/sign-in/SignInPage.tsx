/**
 * The sign-in page: the national single sign-on first when the server offers it, then password
 * and TOTP. A national sign-in that failed comes back here with its reason (docs/identity.md,
 * `signInError`), told in plain words.
 */
import { useMemo } from 'preact/hooks';
import { useLocation, useSearchParams } from 'wouter-preact';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { useT } from '../../i18n/i18n';
import { portalSettings, safeReturnTo } from '../../lib/settings';
import { nationalError, signInMessages } from './messages';
import { SignInForm } from './SignInForm';

export default function SignInPage() {
  const t = useT(signInMessages);
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const { demo } = portalSettings();
  const returnTo = safeReturnTo(params.get('returnTo')) ?? '/dashboard';
  const refused = nationalError(t, params.get('signInError'));
  const errors = useMemo(() => (refused ? [{ target: null, message: refused }] : []), [refused]);
  return (
    <Page title={t('title')} hasErrors={!!refused}>
      <ErrorSummary errors={errors} />
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
      {demo && <p className="notice">{t('demoHint', { nationalId: demo.nationalId, password: demo.password })}</p>}
      <SignInForm onSignedIn={() => navigate(returnTo, { replace: true })} />
    </Page>
  );
}
