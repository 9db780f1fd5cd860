/** Benchmark settings from the environment: an integer within bounds, or the default when unset. */
export function readNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

/**
 * The payment gateway a production-mode API under benchmark is configured with (production needs
 * one): the environment's, or the development stand-in's address (no benchmark pays anything).
 */
export function benchPaymentEnv(): Record<string, string> {
  return {
    PAYMENT_GATEWAY_URL: process.env.PAYMENT_GATEWAY_URL || 'http://localhost:3200',
    PAYMENT_GATEWAY_API_KEY: process.env.PAYMENT_GATEWAY_API_KEY || 'bench-payments-key',
    PAYMENT_WEBHOOK_SECRET: process.env.PAYMENT_WEBHOOK_SECRET || 'bench-webhook-secret',
  };
}
