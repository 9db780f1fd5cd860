/**
 * Email through nodemailer over SMTP (SMTP_URL). Without SMTP_URL there is no email channel.
 * One connection per message, with bounded timeouts: the worker holds a row lock while it sends.
 */
import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per notice (`<id@domain>`), so a copy sent again after a crash can be recognised. */
  messageId: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
}

/** What the SMTP server said: accepted is SENT (its delivery is reported later, if at all). */
export interface MailResult {
  messageId: string;
  response: string;
}

/** An SMTP refusal worth no retry (5xx), as opposed to one that may pass later (4xx, network). */
export class PermanentMailError extends Error {}

@Injectable()
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(@Inject(ADL_CONFIG) private readonly config: AdlConfig) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** The address part of SMTP_FROM. */
  get fromAddress(): string {
    return /<([^>]+)>/.exec(this.config.smtpFrom)?.[1] ?? this.config.smtpFrom;
  }

  get fromName(): string {
    return this.config.smtpFrom.replace(/<[^>]*>/, '').trim() || 'Adl';
  }

  get domain(): string {
    return this.fromAddress.split('@')[1] ?? 'adl.localhost';
  }

  async send(message: MailMessage): Promise<MailResult> {
    if (!this.transport) throw new Error('no SMTP server is configured (SMTP_URL)');
    try {
      const info = await this.transport.sendMail({
        from: this.config.smtpFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        ...(message.calendar
          ? { icalEvent: { method: message.calendar.method, filename: message.calendar.filename, content: message.calendar.content } }
          : {}),
      });
      if (info.rejected?.length) throw new PermanentMailError(`rejected: ${String(info.response ?? '')}`);
      return { messageId: info.messageId, response: String(info.response ?? '') };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      if (err instanceof PermanentMailError || (code !== undefined && code >= 500)) {
        throw new PermanentMailError((err as Error).message);
      }
      throw err;
    }
  }
}
