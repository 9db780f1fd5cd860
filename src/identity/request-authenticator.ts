/**
 * Builds the RequestContext of an HTTP request: request id, locale, the actor named by the
 * bearer token (loaded fresh from the database) and their CASL ability; applies the per-user
 * rate limit. A bad or expired token is refused outright rather than treated as anonymous.
 */
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../access/context/request-context';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { Clock } from '../core/clock/clock';
import { UnauthenticatedError } from '../core/errors/domain-error';
import { requestLocale } from '../core/i18n/locale';
import { RateLimits } from '../core/rate-limit/rate-limits';
import { ActorLoader } from './actor-loader';
import { TokenService } from './tokens';
import { IDENTITY } from './identity-messages';

@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly clock: Clock,
    private readonly tokens: TokenService,
    private readonly actors: ActorLoader,
    private readonly contexts: RequestContextFactory,
    private readonly rateLimits: RateLimits,
  ) {}

  async fromRequest(req: FastifyRequest): Promise<RequestContext> {
    const header = req.headers.authorization;
    let actor = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const claims = match ? this.tokens.verify(match[1], this.clock.now()) : null;
      if (!claims) throw new UnauthenticatedError(IDENTITY.tokenInvalid());
      // The user's request count and their actor at once: two round trips in the time of one.
      [actor] = await Promise.all([
        this.actors.load(claims.sub, claims.tv, claims.amr, claims.sid),
        this.rateLimits.consumeRequest(`user:${claims.sub}`),
      ]);
      if (!actor) throw new UnauthenticatedError(IDENTITY.sessionEnded());
    } else {
      await this.rateLimits.consumeRequest(`ip:${req.ip}`);
    }
    return this.contexts.forActor(String(req.id), actor, requestLocale(req), req.ip);
  }
}
