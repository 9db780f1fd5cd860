/**
 * The worker's inbound SMTP port for delivery reports (BOUNCE_SMTP_PORT, docs/notifications.md
 * "E-mail"): notices leave with the bounce address as envelope sender, so DSNs and bounces come
 * back here. It takes mail for the bounce address only, reads the report (mail-reports.ts) and
 * applies each recipient's `delivered` or `failed` to the attempt its ENVID names, dated from the
 * report. Anything else it accepts and drops: a mail server must not bounce a bounce.
 *
 * One worker listens; when several run on one machine, the others find the port taken and leave
 * it to the first (a log line says so).
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { DeliveryReports } from './delivery-reports.service';
import { parseMailReport } from './mail-reports';
import { NotificationChannel } from './notification.enums';

const MAX_REPORT_BYTES = 2 * 1024 * 1024;

@Injectable()
export class MailReportsReceiver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailReportsReceiver.name);
  private server: SMTPServer | null = null;

  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    private readonly contexts: RequestContextFactory,
    private readonly reports: DeliveryReports,
  ) {}

  /** The port it listens on, or null. */
  port: number | null = null;

  async onApplicationBootstrap(): Promise<void> {
    const { port, host, bounceAddress } = this.config.mailReports;
    if (port === null || !this.config.smtpUrl) return;
    const server = new SMTPServer({
      name: this.config.smtpFrom.replace(/^.*@|>.*$/g, '') || 'adl.localhost',
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: MAX_REPORT_BYTES,
      onRcptTo(address, _session, callback) {
        if (address.address.toLowerCase() !== bounceAddress.toLowerCase()) {
          return callback(Object.assign(new Error('5.1.1 Only delivery reports are taken here'), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.receive(Buffer.concat(chunks)).then(
            () => callback(),
            (err: Error) => {
              // The database was out of reach: the reporting server keeps the report and tries later.
              this.logger.warn(`a delivery report could not be recorded: ${err.message}`);
              callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
            },
          );
        });
      },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, resolve);
      });
    } catch (err) {
      this.logger.warn(`delivery reports not received here: port ${port} (${(err as Error).message})`);
      return;
    }
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    this.logger.log(`delivery reports received on ${host}:${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Applies a received report; a message that is none, or names no attempt of ours, is dropped. */
  async receive(raw: Buffer): Promise<void> {
    const report = await parseMailReport(raw).catch(() => null);
    if (!report?.envelopeId) return;
    const ctx = this.contexts.forActor('mail-delivery-report', null);
    for (const r of report.recipients) {
      if (r.action !== 'delivered' && r.action !== 'failed') continue; // delayed, relayed: not an outcome
      await this.reports.apply(ctx, {
        channel: NotificationChannel.EMAIL,
        attemptId: report.envelopeId,
        outcome: r.action,
        at: r.at,
        error: r.action === 'failed' ? `bounced: ${r.status} ${r.diagnostic ?? ''}`.trim() : undefined,
      });
    }
  }
}
