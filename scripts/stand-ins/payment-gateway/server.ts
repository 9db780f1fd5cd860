/**
 * The payment gateway stand-in as one Fastify application (docs/payments.md): the merchant's API
 * under /v1, the hosted payment pages under /pay, and /health; its state in memory, its webhooks
 * sent in the background.
 */
import { fastify, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiRoutes } from './api-routes';
import { IdempotencyKeys } from './idempotency';
import { html, pageRoutes } from './page-routes';
import { messagePage, NOT_FOUND_PAGE } from './pages';
import { GatewayEvent, Payment, PaymentBook } from './payments';
import { Post, WebhookSender } from './webhooks';

const BODY_LIMIT = 16 * 1024;

export interface GatewayOptions {
  /** Where it is reached: the payments' page URLs start with it. */
  baseUrl: string;
  apiKey: string;
  webhookSecret: string;
  webhookRetryBaseMs: number;
  webhookMaxAttempts: number;
  now?: () => Date;
  /** How a webhook is posted (fetch unless given). */
  post?: Post;
  log?: (line: string) => void;
}

/** What the routes share. */
export interface Gateway {
  book: PaymentBook;
  keys: IdempotencyKeys;
  webhooks: WebhookSender;
  apiKey: string;
  now: () => Date;
  /** Sends a change's event to the payment's callbackUrl (nothing when the change has none). */
  publish(payment: Payment, event: GatewayEvent | null): void;
}

export function createGateway(options: GatewayOptions): { app: FastifyInstance; gateway: Gateway } {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const webhooks = new WebhookSender({
    secret: options.webhookSecret,
    baseMs: options.webhookRetryBaseMs,
    maxAttempts: options.webhookMaxAttempts,
    post: options.post,
    log,
  });
  const gateway: Gateway = {
    book: new PaymentBook({ baseUrl: options.baseUrl.replace(/\/$/, ''), now }),
    keys: new IdempotencyKeys(() => now().getTime()),
    webhooks,
    apiKey: options.apiKey,
    now,
    publish(payment, event) {
      if (event) webhooks.send(payment.id, payment.callbackUrl, event);
    },
  };

  const app = fastify({ logger: false, bodyLimit: BODY_LIMIT });
  // The hosted page's form, as a browser posts it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) log(`payment-gateway: ${err.stack ?? err.message}`);
    if (req.url.startsWith('/pay/')) {
      return html(
        reply,
        status,
        messagePage('تعذر المتابعة', 'Cannot continue', 'الطلب غير صالح.', `The request is not valid (${status}).`),
      );
    }
    const error =
      status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : status === 500 ? 'server_error' : 'invalid_json';
    return reply.code(status).send(status === 400 ? { error, fields: [] } : { error });
  });
  app.setNotFoundHandler((req, reply) =>
    req.url.startsWith('/pay/') ? html(reply, 404, NOT_FOUND_PAGE) : reply.code(404).send({ error: 'not_found' }),
  );
  app.get('/health', async () => ({ status: 'ok' }));
  void app.register(apiRoutes(gateway), { prefix: '/v1' });
  void app.register(pageRoutes(gateway));
  return { app, gateway };
}
