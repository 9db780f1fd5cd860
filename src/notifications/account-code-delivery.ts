/**
 * Delivers the identity wing's one-time account codes (a password-reset code by SMS or e-mail, an
 * activation link by e-mail) through this wing's channels. Not a notice: nothing is kept in the
 * person's notices, and the sealed code is forgotten once the channel has taken it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { AccountCodes } from '../identity';
import { Mailer } from './mailer';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';

@Injectable()
export class AccountCodeDelivery {
  constructor(
    private readonly contexts: RequestContextFactory,
    private readonly codes: AccountCodes,
    private readonly mailer: Mailer,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider | null,
  ) {}

  async deliver(codeId: string, meta: { jobId: string }): Promise<void> {
    const ctx = this.contexts.forActor(`job:${meta.jobId}`, null);
    const message = await this.codes.message(ctx, codeId);
    if (!message) return;
    if (message.channel === 'sms') {
      if (!this.sms) throw new Error('no SMS channel is configured for account codes');
      await this.sms.send({ to: message.to, text: message.text, reference: `account-code:${codeId}` });
    } else {
      await this.mailer.send({
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<account-code-${codeId}@${this.mailer.domain}>`,
      });
    }
    await this.codes.sent(ctx, codeId);
  }
}
