/**
 * Adl's client of the payment gateway (docs/payments.md): creating a payment for a bill, the
 * status query, refunds and the settlement report, over its HTTP API with the merchant's key.
 * Every creating call carries an idempotency key, so a retry after a lost answer makes nothing twice.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';

export type GatewayStatus = 'initiated' | 'paid' | 'failed' | 'partially_refunded' | 'refunded';

export interface GatewayRefund {
  id: string;
  paymentId: string;
  amount: number;
  createdAt: string;
  reason?: string;
}

export interface GatewayPayment {
  id: string;
  status: GatewayStatus;
  amount: number;
  currency: string;
  reference: string;
  paymentUrl: string;
  paidAt?: string;
  failureReason?: string;
  refundedAmount: number;
  refunds: GatewayRefund[];
}

export interface Settlement {
  date: string;
  payments: { id: string; reference: string; amount: number; paidAt: string }[];
  refunds: { id: string; paymentId: string; amount: number; refundedAt: string }[];
  totals: { paid: number; refunded: number; net: number };
}

/** The gateway did not answer as its protocol says: a fault outside Adl, retried by whoever called. */
export class GatewayError extends Error {}

const TIMEOUT_MS = 10_000;

@Injectable()
export class PaymentGateway {
  constructor(@Inject(ADL_CONFIG) private readonly config: AdlConfig) {}

  createPayment(input: {
    amount: number;
    description: string;
    reference: string;
    callbackUrl: string;
    returnUrl: string;
    idempotencyKey: string;
  }): Promise<GatewayPayment> {
    const { idempotencyKey, ...body } = input;
    return this.call('POST', '/v1/payments', { ...body, currency: 'SAR' }, idempotencyKey);
  }

  payment(id: string): Promise<GatewayPayment> {
    return this.call('GET', `/v1/payments/${encodeURIComponent(id)}`);
  }

  refund(paymentId: string, amount: number, reason: string, idempotencyKey: string): Promise<GatewayRefund> {
    return this.call('POST', `/v1/payments/${encodeURIComponent(paymentId)}/refunds`, { amount, reason }, idempotencyKey);
  }

  settlement(date: string): Promise<Settlement> {
    return this.call('GET', `/v1/settlements?date=${encodeURIComponent(date)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const { gatewayUrl, apiKey } = this.config.payments;
    const headers: Record<string, string> = { authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let res: Response;
    try {
      res = await fetch(`${gatewayUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new GatewayError(`The payment gateway did not answer ${method} ${path}: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new GatewayError(`The payment gateway answered ${res.status} to ${method} ${path}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }
}
