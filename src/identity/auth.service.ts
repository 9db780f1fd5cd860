/**
 * Authentication: password (argon2) and TOTP login with lockout, two-factor enrolment, and
 * step-up checks (a fresh TOTP code for sensitive acts). Another way in, such as a national
 * OpenID Connect provider, only has to find the user (external_identities) and call issueSession.
 */
import { Inject, Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import type { RequestContext } from '../access/context/request-context';
import { Transactions } from '../core/database/transactions';
import { BadUserInputError, DomainError, UnauthenticatedError } from '../core/errors/domain-error';
import { RateLimits } from '../core/rate-limit/rate-limits';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthLevel } from '../access/actor';
import { ActorLoader } from './actor-loader';
import { AuthPayload, TwoFactorEnrollment } from './identity.models';
import { LoginInput } from './identity.inputs';
import { dummyHash, verifyPassword } from './passwords';
import { UserStatus } from '../access/role.enum';
import { SecretBox } from '../core/crypto/secret-box';
import { IssuedSession, SessionsService } from './sessions/sessions.service';
import { spendRecoveryCode } from './recovery/recovery-code-store';
import type { SignInMethod } from './sessions/sign-in-policy';
import { newTotpSecret, totpUri, verifyTotp } from './totp';
import { User } from './user.entity';
import { lockUser, UsersService } from './users.service';
import { IDENTITY } from './identity-messages';

const INVALID_CREDENTIALS = IDENTITY.invalidCredentials;

@Injectable()
export class AuthService {
  private readonly box: SecretBox;

  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    private readonly tx: Transactions,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimits,
    private readonly users: UsersService,
    private readonly actors: ActorLoader,
    private readonly abilities: AbilityFactory,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  async login(ctx: RequestContext, input: LoginInput, userAgent: string | null = null): Promise<AuthPayload> {
    await this.rateLimits.consumeLogin(input.nationalId, ctx.ip);
    const now = ctx.now();
    // Decide inside a transaction that locks the user row, so concurrent attempts count correctly;
    // a failure is committed (counter, lockout, audit) and only then reported.
    const outcome = await this.tx.run(ctx, async (tx): Promise<{ error: DomainError } | { user: User; authLevel: AuthLevel }> => {
      const user = await lockUser(tx, 'national_id', input.nationalId);
      if (!user) {
        await verifyPassword(await dummyHash(), input.password);
        return { error: new UnauthenticatedError(INVALID_CREDENTIALS()) };
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        return { error: this.lockedError(user.lockedUntil) };
      }
      if (user.status === UserStatus.INVITED) {
        await verifyPassword(await dummyHash(), input.password);
        return { error: new UnauthenticatedError(IDENTITY.notActivated()) };
      }
      if (user.status !== UserStatus.ACTIVE) {
        return { error: new UnauthenticatedError(IDENTITY.accountDisabled()) };
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        return { error: await this.recordFailure(tx, user, now, 'password') };
      }
      let authLevel: AuthLevel = 'password';
      if (user.totpEnabled) {
        if (!input.otp && input.recoveryCode) {
          const spent = await spendRecoveryCode(tx, user.id, input.recoveryCode);
          if (!spent) return { error: await this.recordFailure(tx, user, now, 'otp') };
          tx.audit({ action: 'user.recovery_code_used', subjectType: 'User', subjectId: user.id, after: { remaining: spent.remaining } });
        } else if (!input.otp) {
          return {
            error: new DomainError('UNAUTHENTICATED', IDENTITY.otpRequired(), {
              otpRequired: true,
            }),
          };
        } else {
          const step = await verifyTotp(this.box.open(user.totpSecret!), input.otp, now, user.totpLastStep);
          if (step === null) return { error: await this.recordFailure(tx, user, now, 'otp') };
          user.totpLastStep = step;
        }
        authLevel = 'mfa';
      }
      await tx.repo(User).update(user.id, {
        failedLoginCount: 0,
        lockedUntil: null,
        totpLastStep: user.totpLastStep,
      });
      tx.audit({ action: 'user.login', subjectType: 'User', subjectId: user.id, after: { authLevel } });
      return { user, authLevel };
    });
    if ('error' in outcome) throw outcome.error;
    return this.issueSession(ctx, outcome.user, outcome.authLevel, 'password', userAgent);
  }

  /** A new session, its tokens and the user's view: the end of every successful way in. */
  async issueSession(
    ctx: RequestContext,
    user: User,
    authLevel: AuthLevel,
    method: SignInMethod = 'password',
    userAgent: string | null = null,
  ): Promise<AuthPayload> {
    return this.payload(ctx, user.id, user.tokenVersion, await this.sessions.open(ctx, user, method, authLevel, userAgent));
  }

