/**
 * Builds the RequestContext of an HTTP request: request id, locale, the actor named by the
 * bearer token (loaded fresh from the database) and their CASL ability; applies the per-user
 * rate limit. A bad or expired token is refused outright rather than treated as anonymous.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../access/context/request-context';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { Clock } from '../core/clock/clock';
import { ForbiddenError, UnauthenticatedError } from '../core/errors/domain-error';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { checkLink, hasLinkSignature } from '../core/crypto/link-signature';
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
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  /**
   * As fromRequest, and without an Authorization header a signed link (core/crypto/link-signature.ts)
   * names the actor: an altered or expired link, or one whose session has ended, answers FORBIDDEN,
   * the same for every object (docs/evidence.md, "Signed links").
   */
  async fromRequestOrLink(req: FastifyRequest): Promise<RequestContext> {
    const query = (req.query ?? {}) as Record<string, unknown>;
    if (req.headers.authorization || !hasLinkSignature(query)) return this.fromRequest(req);
    const checked = checkLink(this.config.secretsKey, req.url.split('?')[0], query, this.clock.now());
    const [actor] = await Promise.all([
      'holder' in checked ? this.actors.load(checked.holder.userId, null, 'password', checked.holder.sessionId) : null,
      this.rateLimits.consumeRequest(`ip:${req.ip}`),
    ]);
    if (!actor) throw new ForbiddenError(IDENTITY.linkInvalid());
    return this.contexts.forActor(String(req.id), actor, requestLocale(req), req.ip);
  }

  /**
   * The owner of a standing address (a calendar feed) that the caller's wing checked, loaded
   * afresh: null when the account is gone or disabled. The request was rate-limited by fromRequest.
   */
  async asOwner(req: FastifyRequest, userId: string): Promise<RequestContext | null> {
    const actor = await this.actors.load(userId, null, 'password');
    return actor ? this.contexts.forActor(String(req.id), actor, requestLocale(req), req.ip) : null;
  }

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
