/**
 * Password reset through a one-time code sent to the person's phone or e-mail on record
 * (docs/identity.md). The request answers the same whether or not the national ID has an account
 * and a contact on that channel (no oracle); requests and guesses count against the login rate
 * limit; a code lives ten minutes and five wrong guesses void it; a reset ends every session.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { UserStatus } from '../../access/role.enum';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, DomainError } from '../../core/errors/domain-error';
import { RateLimits } from '../../core/rate-limit/rate-limits';
import { hashPassword } from '../passwords';
import { User } from '../user.entity';
import { AccountCodes } from './account-codes';
import { SessionsService } from '../sessions/sessions.service';
import { RequestPasswordResetInput, ResetPasswordInput, ResetChannel } from './recovery.inputs';
import { IDENTITY } from '../identity-messages';

const CODE_TTL_MS = 10 * 60_000;

@Injectable()
export class PasswordResetService {
  constructor(
    private readonly tx: Transactions,
    private readonly rateLimits: RateLimits,
    private readonly codes: AccountCodes,
    private readonly sessions: SessionsService,
  ) {}

  async request(ctx: RequestContext, input: RequestPasswordResetInput): Promise<boolean> {
    await this.rateLimits.consumeLogin(input.nationalId, ctx.ip);
    const channel = input.channel === ResetChannel.EMAIL ? 'email' : 'sms';
    const code = this.codes.newCode('password_reset');
    await this.tx.run(ctx, async (tx) => {
      const user = await tx.repo(User).findOneBy({ nationalId: input.nationalId });
      const contact = channel === 'email' ? user?.email : user?.phone;
      if (!user || user.status !== UserStatus.ACTIVE || !contact) return;
      const codeId = await this.codes.issue(tx, user.id, 'password_reset', channel, code, CODE_TTL_MS);
      tx.audit({ action: 'user.password_reset_requested', subjectType: 'User', subjectId: user.id, after: { channel, codeId } });
    });
    return true;
  }

  async reset(ctx: RequestContext, input: ResetPasswordInput): Promise<boolean> {
    await this.rateLimits.consumeLogin(input.nationalId, ctx.ip);
    const passwordHash = await hashPassword(input.newPassword);
    // A wrong guess is counted (and commits) before it is reported.
    const outcome = await this.tx.run(ctx, async (tx): Promise<DomainError | null> => {
      const user = await tx.repo(User).findOneBy({ nationalId: input.nationalId });
      const open = user ? await this.codes.open(tx, user.id, 'password_reset') : null;
      if (!user || !open || !(await this.codes.check(tx, open, input.code)))
        return BadUserInputError.field('code', IDENTITY.resetCodeWrong());
      await this.codes.spend(tx, open.id);
      await tx.repo(User).update(user.id, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await this.sessions.endAll(tx, user.id, 'credentials_changed');
      tx.audit({ action: 'user.password_reset', subjectType: 'User', subjectId: user.id, after: { codeId: open.id } });
      return null;
    });
    if (outcome) throw outcome;
    return true;
  }
}
