/**
 * The portal's GraphQL client (urql), one per signed-in person, over the public API only: the
 * session's Bearer token, the portal's language in Accept-Language (messages and errors come back
 * in it), a refresh of the access token shortly before it ends, and, when the session has ended,
 * a pause until the person signs in again (lib/session.ts), after which the request is sent again.
 */
import { authExchange } from '@urql/exchange-auth';
import { Client, CombinedError, cacheExchange, fetchExchange } from '@urql/preact';
import { graphql } from '../gql';
import { i18next } from '../i18n/i18n';
import { session } from './session';

export const AUTH_FIELDS = graphql(`
  fragment AuthFields on AuthPayload {
    accessToken
    expiresAt
    refreshToken
    refreshExpiresAt
    user {
      id
      nationalId
      nameAr
      nameEn
      roles
    }
  }
`);

const REFRESH = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...AuthFields
    }
  }
`);

/** A national sign-in's one-time ticket (docs/identity.md, "Hand-over"), redeemed for a session. */
export const REDEEM_TICKET = graphql(`
  mutation RedeemSignInTicket($ticket: String!) {
    redeemSignInTicket(ticket: $ticket) {
      ...AuthFields
    }
  }
`);

/** Ends the session of the token it is sent with. */
export const SIGN_OUT = graphql(`
  mutation Logout {
    logout
  }
`);

export const isUnauthenticated = (error: CombinedError | undefined): boolean =>
  !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || (error?.response as Response | undefined)?.status === 401;

const fetchOptions = () => ({ headers: { 'accept-language': i18next.language } });

/**
 * The calls that open a session (sign in, refresh, redeem a national sign-in's ticket) go without
 * the session's token: the API refuses a request whose token has ended before it reads the call
 * (docs/identity.md, "Sessions"), and they must not wait in line behind the requests that wait for
 * the person to sign in again.
 */
export const sessionClient: Client = new Client({ url: '/graphql', preferGetMethod: false, fetchOptions, exchanges: [fetchExchange] });

/** The access token ends within 15 seconds: it is refreshed before a request goes out. */
function endingSoon(): boolean {
  const s = session.get();
  return s.status === 'signedIn' && new Date(s.auth.expiresAt).getTime() - Date.now() < 15_000;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for new tokens, once at a time: a refresh token works once, and a
 * second use ends the session (docs/identity.md), so every caller waits on the same exchange.
 */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const s = session.get();
    if (s.status !== 'signedIn' || new Date(s.auth.refreshExpiresAt).getTime() <= Date.now()) return false;
    const result = await sessionClient.mutation(REFRESH, { refreshToken: s.auth.refreshToken }).toPromise();
    if (result.data) session.signedIn(result.data.refreshSession);
    return !!result.data;
  })().finally(() => (refreshing = null));
  return refreshing;
}

/** The client of one signed-in person (App.tsx makes a new one when the person changes, so no one sees another's cached answers). */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions,
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.token();
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        didAuthError: (error) => isUnauthenticated(error) && session.get().status !== 'anonymous',
        willAuthError: endingSoon,
        async refreshAuth() {
          if (await refresh()) return;
          session.expired();
          await session.whenSignedInAgain();
        },
      })),
      fetchExchange,
    ],
  });
}

/** The Bearer token for a request the GraphQL client does not send (an upload): refreshed first when it nears its end. */
export async function freshToken(): Promise<string | null> {
  if (endingSoon()) await refresh();
  return session.token();
}
