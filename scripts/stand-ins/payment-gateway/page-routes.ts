/**
 * The hosted payment page (docs/payments.md, "The hosted payment page"): the card form, the 3-D
 * Secure challenge, and the redirect back to the merchant's returnUrl (303, with `paymentId` and
 * `status` appended: unsigned, so the merchant asks the API for the truth).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cardOutcome, checkCardForm, THREE_DS_CODE } from './cards';
import { challengePage, closedPage, NOT_FOUND_PAGE, paymentPage } from './pages';
import type { Change, Payment, Refusal } from './payments';
import type { Gateway } from './server';

type WithId = FastifyRequest<{ Params: { id: string } }>;

/** Headers of every page: never cached, never framed, nothing loaded from elsewhere. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).send(body);
}

/** The merchant's returnUrl with the outcome appended, keeping its own query. */
export function returnLocation(payment: Pick<Payment, 'id' | 'status' | 'returnUrl'>): string {
  const url = new URL(payment.returnUrl);
  url.searchParams.set('paymentId', payment.id);
  url.searchParams.set('status', payment.status);
  return url.toString();
}

function formBody(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

export function pageRoutes(gateway: Gateway) {
  const { book } = gateway;

  /** The payment, or the page that says why it cannot be paid (unknown; paid or failed already). */
  function open(id: string, reply: FastifyReply): Payment | null {
    const payment = book.get(id);
    if (!payment) return (html(reply, 404, NOT_FOUND_PAGE), null);
    if (payment.status !== 'initiated') return (html(reply, 409, closedPage(payment, payment.status !== 'failed')), null);
    return payment;
  }

  /** After the outcome: the event goes out, the browser goes back to the merchant. */
  function finish(change: Change | Refusal, reply: FastifyReply, id: string): FastifyReply {
    if (!change.ok) {
      const payment = book.get(id);
      return payment ? html(reply, 409, closedPage(payment, payment.status !== 'failed')) : html(reply, 404, NOT_FOUND_PAGE);
    }
    gateway.publish(change.payment, change.event);
    return reply.code(303).header('location', returnLocation(change.payment)).header('cache-control', 'no-store').send();
  }

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/pay/:id', async (req: WithId, reply) => {
      const payment = open(req.params.id, reply);
      return payment ? html(reply, 200, paymentPage(payment)) : reply;
    });

    app.post('/pay/:id', async (req: WithId, reply) => {
      const payment = open(req.params.id, reply);
      if (!payment) return reply;
      const card = checkCardForm(formBody(req), gateway.now());
      if (!card.ok) return html(reply, 400, paymentPage(payment, card.form, card.problems));
      const outcome = cardOutcome(card.number);
      switch (outcome.kind) {
        case 'challenge':
          book.challenge(payment.id);
          return reply.code(303).header('location', `/pay/${payment.id}/3ds`).send();
        case 'paid':
          return finish(book.pay(payment.id, outcome.webhook), reply, payment.id);
        case 'failed':
          return finish(book.fail(payment.id, outcome.reason), reply, payment.id);
      }
    });

    app.get('/pay/:id/3ds', async (req: WithId, reply) => {
      const payment = open(req.params.id, reply);
      if (!payment) return reply;
      if (!payment.challenged) return reply.code(303).header('location', `/pay/${payment.id}`).send();
      return html(reply, 200, challengePage(payment));
    });

    app.post('/pay/:id/3ds', async (req: WithId, reply) => {
      const payment = open(req.params.id, reply);
      if (!payment) return reply;
      if (!payment.challenged) return reply.code(303).header('location', `/pay/${payment.id}`).send();
      const code = formBody(req).code;
      return finish(book.answerChallenge(payment.id, typeof code === 'string' ? code.trim() : '', THREE_DS_CODE), reply, payment.id);
    });
  };
}
