/** The portal: the GraphQL client, the frame, the pages by path, the ended-session dialog. */
import { Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { Provider, useMutation } from '@urql/preact';
import { Route, Switch, useLocation, useSearchParams } from 'wouter-preact';
import { Loading } from '../components/Page';
import { graphql } from '../gql';
import { client } from '../lib/api';
import { session } from '../lib/session';
import NotFoundPage from '../pages/NotFoundPage';
import { Layout } from './Layout';
import { RequireSignIn } from './RequireSignIn';
import { ROUTES } from './routes';
import { SessionDialog } from './SessionDialog';

const REDEEM = graphql(`
  mutation RedeemSignInTicket($ticket: String!) {
    redeemSignInTicket(ticket: $ticket) {
      ...AuthFields
    }
  }
`);

/** The national sign-in comes back to any page with `?ticket=`: redeemed for a session at once, and taken out of the address. */
function TicketRedeemer() {
  const [params, setParams] = useSearchParams();
  const [, redeem] = useMutation(REDEEM);
  const [location, navigate] = useLocation();
  const ticket = params.get('ticket');
  useEffect(() => {
    if (!ticket) return;
    setParams((p) => (p.delete('ticket'), p), { replace: true });
    void redeem({ ticket }).then((r) => {
      if (r.data) {
        session.signedIn(r.data.redeemSignInTicket);
        if (location === '/') navigate('/dashboard', { replace: true });
      }
    });
  }, [ticket]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

export function App() {
  return (
    <Provider value={client}>
      <TicketRedeemer />
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
