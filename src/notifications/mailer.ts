/**
 * Email through nodemailer over SMTP (SMTP_URL). Without SMTP_URL there is no email channel.
 * One connection per message, with bounded timeouts: the worker holds a row lock while it sends.
 *
 * A notice's message asks for delivery reports (RFC 3461: NOTIFY=SUCCESS,FAILURE, with its
 * attempt's id as ENVID) and travels with the bounce address as envelope sender, so that the
 * reports and bounces come back to the worker's inbound SMTP port (mail-reports.receiver.ts).
 * The server's answer decides the rest: 250 is SENT, a 5xx is a failure for good, anything else
 * (a 4xx, a broken connection) is worth another try.
 */
import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { PermanentSendError } from './send-errors';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per notice (`<id@domain>`), so a copy sent again after a crash can be recognised. */
  messageId: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
  /** The attempt the message is: asks for delivery reports that name it (ENVID). */
  envelopeId?: string;
}

/** What the SMTP server said: accepted is SENT (its delivery is reported later, if at all). */
export interface MailResult {
  messageId: string;
  response: string;
}

/** An SMTP refusal worth no retry (5xx), as opposed to one that may pass later (4xx, network). */
export class PermanentMailError extends PermanentSendError {}

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
        ...(message.envelopeId
          ? {
              envelope: { from: this.config.mailReports.bounceAddress, to: [message.to] },
              dsn: { id: message.envelopeId, return: 'headers', notify: ['success', 'failure'], recipient: message.to },
            }
          : {}),
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
