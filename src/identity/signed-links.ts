/**
 * Links to files that work without an Authorization header, for the caller, for
 * SIGNED_LINK_TTL_SECONDS (docs/evidence.md, "Signed links"): bound to the caller's session, so
 * that signing out or changing the password ends them too. RequestAuthenticator.fromRequestOrLink
 * reads them back; the object's own read rules still decide at download time.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { signLink } from '../core/crypto/link-signature';

@Injectable()
export class SignedLinks {
  constructor(@Inject(ADL_CONFIG) private readonly config: AdlConfig) {}

  /** The absolute signed URL of `path` for the caller, or null for a caller without a session. */
  forCaller(ctx: RequestContext, path: string): string | null {
    const actor = ctx.actor;
    if (!actor?.sessionId) return null;
    const expiresAt = new Date(ctx.now().getTime() + this.config.signedLinkTtlMs);
    return `${this.config.publicBaseUrl}${signLink(this.config.secretsKey, path, { userId: actor.id, sessionId: actor.sessionId }, expiresAt)}`;
  }
}
