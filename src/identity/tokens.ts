/**
 * Access tokens: short-lived JWTs (HS256) naming the user, the token version (bumped to revoke
 * every earlier token) and how the user authenticated (`amr`: password, or password + TOTP).
 * Permissions are never in the token: they are rebuilt from the database on every request.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import type { AuthLevel } from '../access/actor';

export interface AccessClaims {
  sub: string;
  tv: number;
  amr: AuthLevel;
}

@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

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
    try {
      const claims = this.jwt.verify<AccessClaims & { exp: number }>(token, { ignoreExpiration: true });
      if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') return null;
      if (claims.exp * 1000 <= now.getTime()) return null;
      return { sub: claims.sub, tv: claims.tv, amr: claims.amr === 'mfa' ? 'mfa' : 'password' };
    } catch {
      return null;
    }
  }
}
