/**
 * The SMS provider stand-in as one Fastify application (docs/notifications.md, "The SMS
 * stand-in"): `POST /messages` (HTTP Basic, the API key as user name) queues a message and answers
 * 202; a moment later its fate (rules.ts) is POSTed to the message's statusCallback, signed as
 * src/core/crypto/webhook-signature.ts says, and retried with backoff until a 2xx. `GET /messages`
 * shows what was sent and what became of it, for developers and tests.
 */
import { fastify, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER, signatureHeader } from '../../../src/core/crypto/webhook-signature';
import { outcomeFor, refusedAtOnce } from './rules';

const KEPT = 1000;

export interface SmsRecord {
  id: string;
  to: string;
  text: string;
  reference: string | null;
  statusCallback: string | null;
  createdAt: string;
  status: 'queued' | 'delivered' | 'undelivered' | 'failed';
  errorCode: string | null;
  deliveredAt: string | null;
  /** The webhook: how many POSTs, and the last answer (HTTP status or error). */
  webhook: { attempts: number; last: string | null; done: boolean };
}

export interface SmsStandInOptions {
  apiKey: string;
  webhookSecret: string;
  reportDelayMs: number;
  webhookRetryBaseMs: number;
  webhookMaxAttempts: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface SmsStandIn {
  app: FastifyInstance;
  messages: SmsRecord[];
  idle(): Promise<void>;
}

function authorized(req: FastifyRequest, apiKey: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const user = Buffer.from(Buffer.from(match[1], 'base64').toString('utf8').split(':')[0] ?? '');
  const key = Buffer.from(apiKey);
  return user.length === key.length && timingSafeEqual(user, key);
}

export function createSmsStandIn(options: SmsStandInOptions): SmsStandIn {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const messages: SmsRecord[] = [];
  const pending = new Set<Promise<void>>();

  async function report(record: SmsRecord): Promise<void> {
    await new Promise((r) => setTimeout(r, options.reportDelayMs));
    const outcome = outcomeFor(record.to);
    record.status = outcome.status;
    record.errorCode = outcome.status === 'delivered' ? null : outcome.errorCode;
    // The handset's confirmation, to the second as carriers give it.
    record.deliveredAt = outcome.status === 'delivered' ? new Date(Math.floor(now().getTime() / 1000) * 1000).toISOString() : null;
    if (!record.statusCallback) return;
    const body = JSON.stringify({
      id: record.id,
      reference: record.reference,
      status: record.status,
      ...(record.errorCode ? { errorCode: record.errorCode } : {}),
      deliveredAt: record.deliveredAt,
    });
    for (let attempt = 0; attempt < options.webhookMaxAttempts; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, options.webhookRetryBaseMs * 2 ** (attempt - 1)));
      record.webhook.attempts++;
      try {
        const res = await fetch(record.statusCallback, {
          method: 'POST',
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'adl-sms-stand-in',
            [SIGNATURE_HEADER]: signatureHeader(options.webhookSecret, body, Math.floor(now().getTime() / 1000)),
          },
        });
        await res.arrayBuffer().catch(() => undefined);
        record.webhook.last = `HTTP ${res.status}`;
        if (res.ok) {
          record.webhook.done = true;
          return;
        }
      } catch (err) {
        record.webhook.last = (err as Error).message;
      }
    }
    log(`sms stand-in: gave up on the report of ${record.id} after ${options.webhookMaxAttempts} attempts (${record.webhook.last})`);
  }

  const app = fastify({ logger: false, bodyLimit: 16 * 1024 });
  app.get('/health', async () => ({ status: 'ok' }));
  app.post('/messages', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!authorized(req, options.apiKey)) return reply.status(401).send({ error: 'unauthorized' });
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { to, text, reference, statusCallback } = body;
    if (typeof to !== 'string' || refusedAtOnce(to)) return reply.status(400).send({ error: 'invalid_number', field: 'to' });
    if (typeof text !== 'string' || !text || text.length > 1600) return reply.status(400).send({ error: 'invalid_text', field: 'text' });
    if (reference !== undefined && (typeof reference !== 'string' || reference.length > 200)) {
      return reply.status(400).send({ error: 'invalid_reference', field: 'reference' });
    }
    if (statusCallback !== undefined && (typeof statusCallback !== 'string' || !/^https?:\/\/\S+$/.test(statusCallback))) {
      return reply.status(400).send({ error: 'invalid_status_callback', field: 'statusCallback' });
    }
    const record: SmsRecord = {
      id: `SM${randomUUID().replace(/-/g, '')}`,
      to,
      text,
      reference: reference ?? null,
      statusCallback: statusCallback ?? null,
      createdAt: now().toISOString(),
      status: 'queued',
      errorCode: null,
      deliveredAt: null,
      webhook: { attempts: 0, last: null, done: false },
    };
    messages.push(record);
    if (messages.length > KEPT) messages.splice(0, messages.length - KEPT);
    const task = report(record);
    pending.add(task);
    void task.finally(() => pending.delete(task));
    return reply.status(202).send({ id: record.id, status: 'queued' });
  });
  app.get('/messages', async (req) => {
    const { to, reference } = req.query as { to?: string; reference?: string };
    return messages.filter((m) => (!to || m.to === to) && (!reference || m.reference === reference));
  });

  return {
    app,
    messages,
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
