/**
 * Builds the RequestContext of an HTTP request: request id, locale, the actor named by the
 * bearer token (loaded fresh from the database) and their CASL ability; applies the per-user
 * rate limit. A bad or expired token is refused outright rather than treated as anonymous.
 */
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AbilityFactory } from '../../access/ability.factory';
import { ActorLoader } from '../../identity/actor-loader';
import { TokenService } from '../../identity/tokens';
import { Clock } from '../clock/clock';
import { UnauthenticatedError } from '../errors/domain-error';
import { RateLimits } from '../rate-limit/rate-limits';
import { Locale, RequestContext } from './request-context';

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tokens: TokenService,
    private readonly actors: ActorLoader,
    private readonly abilities: AbilityFactory,
    private readonly rateLimits: RateLimits,
  ) {}

  async fromRequest(req: FastifyRequest): Promise<RequestContext> {
    const header = req.headers.authorization;
    let actor = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const claims = match ? this.tokens.verify(match[1], this.clock.now()) : null;
      if (!claims) throw new UnauthenticatedError('The access token is invalid or has expired; sign in again.');
      // The user's request count and their actor at once: two round trips in the time of one.
      [actor] = await Promise.all([
        this.actors.load(claims.sub, claims.tv, claims.amr),
        this.rateLimits.consumeRequest(`user:${claims.sub}`),
      ]);
      if (!actor) throw new UnauthenticatedError('This session is no longer valid; sign in again.');
    } else {
      await this.rateLimits.consumeRequest(`ip:${req.ip}`);
    }
    return this.forActor(String(req.id), actor, localeOf(req.headers['accept-language']), req.ip);
  }

  /** A context for work outside HTTP (seed, jobs, tests): the given actor, or anonymous. */
  forActor(requestId: string, actor: RequestContext['actor'], locale: Locale = 'ar', ip: string | null = null): RequestContext {
    return new RequestContext(
      requestId,
      actor,
      this.abilities.createFor(actor),
      locale,
      this.dataSource.manager,
      () => this.clock.now(),
      ip,
    );
  }
}

function localeOf(header: string | undefined): Locale {
  return header && /^\s*en\b/i.test(header) ? 'en' : 'ar';
}
