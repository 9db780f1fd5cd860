/**
 * The stand-in's OpenID provider (oidc-provider, certified): one confidential client (Adl) using
 * the authorization code flow with PKCE, RS256 ID tokens carrying the registry's claims, and
 * RP-initiated logout. Keys are made at start: a stand-in need not keep them across restarts.
 */
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logoutPage, messagePage } from './pages';
import { REGISTRY, RegistryPerson } from './registry';

export interface StandInOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/** What the stand-in uses of oidc-provider (it ships no types). */
export interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: object): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  };
  on(event: string, listener: (...args: unknown[]) => void): void;
}

export interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}

/** The subject of a person: stable and opaque (not the national ID), as a national provider's would be. */
export function subjectOf(nationalId: string): string {
  return createHash('sha256').update(`adl-national-idp-stand-in:${nationalId}`).digest('base64url').slice(0, 32);
}

/** Subjects of the named people, and of synthetic people once they have signed in (interactions.ts). */
const bySubject = new Map(REGISTRY.map((p) => [subjectOf(p.nationalId), p]));

/** The subject of a registry person, remembered so that the provider can find the account by it. */
export function subjectOfPerson(person: RegistryPerson): string {
  const sub = subjectOf(person.nationalId);
  bySubject.set(sub, person);
  return sub;
}

export function personOfSubject(sub: string): RegistryPerson | undefined {
  return bySubject.get(sub);
}

/** The claims of a person, as the provider releases them for the scopes granted. */
export function claimsOf(p: RegistryPerson): Record<string, unknown> {
  const words = (s: string) => s.split(' ');
  return {
    sub: subjectOf(p.nationalId),
    name: p.nameAr,
    'name#ar': p.nameAr,
    'name#en': p.nameEn,
    'given_name#ar': words(p.nameAr)[0],
    'given_name#en': words(p.nameEn)[0],
    'family_name#ar': words(p.nameAr).slice(1).join(' '),
    'family_name#en': words(p.nameEn).slice(1).join(' '),
    birthdate: p.birthdate,
    gender: p.gender,
    phone_number: p.phone,
    phone_number_verified: true,
    national_id: p.nationalId,
    id_type: p.nationalId.startsWith('2') ? 'IQAMA' : 'NATIONAL_ID',
    nationality: p.nationality,
  };
}

export async function createProvider(options: StandInOptions): Promise<OidcProvider> {
  const { default: Provider } = (await import('oidc-provider')) as unknown as {
    default: new (issuer: string, configuration: object) => OidcProvider;
  };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  return new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: 'Adl',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'name#ar', 'name#en', 'given_name#ar', 'given_name#en', 'family_name#ar', 'family_name#en', 'birthdate', 'gender'],
      phone: ['phone_number', 'phone_number_verified'],
      national_id: ['national_id', 'id_type', 'nationality'],
    },
    // The claims of the granted scopes go into the ID token too, so one signed token says who signed in.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => {
      const person = personOfSubject(sub);
      return person ? { accountId: sub, claims: () => claimsOf(person) } : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx: { body: string }) => {
          ctx.body = messagePage('تم تسجيل الخروج', 'Signed out', 'تم تسجيل خروجك.', 'You have been signed out.');
        },
      },
    },
    renderError: (ctx: { type: string; body: string }, out: { error?: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = messagePage('خطأ', 'Error', out.error ?? 'error', out.error_description ?? '');
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
}
