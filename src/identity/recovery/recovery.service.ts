/**
 * Ways back into an account (docs/identity.md): changing the password with the current one,
 * one-time recovery codes for a lost authenticator, and the reset of someone's second factor by
 * two system administrators (one requests, another approves). Each ends the sessions it must and
 * is in the audit trail.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { updatedRows } from '../../core/database/plain-rows';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../core/errors/domain-error';
import { RateLimits } from '../../core/rate-limit/rate-limits';
import { AuthService } from '../auth.service';
import { UserSubject } from '../identity.subjects';
import { hashPassword, verifyPassword } from '../passwords';
import { User } from '../user.entity';
import { UsersService } from '../users.service';
import { SessionsService } from '../sessions/sessions.service';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import { ChangePasswordInput, RequestTwoFactorResetInput } from './recovery.inputs';
import { TwoFactorReset } from './recovery.models';
import { IDENTITY } from '../identity-messages';

interface ResetRow {
  id: string;
  userId: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const RESET_COLUMNS = `id, user_id AS "userId", reason, requested_by AS "requestedBy", requested_at AS "requestedAt",
  approved_by AS "approvedBy", approved_at AS "approvedAt"`;

@Injectable()
export class RecoveryService {
  constructor(
    private readonly tx: Transactions,
    private readonly rateLimits: RateLimits,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  /** A new password, proved by the current one; every other session of the person ends. */
  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const actor = ctx.actor!;
    // Guessing the current password through this door counts against the same limit as login.
    await this.rateLimits.consumeLogin(actor.nationalId, ctx.ip);
    const user = await ctx.repo(User).findOneByOrFail({ id: actor.id });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw BadUserInputError.field('currentPassword', IDENTITY.notCurrentPassword());
    }
    if (input.newPassword === input.currentPassword) throw BadUserInputError.field('newPassword', IDENTITY.samePassword());
    const passwordHash = await hashPassword(input.newPassword);
    return this.tx.run(ctx, async (tx) => {
      await tx.repo(User).update(actor.id, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      const ended = await this.sessions.endAll(tx, actor.id, 'credentials_changed', actor.sessionId ?? null);
      tx.audit({ action: 'user.password_changed', subjectType: 'User', subjectId: actor.id, after: { otherSessionsEnded: ended } });
      return true;
    });
  }

  /**
   * A fresh set of recovery codes (the earlier set stops working), proved by a fresh TOTP code.
   * The codes are answered once and kept only hashed.
   */
  async generateRecoveryCodes(ctx: RequestContext, otp: string): Promise<string[]> {
    const actor = ctx.actor!;
    await this.auth.verifyStepUp(ctx, otp);
    const codes = newRecoveryCodes();
    await this.tx.run(ctx, async (tx) => {
      await tx.manager.query('DELETE FROM recovery_codes WHERE user_id = $1', [actor.id]);
      await tx.manager.query(`INSERT INTO recovery_codes (user_id, code_hash, created_at) SELECT $1, h, $3 FROM unnest($2::bytea[]) AS h`, [
        actor.id,
        codes.map(recoveryCodeHash),
        tx.now(),
      ]);
      tx.audit({ action: 'user.recovery_codes_generated', subjectType: 'User', subjectId: actor.id, after: { count: codes.length } });
    });
    return codes;
  }

  /** A system administrator asks for someone's second factor to be reset; another must approve. */
  async requestTwoFactorReset(ctx: RequestContext, input: RequestTwoFactorResetInput): Promise<TwoFactorReset> {
    authorize(ctx, 'update', 'User', undefined, 'twoFactor');
    return this.tx.run(ctx, async (tx) => {
      const view = await this.users.user(tx, input.userId);
      authorize(tx, 'update', 'User', UserSubject.shapeOf(view), 'twoFactor');
      if (!view.twoFactorEnabled) throw BadUserInputError.field('userId', IDENTITY.noSecondFactor());
      const [open] = await tx.manager.query<{ id: string }[]>(
        'SELECT id FROM two_factor_resets WHERE user_id = $1 AND approved_at IS NULL',
        [input.userId],
      );
      if (open) throw BadUserInputError.field('userId', IDENTITY.resetAwaiting());
      const [row] = await tx.manager.query<ResetRow[]>(
        `INSERT INTO two_factor_resets (user_id, reason, requested_by, requested_at) VALUES ($1, $2, $3, $4) RETURNING ${RESET_COLUMNS}`,
        [input.userId, input.reason, ctx.actor!.id, tx.now()],
      );
      tx.audit({ action: 'user.two_factor_reset_requested', subjectType: 'User', subjectId: input.userId, after: { resetId: row.id } });
      return row;
    });
  }

  /**
   * The second administrator approves: the person's authenticator, recovery codes and sessions
   * are gone, and they enrol again after signing in with their password.
   */
  async approveTwoFactorReset(ctx: RequestContext, resetId: string): Promise<TwoFactorReset> {
    authorize(ctx, 'update', 'User', undefined, 'twoFactor');
    return this.tx.run(ctx, async (tx) => {
      const [found] = await tx.manager.query<ResetRow[]>(`SELECT ${RESET_COLUMNS} FROM two_factor_resets WHERE id = $1 FOR UPDATE`, [
        resetId,
      ]);
      if (!found || found.approvedAt) throw new NotFoundError(IDENTITY.resetNotFound());
      const view = await this.users.user(tx, found.userId);
      authorize(tx, 'update', 'User', UserSubject.shapeOf(view), 'twoFactor');
      if (found.requestedBy === ctx.actor!.id) throw new ForbiddenError(IDENTITY.secondAdminNeeded());
      const [row] = await updatedRows<ResetRow>(
        tx.manager,
        `UPDATE two_factor_resets SET approved_by = $2, approved_at = $3 WHERE id = $1 RETURNING ${RESET_COLUMNS}`,
        [resetId, ctx.actor!.id, tx.now()],
      );
      await tx.repo(User).update(found.userId, { totpEnabled: false, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
      await tx.manager.query('DELETE FROM recovery_codes WHERE user_id = $1', [found.userId]);
      await this.sessions.endAll(tx, found.userId, 'two_factor_reset');
      tx.audit({
        action: 'user.two_factor_reset',
        subjectType: 'User',
        subjectId: found.userId,
        before: { totpEnabled: true },
        after: { totpEnabled: false, resetId, requestedBy: found.requestedBy, approvedBy: ctx.actor!.id },
      });
      return row;
    });
  }

  /** Resets awaiting a second administrator, oldest first. */
  async pendingTwoFactorResets(ctx: RequestContext): Promise<TwoFactorReset[]> {
    authorize(ctx, 'update', 'User', undefined, 'twoFactor');
    return ctx.manager.query<ResetRow[]>(
      `SELECT ${RESET_COLUMNS} FROM two_factor_resets WHERE approved_at IS NULL ORDER BY requested_at, id LIMIT 200`,
    );
  }
}
