/** The portal: the GraphQL client, the frame, the pages by path, the ended-session dialog. */
import { Suspense } from 'preact/compat';
import { useEffect, useMemo } from 'preact/hooks';
import { Provider } from '@urql/preact';
import { Route, Switch, useLocation, useSearchParams } from 'wouter-preact';
import { Loading } from '../components/Page';
import { createClient, REDEEM_TICKET, sessionClient } from '../lib/api';
import { session, useSession } from '../lib/session';
import NotFoundPage from '../pages/NotFoundPage';
import { Layout } from './Layout';
import { RequireSignIn } from './RequireSignIn';
import { ROUTES } from './routes';
import { handBack, SessionDialog } from './SessionDialog';

/**
 * The national sign-in comes back to a page with `?ticket=`, redeemed for a session at once and
 * then taken out of the address (pages for signed-in people wait meanwhile: RequireSignIn); or
 * with `?signInError=`, shown on the sign-in page, which then comes back here. In the window the
 * ended-session dialog opened, both go back to the page that opened it (SessionDialog.tsx).
 */
function NationalSignInReturn() {
  const [params, setParams] = useSearchParams();
  const [location, navigate] = useLocation();
  const ticket = params.get('ticket');
  const signInError = ticket ? 'ticket' : params.get('signInError');
  const toSignIn = (error: string) =>
    navigate(`/sign-in?returnTo=${encodeURIComponent(location)}&signInError=${encodeURIComponent(error)}`, { replace: true });
  useEffect(() => {
    if (handBack(params)) return;
    if (ticket) {
      void sessionClient
        .mutation(REDEEM_TICKET, { ticket })
        .toPromise()
        .then((r) => {
          if (!r.data) return toSignIn('ticket');
          session.signedIn(r.data.redeemSignInTicket);
          if (location === '/') navigate('/dashboard', { replace: true });
          else setParams((p) => (p.delete('ticket'), p), { replace: true });
        });
    } else if (signInError && location !== '/sign-in') {
      toSignIn(signInError);
    }
  }, [ticket, signInError]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

export function App() {
  const state = useSession();
  const userId = state.status === 'anonymous' ? null : state.auth.user.id;
  // A client of its own for each person: nothing cached for one is shown to the next.
  const client = useMemo(() => createClient(), [userId]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Provider value={client}>
      <NationalSignInReturn />
      <Layout>
        <Suspense fallback={<Loading />}>
          <Switch>
            {ROUTES.map(({ path, page: PageComponent, signedIn }) => (
              <Route key={path} path={path}>
                {signedIn ? (
                  <RequireSignIn>
                    <PageComponent />
                  </RequireSignIn>
                ) : (
                  <PageComponent />
                )}
              </Route>
            ))}
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
      <SessionDialog />
    </Provider>
  );
}
