/**
 * Sign-in sessions (docs/identity.md). Every way in ends in `open`: a session row, a refresh token
 * and a short-lived access token naming the session. `refresh` rotates: the token presented is
 * spent and a new one issued; presenting a spent token again means someone else holds a copy, so
 * the whole session ends at once (for the thief and for the person). A person lists their live
 * sessions and ends any of them; an ended session's access tokens stop working on the next request.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthLevel } from '../../access/actor';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { updatedRows } from '../../core/database/plain-rows';
import { Transactions } from '../../core/database/transactions';
import { DomainError, NotFoundError, UnauthenticatedError } from '../../core/errors/domain-error';
import { TokenService } from '../tokens';
import type { SignInMethod } from './sign-in-policy';
import { IDENTITY } from '../identity-messages';

const DAY_MS = 86_400_000;
const USER_AGENT_MAX = 512;

export type SessionEndReason =
  'logout' | 'ended_by_user' | 'refresh_token_reused' | 'credentials_changed' | 'account_disabled' | 'two_factor_reset';

/** What a client keeps after a sign-in or a refresh. */
export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface SessionRow {
  id: string;
  method: SignInMethod;
  authLevel: AuthLevel;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

interface PresentedToken {
  session_id: string;
  user_id: string;
  token_version: number;
  status: string;
  spent_at: Date | null;
  ended_at: Date | null;
  expires_at: Date;
  last_used_at: Date;
  auth_level: AuthLevel;
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

@Injectable()
export class SessionsService {
  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    private readonly tx: Transactions,
    private readonly tokens: TokenService,
  ) {}

  /** A new session for a user who just proved who they are, with its first tokens. */
  async open(
    ctx: RequestContext,
    user: { id: string; tokenVersion: number },
    method: SignInMethod,
    authLevel: AuthLevel,
    userAgent: string | null = null,
  ): Promise<IssuedSession> {
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + this.config.sessions.ttlDays * DAY_MS);
    return this.tx.run(ctx, async (tx) => {
      const [row] = await tx.manager.query<{ id: string }[]>(
        `INSERT INTO sessions (user_id, method, auth_level, ip, user_agent, created_at, last_used_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
        [user.id, method, authLevel, ctx.ip, userAgent?.slice(0, USER_AGENT_MAX) ?? null, now, expiresAt],
      );
      tx.audit({ action: 'session.opened', subjectType: 'User', subjectId: user.id, after: { sessionId: row.id, method, authLevel } });
      return this.issue(tx.manager, row.id, user, authLevel, now, expiresAt);
    });
  }

  /** Rotates a refresh token: new tokens for a live session, or the session's end on reuse. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<IssuedSession & { userId: string }> {
    const now = ctx.now();
    const outcome = await this.tx.run(ctx, async (tx): Promise<{ error: DomainError } | (IssuedSession & { userId: string })> => {
      const [found] = await tx.manager.query<PresentedToken[]>(
        `SELECT r.session_id, r.spent_at, s.user_id, s.ended_at, s.expires_at, s.last_used_at, s.auth_level,
                u.token_version, u.status
           FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id
          WHERE r.token_hash = $1
          FOR UPDATE OF r, s`,
        [hashOf(refreshToken)],
      );
      if (!found || found.ended_at) return { error: new UnauthenticatedError(IDENTITY.refreshInvalid()) };
      if (found.spent_at) {
        await this.endRow(tx, found.session_id, found.user_id, 'refresh_token_reused', now);
        return { error: new UnauthenticatedError(IDENTITY.refreshInvalid()) };
      }
      const idleUntil = found.last_used_at.getTime() + this.config.sessions.idleDays * DAY_MS;
      if (found.expires_at <= now || idleUntil <= now.getTime() || found.status !== 'ACTIVE') {
        return { error: new UnauthenticatedError(IDENTITY.refreshInvalid()) };
      }
      await tx.manager.query(`UPDATE refresh_tokens SET spent_at = $2 WHERE token_hash = $1`, [hashOf(refreshToken), now]);
      await tx.manager.query(`UPDATE sessions SET last_used_at = $2 WHERE id = $1`, [found.session_id, now]);
      const user = { id: found.user_id, tokenVersion: found.token_version };
      const issued = await this.issue(tx.manager, found.session_id, user, found.auth_level, now, found.expires_at);
      return { ...issued, userId: found.user_id };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome;
  }

  /**
   * The session proved a second factor (checked by the caller): its level rises to mfa, and every
   * refresh token it held is spent in favour of the one returned.
   */
  async elevate(ctx: RequestContext, sessionId: string, user: { id: string; tokenVersion: number }): Promise<IssuedSession> {
    const now = ctx.now();
    return this.tx.run(ctx, async (tx) => {
      const [row] = await updatedRows<{ expires_at: Date }>(
        tx.manager,
        `UPDATE sessions SET auth_level = 'mfa', last_used_at = $3
          WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING expires_at`,
        [sessionId, user.id, now],
      );
      if (!row) throw new UnauthenticatedError(IDENTITY.sessionEnded());
      await tx.manager.query(`UPDATE refresh_tokens SET spent_at = $2 WHERE session_id = $1 AND spent_at IS NULL`, [sessionId, now]);
      tx.audit({ action: 'session.elevated', subjectType: 'User', subjectId: user.id, after: { sessionId, authLevel: 'mfa' } });
      return this.issue(tx.manager, sessionId, user, 'mfa', now, row.expires_at);
    });
  }

  /** The person's live sessions, newest first. */
  async mine(ctx: RequestContext): Promise<SessionRow[]> {
    const now = ctx.now();
    const idleSince = new Date(now.getTime() - this.config.sessions.idleDays * DAY_MS);
    return ctx.manager.query<SessionRow[]>(
      `SELECT id, method, auth_level AS "authLevel", ip, user_agent AS "userAgent", created_at AS "createdAt",
              last_used_at AS "lastUsedAt", expires_at AS "expiresAt"
         FROM sessions
        WHERE user_id = $1 AND ended_at IS NULL AND expires_at > $2 AND last_used_at > $3
        ORDER BY created_at DESC, id DESC`,
      [ctx.actor!.id, now, idleSince],
    );
  }

  /**
   * Ends one of the caller's sessions. Someone else's session, or one that does not exist, is
   * NOT_FOUND alike (docs/api.md, not found).
   */
  async end(ctx: RequestContext, sessionId: string, reason: SessionEndReason): Promise<boolean> {
    return this.tx.run(ctx, async (tx) => {
      const ended = await this.endRow(tx, sessionId, ctx.actor!.id, reason, ctx.now());
      if (!ended) throw new NotFoundError(IDENTITY.sessionNotFound());
      return true;
    });
  }

  /**
   * Ends every live session of a user (an account disabled, a password changed or reset, a second
   * factor reset), but `keep`, the session of the request that changed the password.
   */
  async endAll(ctx: RequestContext, userId: string, reason: SessionEndReason, keep: string | null = null): Promise<number> {
    return this.tx.run(ctx, async (tx) => {
      const rows = await updatedRows<{ id: string }>(
        tx.manager,
        `UPDATE sessions SET ended_at = $2, ended_reason = $3
          WHERE user_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $4::uuid RETURNING id`,
        [userId, ctx.now(), reason, keep],
      );
      if (rows.length)
        tx.audit({ action: 'session.ended_all', subjectType: 'User', subjectId: userId, after: { reason, count: rows.length } });
      return rows.length;
    });
  }

  private async endRow(tx: RequestContext, sessionId: string, userId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
    const rows = await updatedRows<{ id: string }>(
      tx.manager,
      `UPDATE sessions SET ended_at = $3, ended_reason = $4 WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id`,
      [sessionId, userId, now, reason],
    );
    if (!rows.length) return false;
    tx.audit({ action: 'session.ended', subjectType: 'User', subjectId: userId, after: { sessionId, reason } });
    return true;
  }

  private async issue(
    manager: EntityManager,
    sessionId: string,
    user: { id: string; tokenVersion: number },
    authLevel: AuthLevel,
    now: Date,
    refreshExpiresAt: Date,
  ): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.query(`INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES ($1, $2, $3)`, [
      hashOf(refreshToken),
      sessionId,
      now,
    ]);
    const { accessToken, expiresAt } = this.tokens.issue({ sub: user.id, sid: sessionId, tv: user.tokenVersion, amr: authLevel }, now);
    return { sessionId, accessToken, expiresAt, refreshToken, refreshExpiresAt };
  }
}
