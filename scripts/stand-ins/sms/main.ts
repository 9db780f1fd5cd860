/**
 * The SMS provider stand-in (docs/notifications.md, "The SMS stand-in"), run as its own process:
 * `node dist/scripts/stand-ins/sms/main.js`. It listens on the port of its URL and prints one line,
 * `sms stand-in listening on <url>`, once it answers.
 *
 * Environment: SMS_PROVIDER_URL (http://localhost:3400), SMS_API_KEY (adl-development-sms-key),
 * SMS_WEBHOOK_SECRET (adl-development-sms-webhook-secret), SMS_STAND_IN_REPORT_DELAY_MS (1000),
 * SMS_WEBHOOK_RETRY_BASE_MS (1000), SMS_WEBHOOK_MAX_ATTEMPTS (8), SMS_STAND_IN_EXIT_WITH_PARENT (1:
 * exit when stdin closes, i.e. with the process that started it).
 */
import { SMS_STAND_IN as DEFAULTS } from '../../../src/core/config/config';
import { createSmsStandIn } from './server';
import { whole } from '../stand-in-env';

async function main(): Promise<void> {
  const env = process.env;
  const baseUrl = (env.SMS_PROVIDER_URL || DEFAULTS.url).replace(/\/$/, '');
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:') throw new Error(`SMS_PROVIDER_URL must be an http: URL (the stand-in has no TLS), got "${baseUrl}"`);
  const { app } = createSmsStandIn({
    apiKey: env.SMS_API_KEY || DEFAULTS.apiKey,
    webhookSecret: env.SMS_WEBHOOK_SECRET || DEFAULTS.webhookSecret,
    reportDelayMs: whole('SMS_STAND_IN_REPORT_DELAY_MS', DEFAULTS.reportDelayMs, 0),
    webhookRetryBaseMs: whole('SMS_WEBHOOK_RETRY_BASE_MS', DEFAULTS.webhookRetryBaseMs, 1),
    webhookMaxAttempts: whole('SMS_WEBHOOK_MAX_ATTEMPTS', DEFAULTS.webhookMaxAttempts, 1),
  });
  await app.listen({ port: Number(url.port || 80), host: url.hostname.replace(/^\[(.*)\]$/, '$1') });
  process.stdout.write(`sms stand-in listening on ${baseUrl}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (env.SMS_STAND_IN_EXIT_WITH_PARENT === '1') {
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`sms stand-in cannot start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
