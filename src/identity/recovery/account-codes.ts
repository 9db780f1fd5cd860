/**
 * One-time account codes that travel outside the platform (docs/identity.md): issued in the
 * caller's transaction (voiding the person's earlier open code for the purpose), kept as an HMAC,
 * with the code sealed for the delivery job (identity.deliver-account-code) until it has been sent.
 * A code belongs to a user, or to a registration (a person the registry knows, with no account yet).
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { SecretBox } from '../../core/crypto/secret-box';
import { updatedRows } from '../../core/database/plain-rows';

export type AccountCodePurpose = 'password_reset' | 'activation' | 'registration';
export type AccountCodeChannel = 'sms' | 'email';

/** Wrong guesses after which a code is void. */
export const MAX_CODE_ATTEMPTS = 5;

export interface OpenCode {
  id: string;
  /** Null for a registration's code. */
  userId: string | null;
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
    await tx.manager.query(
      `UPDATE account_codes SET voided_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND voided_at IS NULL`,
      [userId, purpose, tx.now()],
    );
    return this.insert(tx, { userId, registrationId: null }, purpose, channel, code, ttlMs);
  }

  /** A registration's code, by SMS to the phone the registry holds (registration/registrations.service.ts). */
  issueForRegistration(tx: RequestContext, registrationId: string, code: string, ttlMs: number): Promise<string> {
    return this.insert(tx, { userId: null, registrationId }, 'registration', 'sms', code, ttlMs);
  }

  private async insert(
    tx: RequestContext,
    owner: { userId: string | null; registrationId: string | null },
    purpose: AccountCodePurpose,
    channel: AccountCodeChannel,
    code: string,
    ttlMs: number,
  ): Promise<string> {
    const now = tx.now();
    const [row] = await tx.manager.query<{ id: string }[]>(
      `INSERT INTO account_codes (user_id, registration_id, purpose, channel, code_hash, sealed_code, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [owner.userId, owner.registrationId, purpose, channel, this.hashOf(code), this.box.seal(code), now, new Date(now.getTime() + ttlMs)],
    );
    tx.emit({ topic: 'identity.deliver-account-code', payload: { codeId: row.id }, key: `account-code:${row.id}` });
    return row.id;
  }

  /** A registration's open, unexpired code, locked for the check. */
  async openForRegistration(tx: RequestContext, registrationId: string): Promise<OpenCode | null> {
    const [row] = await tx.manager.query<OpenCode[]>(
      `SELECT id, user_id AS "userId", failed_attempts AS "failedAttempts" FROM account_codes
        WHERE registration_id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $2
        FOR UPDATE`,
      [registrationId, tx.now()],
    );
    return row ?? null;
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
      { purpose: AccountCodePurpose; channel: AccountCodeChannel; sealed_code: string; to: string | null; has_account: boolean }[]
    >(
      `SELECT c.purpose, c.channel, c.sealed_code, r.existing_user_id IS NOT NULL AS has_account,
              CASE WHEN r.id IS NOT NULL THEN r.phone WHEN c.channel = 'sms' THEN u.phone ELSE u.email END AS "to"
         FROM account_codes c LEFT JOIN users u ON u.id = c.user_id LEFT JOIN registrations r ON r.id = c.registration_id
        WHERE c.id = $1 AND c.sealed_code IS NOT NULL AND c.used_at IS NULL AND c.voided_at IS NULL AND c.expires_at > $2`,
      [codeId, ctx.now()],
    );
    if (!row?.to) return null;
    const code = this.box.open(row.sealed_code);
    return { channel: row.channel, to: row.to, ...this.words(row.purpose, code, row.has_account) };
  }

  private words(purpose: AccountCodePurpose, code: string, hasAccount: boolean): { subject: string; text: string } {
    if (purpose === 'activation') {
      const link = `${this.config.publicBaseUrl}/activate#token=${code}`;
      return {
        subject: 'تفعيل حسابك في عدل — Activate your Adl account',
        text: `دُعيت إلى منصة عدل. اختر كلمة مرورك خلال ثلاثة أيام من هذا الرابط:\n${link}\n\nYou have been invited to Adl. Choose your password within three days at:\n${link}\n`,
      };
    }
    if (purpose === 'registration' && hasAccount) {
      // No code: the number already has an account, and whoever asked learns nothing from the answer.
      return {
        subject: 'حسابك في عدل — Your Adl account',
        text: 'طُلب تسجيل حساب جديد في عدل برقم هويتك، ولك حساب قائم: ادخل بالنفاذ الوطني أو أعد تعيين كلمة المرور. An Adl registration was asked for your national ID, which already has an account: sign in nationally or reset your password.',
      };
    }
    if (purpose === 'registration') {
      return {
        subject: 'رمز التحقق لتسجيلك في عدل — Adl registration code',
        text: `رمز التحقق لتسجيلك في عدل: ${code} (صالح عشر دقائق). Adl registration code: ${code} (valid 10 minutes).`,
      };
    }
    return {
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
