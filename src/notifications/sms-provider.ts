/**
 * SMS goes through a provider behind this interface. The only one so far is the development
 * provider, which sends nothing: it keeps the messages in Redis (newest first, the last 1,000)
 * for developers and tests to read. Outside production it reports DELIVERED at once, like a
 * gateway's delivery receipt; production has no SMS channel until a real gateway is plugged in,
 * since a DELIVERED SMS counts as legal service.
 */
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AdlConfig } from '../core/config/config';
import type { RedisClient } from '../core/redis';
import { maskPhone } from '../core/text/address-mask';
import { DeliveryState } from './notification.enums';

export interface SmsMessage {
  /** E.164, +9665XXXXXXXX. */
  to: string;
  text: string;
  /** Our reference (the notification id), echoed in delivery receipts. */
  reference: string;
}

export interface SmsResult {
  /** SENT when the gateway accepted it; DELIVERED when the handset confirmed it. */
  state: DeliveryState.SENT | DeliveryState.DELIVERED;
  /** The gateway's message id. */
  providerRef: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsResult>;
}

/** The SmsProvider, or null when there is no SMS channel. */
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

export interface RecordedSms extends SmsMessage {
  providerRef: string;
  at: string;
}

export function devSmsKey(redisPrefix: string): string {
  return `${redisPrefix}:notifications:dev-sms`;
}

export class DevSmsProvider implements SmsProvider {
  readonly name = 'dev';
  private readonly logger = new Logger(DevSmsProvider.name);

  constructor(
    private readonly redisClient: RedisClient,
    private readonly redisPrefix: string,
  ) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    const providerRef = `dev-${randomUUID()}`;
    const record: RecordedSms = { ...message, providerRef, at: new Date().toISOString() };
    await this.redisClient.redis
      .multi()
      .lpush(devSmsKey(this.redisPrefix), JSON.stringify(record))
      .ltrim(devSmsKey(this.redisPrefix), 0, 999)
      .exec();
    this.logger.log(`SMS to ${maskPhone(message.to)} recorded (${message.reference})`);
    return { state: DeliveryState.DELIVERED, providerRef };
  }

  /** The recorded messages, newest first. */
  async recent(limit = 100): Promise<RecordedSms[]> {
    const rows = await this.redisClient.redis.lrange(devSmsKey(this.redisPrefix), 0, limit - 1);
    return rows.map((r) => JSON.parse(r) as RecordedSms);
  }
}

export function smsProviderFactory(config: AdlConfig, redisClient: RedisClient): SmsProvider | null {
  return config.env === 'production' ? null : new DevSmsProvider(redisClient, config.redisPrefix);
}
