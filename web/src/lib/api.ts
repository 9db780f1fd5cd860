/**
 * The portal's one GraphQL client (urql), over the public API only: the session's Bearer token,
 * the portal's language in Accept-Language (messages and errors come back in it), a refresh of the
 * access token shortly before it ends, and, when the session has ended, a pause until the person
 * signs in again (lib/session.ts), after which the request is sent again.
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

export const isUnauthenticated = (error: CombinedError | undefined): boolean =>
  !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || (error?.response as Response | undefined)?.status === 401;

/** The access token ends within 15 seconds: it is refreshed before a request goes out. */
function endingSoon(): boolean {
  const s = session.get();
  return s.status === 'signedIn' && new Date(s.auth.expiresAt).getTime() - Date.now() < 15_000;
}

export const client: Client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  fetchOptions: () => ({ headers: { 'accept-language': i18next.language } }),
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
        const s = session.get();
        if (s.status === 'signedIn' && new Date(s.auth.refreshExpiresAt).getTime() > Date.now()) {
          const result = await utils.mutate(REFRESH, { refreshToken: s.auth.refreshToken });
          if (result.data) {
            session.signedIn(result.data.refreshSession);
            return;
          }
        }
        session.expired();
        await session.whenSignedInAgain();
      },
    })),
    fetchExchange,
  ],
});

const SESSION_CHECK = graphql(`
  query SessionCheck {
    me {
      id
    }
  }
`);

/**
 * The Bearer token for a request the GraphQL client does not send (an upload): one that nears its
 * end is refreshed first by a small query through the client, as any request would refresh it.
 */
export async function freshToken(): Promise<string | null> {
  if (endingSoon()) await client.query(SESSION_CHECK, {}, { requestPolicy: 'network-only' }).toPromise();
  return session.token();
}
