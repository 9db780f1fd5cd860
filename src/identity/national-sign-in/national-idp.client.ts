/**
 * Adl as an OpenID Connect relying party of the national provider (openid-client): discovery,
 * the authorization request (code flow, PKCE S256, state, nonce), the code exchange with ID-token
 * validation (issuer, audience, signature by the provider's JWKS, expiry, nonce), and the
 * end-session URL. Any certified provider works from its issuer URL alone (docs/identity.md).
 */
import * as oidc from 'openid-client';
import { isLoopbackUrl, type NationalIdpConfig } from '../../core/config/config';

/** What the callback must match: kept server-side between the two legs of the flow. */
export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class NationalIdpClient {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly idp: NationalIdpConfig,
    /** Adl's callback URL as registered at the provider. */
    private readonly redirectUri: string,
  ) {}

  get issuer(): string {
    return this.idp.issuer;
  }

  /** The provider's metadata, discovered once; a failed discovery is tried again next time. */
  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.idp.issuer),
        this.idp.clientId,
        { id_token_signed_response_alg: 'RS256' },
        oidc.ClientSecretBasic(this.idp.clientSecret),
        {
          execute: [
            // openid-client trusts an ID token from the token endpoint by TLS alone unless told to
            // check its signature against the provider's JWKS too; we always want that check.
            oidc.enableNonRepudiationChecks,
            // Plain http is allowed only for a provider on this machine (the development stand-in).
            ...(isLoopbackUrl(this.idp.issuer) ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((err: unknown) => {
        this.configuration = null;
        throw err;
      });
    return this.configuration;
  }

  newChecks(): FlowChecks {
    return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  }

  async authorizationUrl(checks: FlowChecks): Promise<URL> {
    return oidc.buildAuthorizationUrl(await this.discovered(), {
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: 'openid profile phone national_id',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Exchanges the code of the callback's query for tokens; throws unless the ID token is valid for
   * these checks. The claims are the ID token's, completed from UserInfo when it lacks the national ID.
   */
  async exchange(callbackQuery: URLSearchParams, checks: FlowChecks): Promise<Record<string, unknown>> {
    const config = await this.discovered();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = callbackQuery.toString();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = { ...tokens.claims()! } as Record<string, unknown>;
    if (claims.national_id === undefined && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
      return { ...info, ...claims };
    }
    return claims;
  }

  /** The provider's end-session URL (RP-initiated logout), returning to `postLogoutRedirectUri`. */
  async endSessionUrl(postLogoutRedirectUri: string, state: string): Promise<URL> {
    const config = await this.discovered();
    return oidc.buildEndSessionUrl(config, { client_id: this.idp.clientId, post_logout_redirect_uri: postLogoutRedirectUri, state });
  }
}
