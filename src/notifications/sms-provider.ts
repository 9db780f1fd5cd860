/**
 * SMS goes through a provider behind this interface (docs/notifications.md, "SMS"). The one
 * implementation speaks the HTTP API that the development stand-in (scripts/stand-ins/sms) also
 * speaks: `POST <SMS_PROVIDER_URL>/messages` with HTTP Basic (the API key as user name) and JSON
 * {to, text, reference, statusCallback}; 202 means queued (SENT), and the delivery report comes
 * later by a signed webhook (sms-webhook.controller.ts). A 4xx is a refusal for good (a number
 * that cannot be reached, a text it will not take); a 5xx or a network failure may pass later.
 */
import { Logger } from '@nestjs/common';
import type { AdlConfig, SmsConfig } from '../core/config/config';
import { maskPhone } from '../core/text/address-mask';
import { DeliveryState } from './notification.enums';
import { PermanentSendError } from './send-errors';

export interface SmsMessage {
  /** E.164, +9665XXXXXXXX. */
  to: string;
  text: string;
  /** Our reference (a notice's attempt id), echoed in delivery reports. */
  reference: string;
}

export interface SmsResult {
  /** SENT when the provider took it; DELIVERED comes with its report. */
  state: DeliveryState.SENT;
  /** The provider's message id. */
  providerRef: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsResult>;
}

/** The SmsProvider, or null when there is no SMS channel. */
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** Where delivery reports come in: the API's route (sms-webhook.controller.ts). */
export const SMS_WEBHOOK_PATH = '/webhooks/sms';

export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';
  private readonly logger = new Logger(HttpSmsProvider.name);

  constructor(private readonly config: SmsConfig) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    const res = await fetch(`${this.config.providerUrl}/messages`, {
      method: 'POST',
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${this.config.apiKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ ...message, statusCallback: `${this.config.callbackBaseUrl}${SMS_WEBHOOK_PATH}` }),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: unknown; error?: string };
    if (res.status >= 400 && res.status < 500) {
      // 401 too: a wrong key is not mended by retrying, and the notice goes on by another channel.
      throw new PermanentSendError(
        `SMS provider refused the message: HTTP ${res.status} ${typeof body.error === 'string' ? body.error : ''}`.trim(),
      );
    }
    if (!res.ok || typeof body.id !== 'string') throw new Error(`SMS provider answered HTTP ${res.status}`);
    this.logger.log(`SMS to ${maskPhone(message.to)} queued as ${body.id}`);
    return { state: DeliveryState.SENT, providerRef: body.id };
  }
}

export function smsProviderFactory(config: AdlConfig): SmsProvider | null {
  return config.sms ? new HttpSmsProvider(config.sms) : null;
}
