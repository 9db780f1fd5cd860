/**
 * Electronic notification end to end: the Notifier inside a transaction, the outbox, the worker's
 * `notifications.deliver` job, the mail stand-in (a real SMTP server process) receiving the email
 * with its ICS invitation, the SMS provider stand-in with its signed reports, and the notices over GraphQL.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import { JobBus } from '../src/core/queue/job-bus';
import { JobHandlers } from '../src/core/queue/job-handlers';
import { NotificationDelivery } from '../src/notifications/notification-delivery.service';
import { NotificationChannel, NotificationKind } from '../src/notifications/notification.enums';
import { Notice, Notifier } from '../src/notifications/notifier.service';
import { OutboxDispatcher } from '../src/notifications/outbox-dispatcher';
import { smsTo } from './factories/stand-in-inboxes';
import { Mail, Mailbox, mimePart, until } from './factories/mailbox';
import { nationalId, registerCitizen } from './factories/people';
import { startApp, startWorker, TestApp } from './harness';

/** Its own Redis prefix: no other spec's worker takes these jobs, and ours takes no one else's. */
const REDIS_PREFIX = `${process.env.REDIS_PREFIX}-notif`;

const NOTIFICATIONS = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind titleAr titleEn bodyEn data readAt servedAt servedChannel
      deliveries { channel state address attemptCount sentAt deliveredAt openedAt } } }
    pageInfo { hasNextPage endCursor } }
  unreadNotificationCount }`;
const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt servedAt deliveries { channel state openedAt } } }`;

