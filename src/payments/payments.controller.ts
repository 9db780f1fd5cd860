/**
 * The payment gateway's routes into Adl (docs/payments.md): `POST /payments/webhook`, its signed
 * events (401 for a wrong or stale signature, 200 once applied or known), and `GET
 * /payments/return`, where the payer's browser comes back: it only prompts a status query, and
 * shows what Adl then knows, or sends the browser on to the page of Adl's site that opened the
 * payment (`returnTo`) with what it knows in `payment` (paid, failed or pending).
 */
import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { requestLocale } from '../core/i18n/locale';
import { SIGNATURE_HEADER } from '../core/crypto/webhook-signature';
import { safeReturnTo, withParam } from '../identity';
import { BillPayment } from './bill.entity';
import { PaymentSettlement } from './payment-settlement';
import { returnPage } from './return-page';

export type RawBodied = FastifyRequest & { rawBody?: Buffer };

@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly settlement: PaymentSettlement,
    private readonly contexts: RequestContextFactory,
  ) {}

  @Post('webhook')
  async webhook(@Req() req: RawBodied, @Res() reply: FastifyReply): Promise<void> {
    const signature = req.headers[SIGNATURE_HEADER];
    const accepted =
      Buffer.isBuffer(req.rawBody) &&
      (await this.settlement.receive(req.rawBody.toString('utf8'), typeof signature === 'string' ? signature : undefined));
    await reply
      .status(accepted ? 200 : 401)
      .header('cache-control', 'no-store')
      .send({ received: accepted });
  }

  @Get('return')
  async back(
    @Query('paymentId') paymentId: unknown,
    @Query('returnTo') returnTo: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locale = requestLocale(req);
    const ctx = this.contexts.forActor(`payment-return-${String(paymentId).slice(0, 64)}`, null, locale);
    let status: BillPayment['status'] | null = null;
    if (typeof paymentId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(paymentId)) {
      const attempt = await ctx.repo(BillPayment).findOneBy({ gatewayPaymentId: paymentId });
      if (attempt) {
        // The query string is anyone's to write: only the gateway's own answer counts.
        if (attempt.status === 'initiated') await this.settlement.check(ctx, paymentId).catch(() => undefined);
        status = (await ctx.repo(BillPayment).findOneByOrFail({ id: attempt.id })).status;
      }
    }
    const onward = typeof returnTo === 'string' && returnTo ? safeReturnTo(returnTo) : null;
    if (onward) {
      const payment = status === 'paid' || status === 'failed' ? status : 'pending';
      await reply
        .status(303)
        .header('location', withParam(onward, 'payment', payment))
        .header('cache-control', 'no-store')
        .send();
      return;
    }
    await reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-language', locale)
      .send(returnPage(status, locale));
  }
}
