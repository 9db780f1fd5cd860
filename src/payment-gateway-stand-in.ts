/**
 * Runs the development payment gateway (scripts/stand-ins/payment-gateway, docs/payments.md) as a
 * child process (stand-in-process.ts): `npm start` does in development when PAYMENT_GATEWAY_URL is
 * unset or the stand-in's default URL, and the tests' global set-up does on a free port.
 */
import { AdlConfig, PAYMENT_GATEWAY_STAND_IN } from './core/config/config';
import { standInScript, startStandInProcess } from './stand-in-process';

export interface PaymentGatewayStandInHandle {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface PaymentGatewayStandInOptions {
  /** Its base URL: it listens on this port. */
  url: string;
  /** The merchant's secret key (HTTP Basic user name). */
  apiKey: string;
  /** The HMAC key of its webhooks' signatures. */
  webhookSecret: string;
  webhookRetryBaseMs?: number;
  webhookMaxAttempts?: number;
  startTimeoutMs?: number;
}

export async function startPaymentGatewayStandIn(options: PaymentGatewayStandInOptions): Promise<PaymentGatewayStandInHandle> {
  const url = options.url.replace(/\/$/, '');
  const { pid, stop } = await startStandInProcess({
    name: 'the payment gateway stand-in',
    script: standInScript('payment-gateway'),
    env: {
      PAYMENT_GATEWAY_URL: url,
      PAYMENT_GATEWAY_API_KEY: options.apiKey,
      PAYMENT_WEBHOOK_SECRET: options.webhookSecret,
      PAYMENT_WEBHOOK_RETRY_BASE_MS: String(options.webhookRetryBaseMs ?? PAYMENT_GATEWAY_STAND_IN.webhookRetryBaseMs),
      PAYMENT_WEBHOOK_MAX_ATTEMPTS: String(options.webhookMaxAttempts ?? PAYMENT_GATEWAY_STAND_IN.webhookMaxAttempts),
      PAYMENT_GATEWAY_EXIT_WITH_PARENT: '1',
    },
    readyLine: 'payment-gateway listening on',
    startTimeoutMs: options.startTimeoutMs,
  });
  return { url, pid, stop };
}

/**
 * The stand-in `npm start` runs, or null: in development only, when PAYMENT_GATEWAY_URL is unset or
 * the stand-in's default URL (a real provider, or a stand-in started by hand, is left alone). The
 * key and secret are the environment's when set, so that Adl and the stand-in agree on them.
 */
export function developmentPaymentGateway(env: NodeJS.ProcessEnv, appEnv: AdlConfig['env']): PaymentGatewayStandInOptions | null {
  if (appEnv !== 'development') return null;
  const url = (env.PAYMENT_GATEWAY_URL || PAYMENT_GATEWAY_STAND_IN.url).replace(/\/$/, '');
  if (url !== PAYMENT_GATEWAY_STAND_IN.url) return null;
  return {
    url,
    apiKey: env.PAYMENT_GATEWAY_API_KEY || PAYMENT_GATEWAY_STAND_IN.apiKey,
    webhookSecret: env.PAYMENT_WEBHOOK_SECRET || PAYMENT_GATEWAY_STAND_IN.webhookSecret,
  };
}
