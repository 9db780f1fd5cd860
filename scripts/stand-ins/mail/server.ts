/**
 * The mail stand-in (docs/notifications.md, "The mail stand-in"): an SMTP server that accepts,
 * refuses or later bounces each recipient by the rules of rules.ts, keeps what it accepted, and
 * reports each recipient's fate by DSN (RFC 3461/3464) when the sender asked for it (NOTIFY), to
 * the envelope sender over SMTP. Its HTTP side lets developers and tests read what arrived
 * (`GET /messages?to=`), the reports it sent (`GET /reports?envid=`), and say where the reports of
 * a sender domain go (`PUT /routes/:domain`, the stand-in's MX records).
 */
import { fastify, FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import { randomUUID } from 'node:crypto';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';
import { buildDsn } from './dsn';
import { refusalAtRcpt, ruleFor } from './rules';

const KEPT = 1000;

export interface StoredMessage {
  id: string;
  receivedAt: string;
  /** The envelope: MAIL FROM ('' for a null sender), RCPT TO, and the DSN parameters given. */
  from: string;
  to: string[];
  envid: string | null;
  notify: string[];
  raw: string;
}

export interface SentReport {
  id: string;
  envid: string | null;
  recipient: string;
  to: string;
  action: 'delivered' | 'failed';
  lastAttemptDate: string;
  /** Where it went (host:port), or null while no route is known. */
  route: string | null;
  /** sent, or the last error. */
  outcome: string;
}

export interface MailStandInOptions {
  /** Name used in reports (Reporting-MTA). */
  hostname: string;
  /** Where reports go when the sender's domain has no route of its own: smtp://host:port, or null. */
  defaultReportRoute: string | null;
  /** How long after accepting a message its reports are sent. */
  reportDelayMs: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface MailStandIn {
  smtp: SMTPServer;
  http: FastifyInstance;
  messages: StoredMessage[];
  reports: SentReport[];
  routes: Map<string, string>;
  /** Resolves when every report begun has been sent or given up. */
  idle(): Promise<void>;
}

function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEPT) list.splice(0, list.length - KEPT);
}

export function createMailStandIn(options: MailStandInOptions): MailStandIn {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const messages: StoredMessage[] = [];
  const reports: SentReport[] = [];
  const routes = new Map<string, string>();
  const offered = new Set<string>();
  const pending = new Set<Promise<void>>();

  const routeFor = (address: string) => routes.get(address.split('@').pop()?.toLowerCase() ?? '') ?? options.defaultReportRoute;

  async function sendReport(report: SentReport, raw: string): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      const route = routeFor(report.to);
      report.route = route ? new URL(route).host : null;
      if (!route) {
        report.outcome = 'no route for the sender domain';
        continue;
      }
      try {
        const transport = nodemailer.createTransport({ url: route, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 });
        // A report travels with the null sender (RFC 3461 §6.2): no report about a report.
        await transport.sendMail({ envelope: { from: '', to: [report.to] }, raw });
        report.outcome = 'sent';
        return;
      } catch (err) {
        report.outcome = (err as Error).message;
      }
    }
    log(`mail stand-in: gave up on the report ${report.id} to ${report.to} (${report.outcome})`);
  }

  function report(message: StoredMessage, rcpt: SMTPServerAddress, headers: string): void {
    const recipient = rcpt.address;
    const bounce = ruleFor(recipient) === 'bounce';
    const notify = (rcpt.dsn?.notify ?? []).map((n) => n.toUpperCase());
    if (!message.from || !notify.includes(bounce ? 'FAILURE' : 'SUCCESS')) return;
    const task = new Promise<void>((resolve) => setTimeout(resolve, options.reportDelayMs)).then(() => {
      const at = now();
      const entry: SentReport = {
        id: randomUUID(),
        envid: message.envid,
        recipient,
        to: message.from,
        action: bounce ? 'failed' : 'delivered',
        lastAttemptDate: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(),
        route: null,
        outcome: 'pending',
      };
      keep(reports, entry);
      const raw = buildDsn({
        reportingMta: options.hostname,
        to: message.from,
        envid: message.envid,
        recipient,
        originalRecipient: rcpt.dsn?.orcpt ?? null,
        action: entry.action,
        status: bounce ? '5.2.1' : '2.0.0',
        diagnostic: bounce ? '550 5.2.1 The mailbox is disabled and does not accept messages' : '250 2.0.0 Delivered to the mailbox',
        arrivalDate: new Date(message.receivedAt),
        lastAttemptDate: new Date(entry.lastAttemptDate),
        originalHeaders: headers,
        date: at,
      });
      return sendReport(entry, raw);
    });
    pending.add(task);
    void task.finally(() => pending.delete(task));
  }

  const smtp = new SMTPServer({
    name: options.hostname,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    hideDSN: false,
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      const refusal = refusalAtRcpt(key, offered.has(key));
      offered.add(key);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        const message: StoredMessage = {
          id: randomUUID(),
          receivedAt: now().toISOString(),
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address.toLowerCase()),
          envid: envelope.dsn?.envid ?? null,
          notify: [...new Set(envelope.rcptTo.flatMap((r) => r.dsn?.notify ?? []))],
          raw,
        };
        keep(messages, message);
        const headers = raw.split(/\r?\n\r?\n/)[0];
        for (const rcpt of envelope.rcptTo) report(message, rcpt, headers);
        callback(null, `2.0.0 Accepted as ${message.id}`);
      });
    },
  });

  const http = fastify({ logger: false });
  http.get('/health', async () => ({ status: 'ok' }));
  http.get('/messages', async (req) => {
    const { to, envid } = req.query as { to?: string; envid?: string };
    return messages.filter((m) => (!to || m.to.includes(to.toLowerCase())) && (!envid || m.envid === envid));
  });
  http.get('/reports', async (req) => {
    const { envid, recipient } = req.query as { envid?: string; recipient?: string };
    return reports.filter((r) => (!envid || r.envid === envid) && (!recipient || r.recipient.toLowerCase() === recipient.toLowerCase()));
  });
  http.put('/routes/:domain', async (req, reply) => {
    const { domain } = req.params as { domain: string };
    const { smtp: route } = (req.body ?? {}) as { smtp?: unknown };
    if (typeof route !== 'string' || !/^smtp:\/\/[^/\s]+:\d+$/.test(route)) {
      return reply.status(400).send({ error: 'smtp must be smtp://host:port' });
    }
    routes.set(domain.toLowerCase(), route);
    return { domain: domain.toLowerCase(), smtp: route };
  });

  return {
    smtp,
    http,
    messages,
    reports,
    routes,
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