  /** A refresh token exchanged for new tokens (rotation; reuse ends the session). */
  async refreshSession(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const issued = await this.sessions.refresh(ctx, refreshToken);
    const [user] = await ctx.manager.query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [issued.userId]);
    return this.payload(ctx, issued.userId, user.token_version, issued);
  }

  /** The current session proves a second factor (a fresh TOTP code) and rises to mfa. */
  async elevateSession(ctx: RequestContext, otp: string): Promise<AuthPayload> {
    const actor = ctx.actor!;
    await this.verifyStepUp(ctx, otp);
    if (!actor.sessionId) throw new UnauthenticatedError(IDENTITY.sessionEnded());
    const [user] = await ctx.manager.query<{ token_version: number }[]>('SELECT token_version FROM users WHERE id = $1', [actor.id]);
    const issued = await this.sessions.elevate(ctx, actor.sessionId, { id: actor.id, tokenVersion: user.token_version });
    return this.payload(ctx, actor.id, user.token_version, issued);
  }

  private async payload(ctx: RequestContext, userId: string, tokenVersion: number, issued: IssuedSession): Promise<AuthPayload> {
    const actor = await this.actors.load(userId, tokenVersion, 'password', issued.sessionId);
    if (!actor) throw new UnauthenticatedError(IDENTITY.accountDisabled());
    const view = await this.users.viewById(ctx, userId);
    return {
      accessToken: issued.accessToken,
      expiresAt: issued.expiresAt,
      refreshToken: issued.refreshToken,
      refreshExpiresAt: issued.refreshExpiresAt,
      sessionId: issued.sessionId,
      withheldRoles: actor.withheldRoles ?? [],
      user: { ...view, viewerAbility: this.abilities.createFor(actor) },
    };
  }

  async enrollTwoFactor(ctx: RequestContext): Promise<TwoFactorEnrollment> {
    const actor = ctx.actor!;
    const secret = newTotpSecret();
    await this.tx.run(ctx, async (tx) => {
      const user = await tx.repo(User).findOneByOrFail({ id: actor.id });
      if (user.totpEnabled) throw BadUserInputError.field('twoFactor', IDENTITY.twoFactorAlreadyEnabled());
      await tx.repo(User).update(user.id, { totpPendingSecret: this.box.seal(secret) });
      tx.audit({ action: 'user.two_factor_enrollment_started', subjectType: 'User', subjectId: user.id });
    });
    const otpauthUri = totpUri(secret, actor.nationalId);
    return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri) };
  }

  async confirmTwoFactor(ctx: RequestContext, code: string): Promise<boolean> {
    const actor = ctx.actor!;
    return this.tx.run(ctx, async (tx) => {
      const user = (await lockUser(tx, 'id', actor.id))!;
      if (user.totpEnabled) throw BadUserInputError.field('twoFactor', IDENTITY.twoFactorAlreadyEnabled());
      if (!user.totpPendingSecret) throw BadUserInputError.field('code', IDENTITY.enrollFirst());
      const step = await verifyTotp(this.box.open(user.totpPendingSecret), code, ctx.now(), null);
      if (step === null) throw BadUserInputError.field('code', IDENTITY.notCurrentCode());
      await tx.repo(User).update(user.id, {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabled: true,
        totpLastStep: step,
      });
      tx.audit({
        action: 'user.two_factor_enabled',
        subjectType: 'User',
        subjectId: user.id,
        before: { totpEnabled: false },
        after: { totpEnabled: true },
      });
      return true;
    });
  }

  /**
   * Step-up: the actor proves presence with a fresh TOTP code (never one used before). For acts
   * that need strong authentication, such as self-issuing a power of attorney or signing.
   */
  async verifyStepUp(ctx: RequestContext, code: string | undefined, field = 'otp'): Promise<void> {
    const actor = ctx.actor;
    if (!actor) throw new UnauthenticatedError();
    await this.tx.run(ctx, async (tx) => {
      const user = (await lockUser(tx, 'id', actor.id))!;
      if (!user.totpEnabled || !user.totpSecret) throw BadUserInputError.field(field, IDENTITY.twoFactorNeeded());
      if (!code) throw BadUserInputError.field(field, IDENTITY.freshCodeNeeded());
      const step = await verifyTotp(this.box.open(user.totpSecret), code, ctx.now(), user.totpLastStep);
      if (step === null) throw BadUserInputError.field(field, IDENTITY.codeWrong());
      await tx.repo(User).update(user.id, { totpLastStep: step });
    });
  }

  private async recordFailure(tx: RequestContext, user: User, now: Date, factor: 'password' | 'otp'): Promise<DomainError> {
    const failures = user.failedLoginCount + 1;
    const { maxFailures, lockMinutes } = this.config.lockout;
    if (failures >= maxFailures) {
      const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000);
      await tx.repo(User).update(user.id, { failedLoginCount: 0, lockedUntil });
      tx.audit({
        action: 'user.locked',
        subjectType: 'User',
        subjectId: user.id,
        after: { lockedUntil: lockedUntil.toISOString(), failures },
      });
      return this.lockedError(lockedUntil);
    }
    await tx.repo(User).update(user.id, { failedLoginCount: failures });
    tx.audit({ action: 'user.login_failed', subjectType: 'User', subjectId: user.id, after: { factor, failures } });
    return new UnauthenticatedError(factor === 'otp' ? IDENTITY.otpWrong() : INVALID_CREDENTIALS());
  }

  private lockedError(until: Date): DomainError {
    return new DomainError('UNAUTHENTICATED', IDENTITY.locked({ until: until.toISOString() }), {
      lockedUntil: until.toISOString(),
    });
  }
}
