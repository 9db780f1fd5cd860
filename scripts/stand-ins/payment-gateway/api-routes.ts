/**
 * The merchant's API (docs/payments.md, "The API"): HTTP Basic with the secret key as user name and
 * an empty password; JSON in and out; `Idempotency-Key` honoured on the two creating routes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fingerprint } from './idempotency';
import { parseNewPayment, parseRefundRequest, refundView } from './payments';
import type { Gateway } from './server';
import { isSettlementDate, settlementReport } from './settlement';

type WithId = FastifyRequest<{ Params: { id: string } }>;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `Authorization: Basic base64("<api key>:")`, compared in constant time. */
export function authorized(header: string | undefined, apiKey: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return false;
  return timingSafeEqual(digest(Buffer.from(match[1], 'base64').toString()), digest(`${apiKey}:`));
}

function refuse(reply: FastifyReply, status: number, error: string, fields?: string[]): FastifyReply {
  return reply.code(status).send(fields ? { error, fields } : { error });
}

/**
 * The request's Idempotency-Key: absent (null), well formed (1 to 255 visible characters), or
 * malformed (false).
 */
function idempotencyKey(req: FastifyRequest): string | null | false {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return null;
  return typeof raw === 'string' && /^[\x21-\x7e]{1,255}$/.test(raw) ? raw : false;
}

export function apiRoutes(gateway: Gateway) {
  const { book, keys, apiKey } = gateway;
  return async (api: FastifyInstance): Promise<void> => {
    api.addHook('onRequest', async (req, reply) => {
      if (authorized(req.headers.authorization, apiKey)) return;
      reply.header('www-authenticate', 'Basic realm="payment-gateway"');
      return refuse(reply, 401, 'unauthorized');
    });

    api.post('/payments', async (req, reply) => {
      const key = idempotencyKey(req);
      if (key === false) return refuse(reply, 400, 'invalid_request', ['Idempotency-Key']);
      const print = fingerprint('create', req.body);
      if (key) {
        const recalled = keys.recall(key, print);
        if (recalled.kind === 'conflict') return refuse(reply, 409, 'idempotency_key_reused');
        if (recalled.kind === 'replay') {
          return reply
            .code(201)
            .header('idempotent-replayed', 'true')
            .send(book.view(book.get(recalled.resultId)!));
        }
      }
      const parsed = parseNewPayment(req.body);
      if (!parsed.ok) return refuse(reply, 400, 'invalid_request', parsed.fields);
      const payment = book.create(parsed.value);
      if (key) keys.remember(key, print, payment.id);
      return reply.code(201).send(book.view(payment));
    });

    api.get('/payments/:id', async (req: WithId, reply) => {
      const payment = book.get(req.params.id);
      return payment ? reply.send(book.view(payment)) : refuse(reply, 404, 'not_found');
    });

    api.post('/payments/:id/refunds', async (req: WithId, reply) => {
      const key = idempotencyKey(req);
      if (key === false) return refuse(reply, 400, 'invalid_request', ['Idempotency-Key']);
      const payment = book.get(req.params.id);
      if (!payment) return refuse(reply, 404, 'not_found');
      const print = fingerprint(`refund:${payment.id}`, req.body ?? {});
      if (key) {
        const recalled = keys.recall(key, print);
        if (recalled.kind === 'conflict') return refuse(reply, 409, 'idempotency_key_reused');
        const earlier = recalled.kind === 'replay' && payment.refunds.find((r) => r.id === recalled.resultId);
        if (earlier) return reply.code(201).header('idempotent-replayed', 'true').send(refundView(earlier));
      }
      const parsed = parseRefundRequest(req.body);
      if (!parsed.ok) return refuse(reply, 400, 'invalid_request', parsed.fields);
      const done = book.refund(payment.id, parsed.value);
      if (!done.ok) {
        if (done.error === 'not_found') return refuse(reply, 404, 'not_found');
        return refuse(reply, 400, done.error, done.error === 'amount_exceeds_refundable' ? ['amount'] : []);
      }
      if (key) keys.remember(key, print, done.refund.id);
      gateway.publish(done.payment, done.event);
      return reply.code(201).send(refundView(done.refund));
    });

    api.get('/settlements', async (req: FastifyRequest<{ Querystring: { date?: string } }>, reply) => {
      const { date } = req.query;
      if (!isSettlementDate(date)) return refuse(reply, 400, 'invalid_request', ['date']);
      return reply.send(settlementReport(book.all(), date));
    });
  };
}
