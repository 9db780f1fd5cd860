/**
 * One-time account codes that travel outside the platform (docs/identity.md): issued in the
 * caller's transaction (voiding the person's earlier open code for the purpose), kept as an HMAC,
 * with the code sealed for the delivery job (identity.deliver-account-code) until it has been sent.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { SecretBox } from '../../core/crypto/secret-box';
import { updatedRows } from '../../core/database/plain-rows';

export type AccountCodePurpose = 'password_reset' | 'activation';
export type AccountCodeChannel = 'sms' | 'email';

/** Wrong guesses after which a code is void. */
export const MAX_CODE_ATTEMPTS = 5;

export interface OpenCode {
  id: string;
  userId: string;
  failedAttempts: number;
}

@Injectable()
export class AccountCodes {
  private readonly box: SecretBox;

  constructor(@Inject(ADL_CONFIG) private readonly config: AdlConfig) {
    this.box = new SecretBox(config.secretsKey);
  }

  /** A six-digit code (password reset) or a 43-character link token (activation). */
  newCode(purpose: AccountCodePurpose): string {
    return purpose === 'activation' ? randomBytes(32).toString('base64url') : String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  hashOf(code: string): Buffer {
    return createHmac('sha256', `adl:account-code:${this.config.secretsKey}`).update(code).digest();
  }

  /** Records a code and asks for its delivery (after commit, through the outbox). */
  async issue(
    tx: RequestContext,
    userId: string,
    purpose: AccountCodePurpose,
    channel: AccountCodeChannel,
    code: string,
    ttlMs: number,
  ): Promise<string> {
    const now = tx.now();
    await tx.manager.query(
      `UPDATE account_codes SET voided_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND voided_at IS NULL`,
      [userId, purpose, now],
    );
    const [row] = await tx.manager.query<{ id: string }[]>(
      `INSERT INTO account_codes (user_id, purpose, channel, code_hash, sealed_code, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [userId, purpose, channel, this.hashOf(code), this.box.seal(code), now, new Date(now.getTime() + ttlMs)],
    );
    tx.emit({ topic: 'identity.deliver-account-code', payload: { codeId: row.id }, key: `account-code:${row.id}` });
    return row.id;
  }

  /** The person's open, unexpired code for the purpose, locked for the check. */
  async open(tx: RequestContext, userId: string, purpose: AccountCodePurpose): Promise<OpenCode | null> {
    const [row] = await tx.manager.query<OpenCode[]>(
      `SELECT id, user_id AS "userId", failed_attempts AS "failedAttempts" FROM account_codes
        WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $3
        FOR UPDATE`,
      [userId, purpose, tx.now()],
    );
    return row ?? null;
  }

  /** The open, unexpired code with this value (link tokens are looked up by value alone). */
  async byValue(tx: RequestContext, code: string, purpose: AccountCodePurpose): Promise<OpenCode | null> {
    const [row] = await tx.manager.query<OpenCode[]>(
      `SELECT id, user_id AS "userId", failed_attempts AS "failedAttempts" FROM account_codes
        WHERE code_hash = $1 AND purpose = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $3
        FOR UPDATE`,
      [this.hashOf(code), purpose, tx.now()],
    );
    return row ?? null;
  }

  /** Whether `code` is the open code's value; a wrong guess counts, and the last one voids it. */
  async check(tx: RequestContext, open: OpenCode, code: string): Promise<boolean> {
    const [row] = await tx.manager.query<{ matches: boolean }[]>(`SELECT code_hash = $2 AS matches FROM account_codes WHERE id = $1`, [
      open.id,
      this.hashOf(code),
    ]);
    if (row.matches) return true;
    await tx.manager.query(
      `UPDATE account_codes SET failed_attempts = failed_attempts + 1,
              voided_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz END
        WHERE id = $1`,
      [open.id, MAX_CODE_ATTEMPTS, tx.now()],
    );
    return false;
  }

  async spend(tx: RequestContext, codeId: string): Promise<void> {
    await updatedRows(tx.manager, `UPDATE account_codes SET used_at = $2, sealed_code = NULL WHERE id = $1 RETURNING id`, [
      codeId,
      tx.now(),
    ]);
  }

  /**
   * For the delivery job: the message of a code not yet sent, or null (sent already, used, void
   * or expired, or the contact is gone). Read outside any transaction: the job only reads.
   */
  async message(ctx: RequestContext, codeId: string): Promise<AccountCodeMessage | null> {
    const [row] = await ctx.manager.query<
      { purpose: AccountCodePurpose; channel: AccountCodeChannel; sealed_code: string; to: string | null }[]
    >(
      `SELECT c.purpose, c.channel, c.sealed_code, CASE c.channel WHEN 'sms' THEN u.phone ELSE u.email END AS "to"
         FROM account_codes c JOIN users u ON u.id = c.user_id
        WHERE c.id = $1 AND c.sealed_code IS NOT NULL AND c.used_at IS NULL AND c.voided_at IS NULL AND c.expires_at > $2`,
      [codeId, ctx.now()],
    );
    if (!row?.to) return null;
    const code = this.box.open(row.sealed_code);
    if (row.purpose === 'activation') {
      const link = `${this.config.publicBaseUrl}/activate#token=${code}`;
      return {
        channel: row.channel,
        to: row.to,
        subject: 'تفعيل حسابك في عدل — Activate your Adl account',
        text: `دُعيت إلى منصة عدل. اختر كلمة مرورك خلال ثلاثة أيام من هذا الرابط:\n${link}\n\nYou have been invited to Adl. Choose your password within three days at:\n${link}\n`,
      };
    }
    return {
      channel: row.channel,
      to: row.to,
      subject: 'رمز إعادة تعيين كلمة المرور — Adl password reset code',
      text: `رمز إعادة تعيين كلمة المرور في عدل: ${code} (صالح عشر دقائق). Adl password reset code: ${code} (valid 10 minutes).`,
    };
  }

  /** The code was handed to the channel: its sealed copy is forgotten. */
  async sent(ctx: RequestContext, codeId: string): Promise<void> {
    await ctx.manager.query(`UPDATE account_codes SET sealed_code = NULL WHERE id = $1`, [codeId]);
  }
}

/** What the delivery job sends: to whom, on which channel, and the words (Arabic, then English). */
export interface AccountCodeMessage {
  channel: AccountCodeChannel;
  to: string;
  subject: string;
  text: string;
}
