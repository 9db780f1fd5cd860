/**
 * The SMS provider's delivery reports (docs/notifications.md, "SMS"): `POST /webhooks/sms`,
 * signed as src/core/crypto/webhook-signature.ts says with SMS_WEBHOOK_SECRET over the raw body.
 * A wrong or stale signature answers 401 and changes nothing; a signed report answers 200 once
 * applied, or when it names nothing of ours (an account code's SMS) or was applied before.
 * `delivered` is DELIVERED at the report's deliveredAt; `undelivered` and `failed` are FAILED for good.
 */
import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { SIGNATURE_HEADER, verifySignature } from '../core/crypto/webhook-signature';
import { DeliveryReports } from './delivery-reports.service';
import { NotificationChannel } from './notification.enums';

type RawBodied = FastifyRequest & { rawBody?: Buffer };

interface SmsReport {
  id: string;
  reference: string;
  status: 'delivered' | 'undelivered' | 'failed';
  errorCode?: string;
  deliveredAt?: string | null;
}

function parse(raw: string): SmsReport | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  const b = body as Partial<Record<keyof SmsReport, unknown>>;
  if (!b || typeof b.id !== 'string' || typeof b.reference !== 'string') return null;
  if (b.status !== 'delivered' && b.status !== 'undelivered' && b.status !== 'failed') return null;
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    errorCode: typeof b.errorCode === 'string' ? b.errorCode.slice(0, 100) : undefined,
    deliveredAt: typeof b.deliveredAt === 'string' ? b.deliveredAt : null,
  };
}

@Controller('webhooks')
export class SmsWebhookController {
  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    private readonly reports: DeliveryReports,
    private readonly contexts: RequestContextFactory,
  ) {}

  @Post('sms')
  async sms(@Req() req: RawBodied, @Res() reply: FastifyReply): Promise<void> {
    const secret = this.config.sms?.webhookSecret;
    const signature = req.headers[SIGNATURE_HEADER];
    const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody.toString('utf8') : null;
    const signed =
      !!secret &&
      raw !== null &&
      verifySignature(secret, typeof signature === 'string' ? signature : undefined, raw, Math.floor(Date.now() / 1000));
    if (!signed) {
      await reply.status(401).header('cache-control', 'no-store').send({ received: false });
      return;
    }
    const report = parse(raw);
    if (!report) {
      await reply.status(400).header('cache-control', 'no-store').send({ received: false });
      return;
    }
    const delivered = report.status === 'delivered';
    const at = report.deliveredAt ? new Date(report.deliveredAt) : null;
    await this.reports.apply(this.contexts.forActor(`sms-report-${report.id.slice(0, 64)}`, null), {
      channel: NotificationChannel.SMS,
      attemptId: report.reference,
      providerRef: report.id,
      outcome: delivered ? 'delivered' : 'failed',
      at: at && !Number.isNaN(at.getTime()) ? at : null,
      error: delivered ? undefined : `SMS ${report.status}${report.errorCode ? `: ${report.errorCode}` : ''}`,
    });
    await reply.status(200).header('cache-control', 'no-store').send({ received: true });
  }
}
