/**
 * National sign-in, the use case (docs/identity.md): start a flow (redirect to the provider),
 * finish it at the callback (check the browser's state, exchange the code, validate the ID token,
 * find or create the account, hand out a one-time ticket), and redeem the ticket for a session.
 * Every way the callback can fail ends in a redirect carrying `signInError`, never a session.
 */
import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../access/context/request-context';
import { UserStatus } from '../../access/role.enum';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../../core/errors/domain-error';
import { rootLogger } from '../../core/logging/logger';
import { AuthService } from '../auth.service';
import { AuthPayload } from '../identity.models';
import { User } from '../user.entity';
import { NationalAccounts } from './national-accounts';
import { NationalIdpClient } from './national-idp.client';
import { safeReturnTo, withParam } from './return-to';
import { SignInFlows } from './sign-in-flows';
import { verifiedIdentity } from './verified-identity';
import { IDENTITY } from '../identity-messages';

export const NATIONAL_IDP_CLIENT = Symbol('NATIONAL_IDP_CLIENT');

/** What the portal reads from `signInError` after a failed national sign-in. */
export type SignInError =
  'access_denied' | 'invalid_state' | 'invalid_response' | 'identity_conflict' | 'account_disabled' | 'provider_unavailable';

const TICKET = /^[A-Za-z0-9_-]{43}$/;

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

@Injectable()
export class NationalSignInService {
  private readonly log = rootLogger().child({ component: 'national-sign-in' });

  constructor(
    @Inject(NATIONAL_IDP_CLIENT) private readonly client: NationalIdpClient | null,
    private readonly flows: SignInFlows,
    private readonly accounts: NationalAccounts,
    private readonly auth: AuthService,
  ) {}

  private enabled(): NationalIdpClient {
    if (!this.client) throw new NotFoundError(IDENTITY.nationalSignInOff());
    return this.client;
  }

  /** Where to send the browser, and the state to bind to it by cookie. */
  async start(returnToRaw: string | undefined): Promise<{ location: string; state: string | null }> {
    const client = this.enabled();
    const returnTo = safeReturnTo(returnToRaw);
    if (returnTo === null) throw BadUserInputError.field('returnTo', IDENTITY.returnToLocal());
    const checks = client.newChecks();
    let location: URL;
    try {
      location = await client.authorizationUrl(checks);
    } catch (err) {
      this.log.warn({ err }, 'national identity provider unreachable');
      return { location: withParam(returnTo, 'signInError', 'provider_unavailable'), state: null };
    }
    await this.flows.save({ checks, returnTo });
    return { location: location.href, state: checks.state };
  }

  /** The callback: a redirect back into the portal, with a ticket or with `signInError`. */
  async finish(ctx: RequestContext, query: URLSearchParams, cookieState: string | undefined): Promise<string> {
    const client = this.enabled();
    const state = query.get('state') ?? '';
    // The state must be the one this browser started with (login CSRF), and a flow is used once.
    if (!cookieState || !state || !sameState(state, cookieState)) return withParam('/', 'signInError', 'invalid_state');
    const flow = await this.flows.take(state);
    if (!flow) return withParam('/', 'signInError', 'invalid_state');
    const fail = (error: SignInError) => withParam(flow.returnTo, 'signInError', error);
    if (query.has('error')) return fail(query.get('error') === 'access_denied' ? 'access_denied' : 'invalid_response');

    let claims: Record<string, unknown>;
    try {
      claims = await client.exchange(query, flow.checks);
    } catch (err) {
      this.log.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'national sign-in refused');
      return fail('invalid_response');
    }
    const identity = verifiedIdentity(claims);
    if ('missing' in identity) {
      this.log.warn({ claim: identity.missing }, 'national sign-in without a usable claim');
      return fail('invalid_response');
    }
    const outcome = await this.accounts.signIn(ctx, client.issuer, identity);
    if ('refused' in outcome) return fail(outcome.refused);
    return withParam(flow.returnTo, 'ticket', await this.flows.issueTicket(outcome.id));
  }

  /** The session of a ticket from the callback: once, within its minute. */
  async redeem(ctx: RequestContext, ticket: string, userAgent: string | null = null): Promise<AuthPayload> {
    const userId = TICKET.test(ticket) ? await this.flows.takeTicket(ticket) : null;
    if (!userId) throw new UnauthenticatedError(IDENTITY.ticketInvalid());
    const user = await ctx.repo(User).findOneBy({ id: userId });
    if (!user || user.status !== UserStatus.ACTIVE) throw new UnauthenticatedError(IDENTITY.accountDisabled());
    // The provider proved possession of the registered phone and the person's approval in its app:
    // as strong as password and TOTP together. The session began with the national sign-on, which
    // a role's sign-in policy may require (docs/identity.md).
    return this.auth.issueSession(ctx, user, 'mfa', 'national', userAgent);
  }

  /** The provider's end-session URL, coming back to `signedOutUrl` with the return path as state. */
  async logout(returnToRaw: string | undefined, signedOutUrl: string): Promise<string> {
    const client = this.enabled();
    const returnTo = safeReturnTo(returnToRaw);
    if (returnTo === null) throw BadUserInputError.field('returnTo', IDENTITY.returnToLocal());
    return (await client.endSessionUrl(signedOutUrl, returnTo)).href;
  }
}