describe('notifications: notices delivered in-app, by email with an ICS invitation, and by SMS', () => {
  /** The mail stand-in: `…@nonexistent.test` refused (550), `…@unavailable.test` turned away once (451). */
  const mailbox = new Mailbox();
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    await mailbox.start();
    const overrides = { SMTP_URL: mailbox.url, SMTP_FROM: 'Adl Courts <notices@adl.test>', REDIS_PREFIX };
    t = await startApp(overrides);
    // The SMS provider's delivery reports come to this file's API.
    worker = await startWorker(t, { ...overrides, SMS_CALLBACK_BASE_URL: t.url });
    db = worker.get(DataSource);
    queue = worker.get<Queue>(getQueueToken('notifications'), { strict: false });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await mailbox.close();
  });

  function context() {
    return worker.get(RequestContextFactory).forActor(`test-notify-${randomUUID()}`, null);
  }

  function notify(notice: Partial<Notice> & Pick<Notice, 'recipients'>) {
    return worker.get(Transactions).run(context(), (tx) =>
      worker.get(Notifier).notify(tx, {
        kind: NotificationKind.LAWSUIT_REGISTERED,
        titleAr: 'قيد الدعوى',
        titleEn: 'Lawsuit registered',
        bodyAr: 'قيدت دعواكم برقم ١٤٤٧-RYD-GEN-000001.',
        bodyEn: 'Your lawsuit was registered as 1447-RYD-GEN-000001.',
        data: { caseNumber: '1447-RYD-GEN-000001' },
        dedupeKey: `test:${randomUUID()}`,
        ...notice,
      }),
    );
  }

  const hearingNotice = (): Partial<Notice> => ({
    kind: NotificationKind.HEARING_SCHEDULED,
    titleAr: 'موعد جلسة',
    titleEn: 'Hearing scheduled',
    bodyAr: 'حددت جلسة دعواكم، القاعة ٤.',
    bodyEn: 'A hearing of your lawsuit is scheduled, room 4.',
    calendar: {
      startsAt: new Date('2026-03-01T09:30:00+03:00'),
      endsAt: new Date('2026-03-01T10:00:00+03:00'),
      location: 'Riyadh General Court, room 4',
      uid: `hearing-${randomUUID()}@adl.test`,
      sequence: 0,
    },
  });

  function mailsTo(address: string): Promise<Mail[]> {
    return mailbox.to(address);
  }

  async function attempts(notificationId: string) {
    return db.query<
      { channel: string; state: string; attempt_count: number; address: string; error: string | null; delivered_at: Date | null }[]
    >(
      `SELECT channel, state, attempt_count, address, error, delivered_at FROM notification_attempts WHERE notification_id = $1 ORDER BY channel`,
      [notificationId],
    );
  }

  /** The state of the job the outbox made for a notice. */
  async function outboxJobState(notificationId: string): Promise<string | null> {
    const [row] = await db.query<{ id: string }[]>(
      `SELECT id FROM outbox WHERE payload->>'notificationId' = $1 AND dispatched_at IS NOT NULL`,
      [notificationId],
    );
    if (!row) return null;
    const job = await queue.getJob(`outbox-${row.id}`);
    return job ? job.getState() : null;
  }

  function person(overrides: Record<string, unknown> = {}) {
    const tag = randomUUID().slice(0, 8);
    return registerCitizen(t, {
      email: `party-${tag}@example.com`,
      phone: `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      ...overrides,
    });
  }

  it('has exactly one handler for every job, notifications.deliver included', () => {
    expect(worker.get(JobHandlers).problems()).toEqual([]);
  });

  it('emails a hearing notice exactly once with an ICS invitation (METHOD:REQUEST, UTC), even when the job runs again', async () => {
    const email = `hearing-${randomUUID().slice(0, 8)}@example.com`;
    const p = await person({ email });
    const notice = hearingNotice();
    const { created } = await notify({ ...notice, recipients: [{ nationalId: p.nationalId }] });
    expect(created).toHaveLength(1);
    const id = created[0].id;

    await until(async () => {
      const rows = await attempts(id);
      return rows.length === 3 && rows.some((a) => a.channel === 'SMS' && a.state === 'DELIVERED') && (await mailsTo(email)).length === 1;
    });
    // A retry of the same job (a new job id, as a redelivery would be) and the handler run again directly.
    await worker.get(JobBus).add('notifications.deliver', { notificationId: id }, `retry-${id}`);
    await until(async () => (await (await queue.getJob(`retry-${id}`))?.getState()) === 'completed');
    const again = await worker.get(NotificationDelivery).deliver(id, { jobId: 'direct' });
    expect(again.channels.every((c) => c.skipped)).toBe(true);
    // And the outbox dispatched again after a crash: the same job id, so BullMQ adds nothing.
    await db.query(`UPDATE outbox SET dispatched_at = NULL WHERE payload->>'notificationId' = $1`, [id]);
    await worker.get(OutboxDispatcher).drain();
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(email)).toHaveLength(1);

    const raw = (await mailsTo(email))[0].raw;
    expect(raw).toMatch(new RegExp(`^Message-ID: <${id}@adl\\.test>`, 'mi'));
    const attachment = mimePart(raw, /content-type:\s*application\/ics/i);
    expect(attachment).not.toBeNull();
    expect(attachment!.headers).toMatch(/content-disposition:\s*attachment/i);
    expect(attachment!.headers).toMatch(/filename="?hearing\.ics/i);
    const ics = attachment!.body;
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20260301T063000Z\r\n');
    expect(ics).toContain('DTEND:20260301T070000Z\r\n');
    expect(ics).toContain(`UID:${notice.calendar!.uid}`);
    expect(ics.replace(/\r\n /g, '')).toContain(`mailto:${email}`);
    expect(mimePart(raw, /content-type:\s*text\/calendar/i)!.headers).toMatch(/method=REQUEST/i);

    expect(await attempts(id)).toEqual([
      expect.objectContaining({ channel: 'EMAIL', state: 'SENT', attempt_count: 1, address: email }),
      expect.objectContaining({ channel: 'IN_APP', state: 'SENT', attempt_count: 1, address: p.id }),
      expect.objectContaining({ channel: 'SMS', state: 'DELIVERED', attempt_count: 1 }),
    ]);
  });

  it('shows the notice in-app with its deliveries masked, and marks it read (the in-app delivery becomes OPENED)', async () => {
    const p = await person();
    const other = await person();
    const { created } = await notify({ recipients: [{ nationalId: p.nationalId }] });
    const id = created[0].id;
    await until(
      async () => (await attempts(id)).some((a) => a.channel === 'SMS' && a.state === 'DELIVERED') && (await attempts(id)).length === 3,
    );

    const before = await t.ok(NOTIFICATIONS, { unreadOnly: true }, p.token);
    expect(before.unreadNotificationCount).toBe(1);
    const node = before.notifications.edges[0].node;
    expect(node).toMatchObject({
      id,
      kind: 'LAWSUIT_REGISTERED',
      titleEn: 'Lawsuit registered',
      data: { caseNumber: '1447-RYD-GEN-000001' },
      readAt: null,
      servedChannel: 'IN_APP',
    });
    expect(node.servedAt).not.toBeNull();
    const byChannel = Object.fromEntries(node.deliveries.map((d: { channel: string }) => [d.channel, d]));
    expect(byChannel.IN_APP).toMatchObject({ state: 'SENT', address: null, attemptCount: 1 });
    expect(byChannel.EMAIL.address).toMatch(/^p\*{5}@example\.com$/);
    expect(byChannel.SMS).toMatchObject({ state: 'DELIVERED', address: expect.stringMatching(/^\+9665\*{5}\d{3}$/) });

    // Someone else neither sees it nor can mark it read.
    expect((await t.ok(NOTIFICATIONS, {}, other.token)).notifications.edges).toEqual([]);
    expect(await t.code(MARK_READ, { id }, other.token)).toBe('NOT_FOUND');
    expect(await t.code(MARK_READ, { id })).toBe('UNAUTHENTICATED');

    const read = (await t.ok(MARK_READ, { id }, p.token)).markNotificationRead;
    expect(read.readAt).not.toBeNull();
    expect(read.deliveries.find((d: { channel: string }) => d.channel === 'IN_APP')).toMatchObject({
      state: 'OPENED',
      openedAt: expect.any(String),
    });
    // Again: no change.
    expect((await t.ok(MARK_READ, { id }, p.token)).markNotificationRead.readAt).toBe(read.readAt);

    const after = await t.ok(NOTIFICATIONS, { unreadOnly: true }, p.token);
    expect(after.notifications.edges).toEqual([]);
    expect(after.unreadNotificationCount).toBe(0);
    expect((await t.ok(NOTIFICATIONS, {}, p.token)).notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
  });

  it('pages through the notices newest first by cursor', async () => {
    const p = await person({ email: undefined, phone: undefined });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await notify({ recipients: [{ nationalId: p.nationalId }], titleEn: `Notice ${i}` })).created[0].id);
    const first = (await t.ok(NOTIFICATIONS, { first: 2 }, p.token)).notifications;
    expect(first.edges.map((e: { node: { titleEn: string } }) => e.node.titleEn)).toEqual(['Notice 2', 'Notice 1']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.ok(NOTIFICATIONS, { first: 2, after: first.pageInfo.endCursor }, p.token)).notifications;
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('gives a user without email or phone only the in-app notice', async () => {
    const p = await person({ email: undefined, phone: undefined });
    const { created } = await notify({ ...hearingNotice(), recipients: [{ nationalId: p.nationalId }] });
    const id = created[0].id;
    await until(async () => (await outboxJobState(id)) === 'completed');
    expect(await attempts(id)).toEqual([expect.objectContaining({ channel: 'IN_APP', state: 'SENT', attempt_count: 1 })]);
    expect((await mailbox.all()).filter((m) => m.raw.includes(id))).toEqual([]);
  });

  it('keeps the notice of someone without an account for when they register, with no delivery', async () => {
    const nid = nationalId();
    const { created } = await notify({ recipients: [{ nationalId: nid }] });
    const id = created[0].id;
    await until(async () => (await outboxJobState(id)) === 'completed');
    expect(await attempts(id)).toEqual([]);
    const [row] = await db.query(`SELECT user_id, served_at FROM notifications WHERE id = $1`, [id]);
    expect(row).toEqual({ user_id: null, served_at: null });

    const later = await person({ nationalId: nid });
    expect((await t.ok(NOTIFICATIONS, {}, later.token)).notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id]);
  });

  it('sends nothing for a notice whose transaction rolls back', async () => {
    const p = await person();
    const dedupeKey = `rolled-back:${randomUUID()}`;
    const ctx = context();
    await expect(
      worker.get(Transactions).run(ctx, async (tx) => {
        await worker.get(Notifier).notify(tx, {
          kind: NotificationKind.JUDGMENT_ISSUED,
          recipients: [{ nationalId: p.nationalId }],
          titleAr: 'صدور الحكم',
          titleEn: 'Judgment issued',
          bodyAr: 'صدر الحكم.',
          bodyEn: 'Judgment was issued.',
          dedupeKey,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await worker.get(OutboxDispatcher).drain();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await db.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [dedupeKey])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM outbox WHERE request_id = $1`, [ctx.requestId])).toHaveLength(0);
    expect(await mailsTo((await db.query(`SELECT email FROM users WHERE id = $1`, [p.id]))[0].email)).toEqual([]);
    const [{ phone }] = await db.query(`SELECT phone FROM users WHERE id = $1`, [p.id]);
    expect((await smsTo(phone)).filter((s) => s.text.includes('صدور الحكم'))).toEqual([]);
  });

  it('sends an SMS through the provider, delivered by its report', async () => {
    const p = await person();
    const [{ phone }] = await db.query(`SELECT phone FROM users WHERE id = $1`, [p.id]);
    const { created } = await notify({ recipients: [{ nationalId: p.nationalId }], titleAr: 'إشعار رسالة' });
    const id = created[0].id;
    const recorded = await until(async () => (await smsTo(phone)).find((s) => s.text.includes('إشعار رسالة')));
    expect(recorded).toMatchObject({ to: phone, text: expect.stringContaining('إشعار رسالة') });
    await until(async () => (await attempts(id)).some((a) => a.channel === 'SMS' && a.state === 'DELIVERED'));
    expect((await attempts(id)).find((a) => a.channel === 'SMS')).toMatchObject({
      state: 'DELIVERED',
      address: phone,
      delivered_at: expect.any(Date),
    });
  });

  it('never creates the same notice twice for the same cause', async () => {
    const p = await person({ email: undefined, phone: undefined });
    const dedupeKey = `same-cause:${randomUUID()}`;
    const first = await notify({ recipients: [{ nationalId: p.nationalId }, { nationalId: p.nationalId }], dedupeKey });
    const second = await notify({ recipients: [{ nationalId: p.nationalId }], dedupeKey });
    expect(first.created).toHaveLength(1);
    expect(second).toEqual({ created: [], duplicates: [p.nationalId] });
    expect(await db.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [dedupeKey])).toHaveLength(1);
    expect(await db.query(`SELECT 1 FROM outbox WHERE payload->>'notificationId' = $1`, [first.created[0].id])).toHaveLength(1);
  });

  it('retries an email the server turned away for now, and sends it once', async () => {
    const email = `busy-${randomUUID().slice(0, 8)}@unavailable.test`;
    const p = await person({ email, phone: undefined });
    const { created } = await notify({ recipients: [{ nationalId: p.nationalId }] });
    const id = created[0].id;
    const email1 = await until(async () => (await attempts(id)).find((a) => a.channel === 'EMAIL' && a.state === 'FAILED'));
    expect(email1.error).toMatch(/451|busy/);
    await until(async () => (await attempts(id)).find((a) => a.channel === 'EMAIL' && a.state === 'SENT'));
    expect(await attempts(id)).toEqual([
      expect.objectContaining({ channel: 'EMAIL', state: 'SENT', attempt_count: 2, error: null }),
      expect.objectContaining({ channel: 'IN_APP', state: 'SENT', attempt_count: 1 }),
    ]);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('records a refused address as FAILED without retrying, and a later delivery receipt moves an email on', async () => {
    const bounced = await person({ email: `bounce-${randomUUID().slice(0, 8)}@nonexistent.test`, phone: undefined });
    const { created } = await notify({ recipients: [{ nationalId: bounced.nationalId }] });
    const id = created[0].id;
    await until(async () => (await outboxJobState(id)) === 'completed');
    expect((await attempts(id)).find((a) => a.channel === 'EMAIL')).toMatchObject({
      state: 'FAILED',
      attempt_count: 1,
      error: expect.stringMatching(/550|no such mailbox|rejected/i),
    });

    const p = await person({ phone: undefined });
    const sent = (await notify({ recipients: [{ nationalId: p.nationalId }] })).created[0].id;
    await until(async () => (await attempts(sent)).find((a) => a.channel === 'EMAIL' && a.state === 'SENT'));
    const delivery = worker.get(NotificationDelivery);
    expect(await delivery.receipt(context(), sent, NotificationChannel.EMAIL, 'delivered')).toBe('DELIVERED');
    expect(await delivery.receipt(context(), sent, NotificationChannel.EMAIL, 'delivered')).toBeNull();
    expect((await attempts(sent)).find((a) => a.channel === 'EMAIL')).toMatchObject({ state: 'DELIVERED', delivered_at: expect.any(Date) });
    // Already served in-app, before the email arrived: service is the first arrival.
    const [row] = await db.query(`SELECT served_channel FROM notifications WHERE id = $1`, [sent]);
    expect(row.served_channel).toBe('IN_APP');
    const [audit] = await db.query(`SELECT after FROM audit_events WHERE action = 'notification.served' AND subject_id = $1`, [sent]);
    expect(audit.after).toMatchObject({ channel: 'IN_APP' });
  });
});
