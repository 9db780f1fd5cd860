/**
 * Webhooks (docs/payments.md, "Webhooks"): each event is POSTed as JSON to the payment's
 * callbackUrl, signed `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * and retried with exponential backoff on any answer but 2xx or a network error, signed afresh
 * each time. The first attempts of one payment's events go out in the order the events were made;
 * retries do not hold back later events.
 */
import type { GatewayEvent } from './payments';
import { SIGNATURE_HEADER, signatureHeader } from '../../../src/core/crypto/webhook-signature';

// The scheme is Adl's own (src/core/crypto/webhook-signature.ts): the gateway signs with it, Adl checks with it.
export {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  signatureHeader,
  signPayload,
  verifySignature,
} from '../../../src/core/crypto/webhook-signature';
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * How long to wait after the failed attempt number `attempt` (0 for the first) before the next:
 * base × 2^attempt, plus up to a tenth more of jitter so that retries of many events spread out.
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const delay = baseMs * 2 ** attempt;
  return Math.round(delay + delay * 0.1 * random());
}

/** One POST; resolves to the HTTP status, rejects on a network error or timeout. */
export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

export interface WebhookSenderOptions {
  secret: string;
  baseMs: number;
  maxAttempts: number;
  post?: Post;
  wait?: (ms: number) => Promise<void>;
  random?: () => number;
  nowSeconds?: () => number;
  log?: (line: string) => void;
}

const postWithFetch: Post = async (url, body, headers) => {
  const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
};

export class WebhookSender {
  /** Per payment, the first attempt of its latest event: the next event's first attempt waits for it. */
  private readonly firstAttempts = new Map<string, Promise<void>>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly post: Post;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly nowSeconds: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: WebhookSenderOptions) {
    this.post = options.post ?? postWithFetch;
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** Delivers the event of a payment to `url`, in the background. */
  send(paymentId: string, url: string, event: GatewayEvent): void {
    const body = JSON.stringify(event);
    const previous = this.firstAttempts.get(paymentId) ?? Promise.resolve();
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    this.firstAttempts.set(paymentId, first);
    void first.then(() => {
      if (this.firstAttempts.get(paymentId) === first) this.firstAttempts.delete(paymentId);
    });
    const delivery = previous.then(() => this.deliver(url, body, event, firstDone));
    this.deliveries.add(delivery);
    void delivery.finally(() => this.deliveries.delete(delivery));
  }

  /** Resolves when every delivery begun has ended, delivered or given up. */
  async idle(): Promise<void> {
    while (this.deliveries.size) await Promise.all([...this.deliveries]);
  }

  private async deliver(url: string, body: string, event: GatewayEvent, firstDone: () => void): Promise<void> {
    const { secret, baseMs, maxAttempts } = this.options;
    let outcome = '';
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await this.wait(backoffMs(attempt - 1, baseMs, this.options.random));
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'adl-payment-gateway-stand-in',
        [SIGNATURE_HEADER]: signatureHeader(secret, body, this.nowSeconds()),
      };
      try {
        const status = await this.post(url, body, headers);
        outcome = `HTTP ${status}`;
        if (status >= 200 && status < 300) return firstDone();
      } catch (err) {
        outcome = (err as Error).message;
      }
      if (attempt === 0) firstDone();
    }
    firstDone();
    this.log(`payment-gateway: gave up on ${event.type} ${event.id} to ${url} after ${maxAttempts} attempts (last: ${outcome})`);
  }
}
