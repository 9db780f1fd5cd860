/**
 * Access tokens: short-lived JWTs (HS256) naming the user, their session (`sid`: ended sessions'
 * tokens stop working at once), the token version (bumped to revoke every earlier token) and how
 * the user authenticated (`amr`: password, or password + TOTP). Permissions are never in the
 * token: they are rebuilt from the database on every request (docs/identity.md).
 */
import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { remember } from '../core/cache/bounded';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import type { AuthLevel } from '../access/actor';

export interface AccessClaims {
  sub: string;
  /** The session (sessions table) the token belongs to. */
  sid: string;
  tv: number;
  amr: AuthLevel;
}

/** Tokens whose signature and claims were checked, kept so that a client's next requests skip the check. */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * Token text → its checked claims and expiry (ms), oldest first. Only expiry is judged again on
   * each use; everything else a token says is fixed by its signature, and what can change (the
   * token version, the account, its roles and powers) is read from the database on every request.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(@Inject(ADL_CONFIG) private readonly config: AdlConfig) {
    this.jwt = new JwtService({
      // A key object, not a string: jsonwebtoken tries to parse a string secret as a public key
      // on every verification first, which costs more than the signature itself.
      secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      signOptions: { algorithm: 'HS256', issuer: 'adl', audience: 'adl-api' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'adl', audience: 'adl-api' },
    });
  }

  issue(claims: AccessClaims, now: Date): { accessToken: string; expiresAt: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.jwtTtlSeconds;
    const accessToken = this.jwt.sign({ ...claims, iat, exp });
    return { accessToken, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a valid token, or null. Expiry is judged against `now` (the platform clock). */
  verify(token: string, now: Date): AccessClaims | null {
    let found = this.verified.get(token);
    if (!found) {
      const checked = this.check(token);
      if (!checked) return null;
      found = remember(this.verified, VERIFIED_TOKENS, token, checked);
    }
    return found.expiresAt <= now.getTime() ? null : found.claims;
  }

  /** Signature, algorithm, issuer, audience and claim types; expiry is left to the caller's clock. */
  private check(token: string): { claims: AccessClaims; expiresAt: number } | null {
    try {
      const claims = this.jwt.verify<AccessClaims & { exp: number }>(token, { ignoreExpiration: true });
      if (
        typeof claims.sub !== 'string' ||
        typeof claims.sid !== 'string' ||
        typeof claims.tv !== 'number' ||
        typeof claims.exp !== 'number'
      ) {
        return null;
      }
      return {
        claims: { sub: claims.sub, sid: claims.sid, tv: claims.tv, amr: claims.amr === 'mfa' ? 'mfa' : 'password' },
        expiresAt: claims.exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
