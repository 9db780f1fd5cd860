/**
 * Notices that reach people (docs/notifications.md), end to end against the real stand-ins: the
 * API, a worker with its inbound SMTP port for delivery reports, the mail stand-in (SMTP, DSNs)
 * and the SMS stand-in (HTTP, signed webhooks to this file's API). The mail stand-in's rules go
 * by domain (nonexistent.test: 550 at RCPT; unavailable.test: 451 once; bounce.test: accepted,
 * then bounced), the SMS stand-in's by number (+9665999990…: undelivered).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { signatureHeader } from '../src/core/crypto/webhook-signature';
import { Transactions } from '../src/core/database/transactions';
import { NotificationKind } from '../src/notifications/notification.enums';
import { Notifier } from '../src/notifications/notifier.service';
import { until } from './factories/mailbox';
import { registerCitizen } from './factories/people';
import { mailReports, mailTo, routeReports, smsTo } from './factories/stand-in-inboxes';
import { startApp, startWorker, TestApp } from './harness';

interface AttemptRow {
  id: string;
  channel: string;
  state: string;
  fallback: boolean;
  permanent: boolean;
  attempt_count: number;
  address: string;
  error: string | null;
  provider_ref: string | null;
  delivered_at: Date | null;
}

const BOUNCE_DOMAIN = `reach-${randomUUID().slice(0, 8)}.adl.test`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('notices that reach people: e-mail by SMTP with its delivery reports, SMS with its webhooks, fallback', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    const bouncePort = await freePort();
    const overrides = {
      SMTP_URL: process.env.MAIL_STAND_IN_SMTP_URL!,
      SMTP_FROM: 'Adl Courts <notices@adl.test>',
      BOUNCE_ADDRESS: `bounces@${BOUNCE_DOMAIN}`,
      BOUNCE_SMTP_PORT: String(bouncePort),
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-reach`,
    };
    t = await startApp(overrides);
    worker = await startWorker(t, { ...overrides, SMS_CALLBACK_BASE_URL: t.url });
    db = worker.get(DataSource);
    // The stand-in's MX record for our bounce domain: its reports come to this worker.
    await routeReports(BOUNCE_DOMAIN, bouncePort);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const tag = () => randomUUID().slice(0, 8);
  /** +9665 and eight digits, starting with `prefix`. */
  const phone = (prefix = '+96651') => `${prefix}${randomUUID().replace(/\D/g, '')}0000000000`.slice(0, 13);

  function notify(nationalId: string, titleAr = 'إشعار') {
    const ctx = worker.get(RequestContextFactory).forActor(`test-reach-${randomUUID()}`, null);
    return worker.get(Transactions).run(ctx, async (tx) => {
      const { created } = await worker.get(Notifier).notify(tx, {
        kind: NotificationKind.COURT_NOTICE,
        recipients: [{ nationalId }],
        titleAr,
        titleEn: 'Notice',
        bodyAr: 'نص الإشعار.',
        bodyEn: 'The notice.',
        dedupeKey: `reach:${randomUUID()}`,
      });
      return created[0].id;
    });
  }

  const attempts = (notificationId: string) =>
    db.query<AttemptRow[]>(
      `SELECT id, channel, state, fallback, permanent, attempt_count, address, error, provider_ref, delivered_at
         FROM notification_attempts WHERE notification_id = $1 ORDER BY channel, fallback`,
      [notificationId],
    );
  const attempt = async (notificationId: string, channel: string, fallback = false) =>
    (await attempts(notificationId)).find((a) => a.channel === channel && a.fallback === fallback);

  it('sends an accepted e-mail as SENT, and its delivery report makes it DELIVERED at the time the report gives', async () => {
    const email = `party-${tag()}@example.com`;
    const p = await registerCitizen(t, { email });
    const id = await notify(p.nationalId);
    const sent = await until(() => attempt(id, 'EMAIL'));
    const [mail] = await until(async () => (await mailTo(email)).filter((m) => m.envid === sent.id));
    expect(mail).toMatchObject({ from: `bounces@${BOUNCE_DOMAIN}`, envid: sent.id, notify: ['SUCCESS', 'FAILURE'] });
    const delivered = await until(async () => ((await attempt(id, 'EMAIL'))?.state === 'DELIVERED' ? attempt(id, 'EMAIL') : null));
    const [report] = await mailReports(sent.id);
    expect(report).toMatchObject({ action: 'delivered', outcome: 'sent' });
    // The report's Last-Attempt-Date, to the second: not the moment the worker read the report.
    expect(delivered.delivered_at!.toISOString()).toBe(report.lastAttemptDate);
    expect(delivered).toMatchObject({ permanent: false, error: null, attempt_count: 1 });
  });

  it('records a 5xx at RCPT as FAILED for good, without retrying, and sends the notice once by SMS instead', async () => {
    const p = await registerCitizen(t, { email: `nobody-${tag()}@nonexistent.test`, phone: phone() });
    const id = await notify(p.nationalId, 'إشعار بديل');
    const failed = await until(async () => ((await attempt(id, 'EMAIL'))?.state === 'FAILED' ? attempt(id, 'EMAIL') : null));
    expect(failed).toMatchObject({ permanent: true, attempt_count: 1, error: expect.stringMatching(/550|5\.1\.1/) });
    const fallback = await until(async () => ((await attempt(id, 'SMS', true))?.state === 'DELIVERED' ? attempt(id, 'SMS', true) : null));
    expect(fallback).toMatchObject({ fallback: true, attempt_count: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    // No second try of the refused e-mail, and one fallback only.
    expect((await attempt(id, 'EMAIL'))!.attempt_count).toBe(1);
    expect((await attempts(id)).filter((a) => a.fallback)).toHaveLength(1);
  });

  it('turns a later bounce into FAILED for good, and falls back to SMS', async () => {
    const email = `gone-${tag()}@bounce.test`;
    const p = await registerCitizen(t, { email, phone: phone() });
    const id = await notify(p.nationalId);
    const sent = await until(() => attempt(id, 'EMAIL'));
    expect((await mailTo(email)).map((m) => m.envid)).toEqual([sent.id]);
    const bounced = await until(async () => ((await attempt(id, 'EMAIL'))?.state === 'FAILED' ? attempt(id, 'EMAIL') : null));
    expect(bounced).toMatchObject({ permanent: true, error: expect.stringMatching(/bounced: 5\.2\.1/) });
    await until(async () => (await attempt(id, 'SMS', true))?.state === 'DELIVERED');
  });

  it('retries an e-mail refused for now (4xx), and sends it once', async () => {
    const email = `busy-${tag()}@unavailable.test`;
    const p = await registerCitizen(t, { email });
    const id = await notify(p.nationalId);
    const first = await until(async () => ((await attempt(id, 'EMAIL'))?.state === 'FAILED' ? attempt(id, 'EMAIL') : null));
    expect(first).toMatchObject({ permanent: false, error: expect.stringMatching(/451|4\.2\.1/) });
    await until(async () => (await attempt(id, 'EMAIL'))?.state === 'DELIVERED', 60_000);
    expect(await attempt(id, 'EMAIL')).toMatchObject({ attempt_count: 2, error: null });
    expect(await mailTo(email)).toHaveLength(1);
    expect((await attempts(id)).filter((a) => a.fallback)).toEqual([]);
  });

  it('makes an SMS DELIVERED by the provider’s signed report, at its deliveredAt; a repeat changes nothing', async () => {
    const to = phone();
    const p = await registerCitizen(t, { phone: to });
    const id = await notify(p.nationalId);
    const delivered = await until(async () => ((await attempt(id, 'SMS'))?.state === 'DELIVERED' ? attempt(id, 'SMS') : null));
    const [sms] = await smsTo(to);
    expect(sms).toMatchObject({ reference: delivered.id, status: 'delivered', webhook: { done: true } });
    expect(delivered).toMatchObject({ provider_ref: sms.id });
    expect(delivered.delivered_at!.toISOString()).toBe(sms.deliveredAt);

    // The same report again, signed afresh: accepted, and nothing moves.
    const body = JSON.stringify({ id: sms.id, reference: sms.reference, status: 'failed', errorCode: 'LATE', deliveredAt: null });
    const again = await postReport(body, process.env.SMS_WEBHOOK_SECRET!);
    expect(again.status).toBe(200);
    const repeat = JSON.stringify({ id: sms.id, reference: sms.reference, status: 'delivered', deliveredAt: new Date().toISOString() });
    expect((await postReport(repeat, process.env.SMS_WEBHOOK_SECRET!)).status).toBe(200);
    expect(await attempt(id, 'SMS')).toEqual(delivered);
  });

  it('refuses a report with a bad signature (401) and changes nothing', async () => {
    const to = phone('+9665999990');
    const p = await registerCitizen(t, { phone: to });
    const id = await notify(p.nationalId);
    const sent = await until(() => attempt(id, 'SMS'));
    const body = JSON.stringify({
      id: sent.provider_ref ?? 'SMx',
      reference: sent.id,
      status: 'delivered',
      deliveredAt: new Date().toISOString(),
    });
    const forged = await postReport(body, 'not-the-secret');
    expect(forged.status).toBe(401);
    const stale = await postReport(body, process.env.SMS_WEBHOOK_SECRET!, Math.floor(Date.now() / 1000) - 3600);
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${t.url}/webhooks/sms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect((await attempt(id, 'SMS'))!.state).not.toBe('DELIVERED');
  });

  it('turns an undelivered SMS into FAILED for good, and falls back to e-mail', async () => {
    const to = phone('+9665999990');
    const email = `fallback-${tag()}@example.com`;
    const p = await registerCitizen(t, { phone: to, email });
    const id = await notify(p.nationalId);
    const failed = await until(async () => ((await attempt(id, 'SMS'))?.state === 'FAILED' ? attempt(id, 'SMS') : null));
    expect(failed).toMatchObject({ permanent: true, error: 'SMS undelivered: UNREACHABLE', delivered_at: null });
    const fallback = await until(async () =>
      (await attempt(id, 'EMAIL', true))?.state === 'DELIVERED' ? attempt(id, 'EMAIL', true) : null,
    );
    expect(fallback).toMatchObject({ address: email, fallback: true });
    // The first e-mail and the fallback copy: two messages, each its own envelope.
    expect((await mailTo(email)).map((m) => m.envid).sort()).toEqual([(await attempt(id, 'EMAIL'))!.id, fallback.id].sort());
    // The in-app copy stays; the person sees each delivery, the fallback marked.
    expect(await attempt(id, 'IN_APP')).toMatchObject({ state: 'SENT' });
    const { notifications } = await t.ok(
      `{ notifications(first: 5) { edges { node { id deliveries { channel state fallback } } } } }`,
      {},
      p.token,
    );
    const node = notifications.edges.find((e: { node: { id: string } }) => e.node.id === id).node;
    expect(node.deliveries).toEqual(
      expect.arrayContaining([
        { channel: 'SMS', state: 'FAILED', fallback: false },
        { channel: 'EMAIL', state: 'DELIVERED', fallback: true },
        { channel: 'IN_APP', state: 'SENT', fallback: false },
      ]),
    );
  });

  it('takes a provider’s refusal (4xx) as FAILED for good, not retried, and falls back to e-mail', async () => {
    const to = phone('+9665999992');
    const email = `refused-${tag()}@example.com`;
    const p = await registerCitizen(t, { phone: to, email });
    const id = await notify(p.nationalId);
    const refused = await until(async () => ((await attempt(id, 'SMS'))?.state === 'FAILED' ? attempt(id, 'SMS') : null));
    expect(refused).toMatchObject({ permanent: true, attempt_count: 1, provider_ref: null, error: expect.stringMatching(/HTTP 400/) });
    await until(async () => (await attempt(id, 'EMAIL', true))?.state === 'DELIVERED');
    expect(await smsTo(to)).toEqual([]);
    expect((await attempt(id, 'SMS'))!.attempt_count).toBe(1);
  });

  function postReport(body: string, secret: string, t0 = Math.floor(Date.now() / 1000)) {
    return fetch(`${t.url}/webhooks/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signatureHeader(secret, body, t0) },
      body,
    });
  }
});
