/**
 * Runs the development SMS provider stand-in (scripts/stand-ins/sms, docs/notifications.md) as a
 * child process (stand-in-process.ts): `npm start` does in development when SMS_PROVIDER_URL is
 * unset or the stand-in's default URL, and the tests' global set-up does on a free port.
 */
import { AdlConfig, SMS_STAND_IN } from './core/config/config';
import { standInScript, startStandInProcess } from './stand-in-process';

export interface SmsStandInHandle {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface SmsStandInOptions {
  url: string;
  apiKey: string;
  webhookSecret: string;
  reportDelayMs?: number;
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  startTimeoutMs?: number;
}

export async function startSmsStandIn(options: SmsStandInOptions): Promise<SmsStandInHandle> {
  const url = options.url.replace(/\/$/, '');
  const { pid, stop } = await startStandInProcess({
    name: 'the SMS stand-in',
    script: standInScript('sms'),
    env: {
      SMS_PROVIDER_URL: url,
      SMS_API_KEY: options.apiKey,
      SMS_WEBHOOK_SECRET: options.webhookSecret,
      SMS_STAND_IN_REPORT_DELAY_MS: String(options.reportDelayMs ?? SMS_STAND_IN.reportDelayMs),
      SMS_WEBHOOK_RETRY_BASE_MS: String(options.webhookRetryBaseMs ?? SMS_STAND_IN.webhookRetryBaseMs),
      SMS_WEBHOOK_MAX_ATTEMPTS: String(options.webhookMaxAttempts ?? SMS_STAND_IN.webhookMaxAttempts),
      SMS_STAND_IN_EXIT_WITH_PARENT: '1',
    },
    readyLine: 'sms stand-in listening on',
    startTimeoutMs: options.startTimeoutMs,
  });
  return { url, pid, stop };
}

/** The stand-in `npm start` runs, or null: in development only, when SMS_PROVIDER_URL is unset or its default. */
export function developmentSmsStandIn(config: AdlConfig): SmsStandInOptions | null {
  if (config.env !== 'development' || !config.sms || config.sms.providerUrl !== SMS_STAND_IN.url) return null;
  return { url: config.sms.providerUrl, apiKey: config.sms.apiKey, webhookSecret: config.sms.webhookSecret };
}
