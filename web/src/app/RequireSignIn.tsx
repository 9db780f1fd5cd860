/**
 * Pages for signed-in people: anyone else goes to sign in, and comes back here after. While a
 * national sign-in's ticket is being redeemed (App.tsx), or its refusal is on its way to the
 * sign-in page, the page waits.
 */
import type { ComponentChildren } from 'preact';
import { Redirect, useLocation, useSearch, useSearchParams } from 'wouter-preact';
import { useT } from '../i18n/i18n';
import { useSession } from '../lib/session';
import { signInMessages } from '../pages/sign-in/messages';

export function RequireSignIn({ children }: { children: ComponentChildren }) {
  const state = useSession();
  const t = useT(signInMessages);
  const [location] = useLocation();
  const search = useSearch();
  const [params] = useSearchParams();
  if (params.has('ticket')) {
    return (
      <p className="loading" role="status">
        {t('redeeming')}
      </p>
    );
  }
  if (state.status === 'anonymous') {
    if (params.has('signInError')) return null;
    const here = `${location}${search ? `?${search}` : ''}`;
    return <Redirect to={`/sign-in?returnTo=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children}</>;
}
