/**
 * The payment gateway stand-in (docs/payments.md), run as its own process:
 * `node dist/scripts/stand-ins/payment-gateway/main.js`. It listens on the port of its base URL and
 * prints one line, `payment-gateway listening on <baseUrl>`, once it answers.
 *
 * Environment: PAYMENT_GATEWAY_URL (http://localhost:3200), PAYMENT_GATEWAY_API_KEY
 * (adl-development-payments-key), PAYMENT_WEBHOOK_SECRET (adl-development-webhook-secret),
 * PAYMENT_WEBHOOK_RETRY_BASE_MS (1000), PAYMENT_WEBHOOK_MAX_ATTEMPTS (8),
 * PAYMENT_GATEWAY_EXIT_WITH_PARENT (1: exit when stdin closes, i.e. with the process that started it).
 */
import { PAYMENT_GATEWAY_STAND_IN as DEFAULTS } from '../../../src/core/config/config';
import { createGateway } from './server';
import { whole } from '../stand-in-env';

async function main(): Promise<void> {
  const env = process.env;
  const baseUrl = (env.PAYMENT_GATEWAY_URL || DEFAULTS.url).replace(/\/$/, '');
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:') throw new Error(`PAYMENT_GATEWAY_URL must be an http: URL (the stand-in has no TLS), got "${baseUrl}"`);
  const { app } = createGateway({
    baseUrl,
    apiKey: env.PAYMENT_GATEWAY_API_KEY || DEFAULTS.apiKey,
    webhookSecret: env.PAYMENT_WEBHOOK_SECRET || DEFAULTS.webhookSecret,
    webhookRetryBaseMs: whole('PAYMENT_WEBHOOK_RETRY_BASE_MS', DEFAULTS.webhookRetryBaseMs, 1),
    webhookMaxAttempts: whole('PAYMENT_WEBHOOK_MAX_ATTEMPTS', DEFAULTS.webhookMaxAttempts, 1),
  });
  await app.listen({ port: Number(url.port || 80), host: url.hostname.replace(/^\[(.*)\]$/, '$1') });
  process.stdout.write(`payment-gateway listening on ${baseUrl}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started by Adl (src/payment-gateway-stand-in.ts): the parent holds our stdin open while it lives.
  if (env.PAYMENT_GATEWAY_EXIT_WITH_PARENT === '1') {
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`payment-gateway cannot start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
