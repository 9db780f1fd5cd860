/**
 * Talking to the payment gateway stand-in (docs/payments.md) as a merchant and as a browser would,
 * and a merchant's webhook receiver on this machine (node:http) that records every delivery and
 * answers what a test tells it to.
 */
import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GATEWAY = () => process.env.PAYMENT_GATEWAY_URL!;

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A call of the merchant's API, with the API key as the Basic user name (or the given Authorization). */
export async function api(
  method: string,
  path: string,
  body?: unknown,
  options: { authorization?: string | null; idempotencyKey?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const basic = `Basic ${Buffer.from(`${process.env.PAYMENT_GATEWAY_API_KEY}:`).toString('base64')}`;
  const authorization = options.authorization === undefined ? basic : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const res = await fetch(`${GATEWAY()}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** A browser's request to the hosted pages: forms posted urlencoded, redirects not followed. */
export async function browse(path: string, form?: Record<string, string>): Promise<{ status: number; html: string; location: URL | null }> {
  const url = new URL(path, GATEWAY());
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  return { status: res.status, html: await res.text(), location: location ? new URL(location, url) : null };
}

/** The card form filled in as a person would, with a card valid for years. */
export function card(cardNumber: string, over: Record<string, string> = {}): Record<string, string> {
  const year = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');
  return { cardNumber, expiry: `12/${year}`, cvc: '123', holder: 'Sara Ali', ...over };
}

export interface Delivery {
  path: string;
  rawBody: string;
  signature: string;
  event: any;
  answered: number;
}

/** The expected X-Signature of a body at its t: HMAC-SHA256 of "<t>.<raw body>", in hexadecimal. */
export function signatureValid(secret: string, delivery: Delivery, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const match = /^t=([0-9]+),v1=([0-9a-f]{64})$/.exec(delivery.signature);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${delivery.rawBody}`).digest('hex');
  return expected === match[2] && Math.abs(nowSeconds - Number(match[1])) <= 300;
}

export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  private readonly plans = new Map<string, number[]>();
  private server?: Server;
  private port = 0;
  private seq = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let rawBody = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (rawBody += chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const answered = this.plans.get(path)?.shift() ?? 200;
        const signature = String(req.headers['x-signature'] ?? '');
        this.deliveries.push({ path, rawBody, signature, event: JSON.parse(rawBody), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** A callback URL of its own, answered with `statuses` first and 200 after. */
  callbackUrl(statuses: number[] = []): string {
    const path = `/hooks/${++this.seq}`;
    this.plans.set(path, [...statuses]);
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(callbackUrl: string): Delivery[] {
    const path = new URL(callbackUrl).pathname;
    return this.deliveries.filter((d) => d.path === path);
  }

  /** Waits until `count` deliveries reached the callback URL (fails after `timeoutMs`). */
  async waitFor(callbackUrl: string, count: number, timeoutMs = 3000): Promise<Delivery[]> {
    const until = Date.now() + timeoutMs;
    while (this.at(callbackUrl).length < count) {
      if (Date.now() > until) throw new Error(`${count} deliveries expected at ${callbackUrl}, ${this.at(callbackUrl).length} came`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.at(callbackUrl);
  }
}
