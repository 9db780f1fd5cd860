/** Pages for signed-in people: anyone else goes to sign in, and comes back here after. */
import type { ComponentChildren } from 'preact';
import { Redirect, useLocation, useSearch } from 'wouter-preact';
import { useSession } from '../lib/session';

export function RequireSignIn({ children }: { children: ComponentChildren }) {
  const state = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (state.status === 'anonymous') {
    const here = `${location}${search ? `?${search}` : ''}`;
    return <Redirect to={`/sign-in?returnTo=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children}</>;
}
