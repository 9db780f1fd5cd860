/**
 * Configuration of the channels that carry notices to people (docs/notifications.md): e-mail over
 * SMTP with its delivery reports, and SMS through a provider's HTTP API with signed delivery
 * webhooks. Outside production, unset variables mean the development stand-ins (scripts/stand-ins/mail,
 * scripts/stand-ins/sms), which `npm start` runs itself when they point at the stand-ins' defaults.
 */

/** The development mail stand-in: its SMTP and HTTP sides, where its reports go, and how long after acceptance. */
export const MAIL_STAND_IN = {
  smtpUrl: 'smtp://localhost:2525',
  httpUrl: 'http://localhost:3300',
  reportRoute: 'smtp://localhost:2526',
  reportDelayMs: 1000,
} as const;

/** The development SMS provider stand-in: its API, Adl's key there, the webhooks' secret and timing. */
export const SMS_STAND_IN = {
  url: 'http://localhost:3400',
  apiKey: 'adl-development-sms-key',
  webhookSecret: 'adl-development-sms-webhook-secret',
  reportDelayMs: 1000,
  webhookRetryBaseMs: 1000,
  webhookMaxAttempts: 8,
} as const;

export interface MailReportsConfig {
  /** The envelope sender of notices: delivery reports and bounces come back to it. */
  bounceAddress: string;
  /** The worker's inbound SMTP port for those reports (BOUNCE_SMTP_PORT); null: none listens. */
  port: number | null;
  /** The address it listens on (BOUNCE_SMTP_HOST). */
  host: string;
}

export interface SmsConfig {
  /** The provider's API (SMS_PROVIDER_URL). */
  providerUrl: string;
  apiKey: string;
  webhookSecret: string;
  /** Where the provider sends delivery reports: SMS_CALLBACK_BASE_URL, by default PUBLIC_BASE_URL (+ /webhooks/sms). */
  callbackBaseUrl: string;
}

export interface MessagingEnv {
  nodeEnv: 'production' | 'development' | 'test';
  smtpUrl: string | null;
  smtpFrom: string;
  publicBaseUrl: string;
}

type Reader = {
  int(name: string, fallback: number): number;
  url(name: string, fallback: string, protocols: string[]): string;
  fail(message: string): never;
};

/** SMTP_URL; unset in development: the mail stand-in's (npm start runs it). */
export function smtpUrlOf(env: NodeJS.ProcessEnv, nodeEnv: MessagingEnv['nodeEnv'], read: Reader): string | null {
  if (env.SMTP_URL) return read.url('SMTP_URL', '', ['smtp:', 'smtps:']);
  return nodeEnv === 'development' ? MAIL_STAND_IN.smtpUrl : null;
}

export function mailReportsConfig(env: NodeJS.ProcessEnv, m: MessagingEnv, read: Reader): MailReportsConfig {
  const from = /<([^>]+)>/.exec(m.smtpFrom)?.[1] ?? m.smtpFrom;
  const bounceAddress = env.BOUNCE_ADDRESS || `bounces@${from.split('@')[1] ?? 'adl.localhost'}`;
  if (!/^[^@\s<>]+@[^@\s<>]+$/.test(bounceAddress)) read.fail(`BOUNCE_ADDRESS must be an e-mail address, got "${bounceAddress}".`);
  const standIn = m.nodeEnv === 'development' && m.smtpUrl === MAIL_STAND_IN.smtpUrl;
  const fallback = standIn ? Number(new URL(MAIL_STAND_IN.reportRoute).port) : -1;
  const port = env.BOUNCE_SMTP_PORT ? read.int('BOUNCE_SMTP_PORT', 0) : fallback;
  if (port > 65535) read.fail(`BOUNCE_SMTP_PORT must be a port number, got "${env.BOUNCE_SMTP_PORT}".`);
  return {
    bounceAddress,
    port: port < 0 ? null : port,
    host: env.BOUNCE_SMTP_HOST || (m.nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
  };
}

/** Unset in production: no SMS channel. Unset elsewhere: the stand-in provider at its default URL. */
export function smsConfig(env: NodeJS.ProcessEnv, m: MessagingEnv, read: Reader): SmsConfig | null {
  if (!env.SMS_PROVIDER_URL && m.nodeEnv === 'production') return null;
  const providerUrl = read.url('SMS_PROVIDER_URL', SMS_STAND_IN.url, ['http:', 'https:']).replace(/\/$/, '');
  if (m.nodeEnv === 'production') {
    // The key and the texts travel over TLS; only a provider on this machine (a sidecar) may do without it.
    const host = new URL(providerUrl).hostname;
    const loopback = host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
    if (!providerUrl.startsWith('https:') && !loopback) {
      read.fail(`SMS_PROVIDER_URL must use https: in production (or be on this machine), got "${providerUrl}".`);
    }
    for (const name of ['SMS_API_KEY', 'SMS_WEBHOOK_SECRET']) {
      if (!env[name]) read.fail(`${name} must be set when SMS_PROVIDER_URL is set in production.`);
    }
  }
  return {
    providerUrl,
    apiKey: env.SMS_API_KEY || SMS_STAND_IN.apiKey,
    webhookSecret: env.SMS_WEBHOOK_SECRET || SMS_STAND_IN.webhookSecret,
    callbackBaseUrl: read.url('SMS_CALLBACK_BASE_URL', m.publicBaseUrl, ['http:', 'https:']).replace(/\/$/, ''),
  };
}
