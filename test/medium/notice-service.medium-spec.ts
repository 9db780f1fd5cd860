/**
 * Legal service dated from the delivery report (docs/notifications.md, "Legal service"): a
 * judgment's notice that first reaches a party by e-mail serves them at the time the report gives,
 * and their objection window runs from that instant, not from the moment the report was read. A
 * report cannot date service after it was received, nor before the message left. (In the
 * platform the in-app copy usually serves first; here the e-mail is the first to arrive.)
 */
import { randomUUID } from 'node:crypto';
import { Transactions } from '../../src/core/database/transactions';
import { PartySide } from '../../src/litigation/lawsuits/lawsuit.enums';
import { ObjectionClock } from '../../src/litigation/judgments/objection-clock.service';
import { DeliveryAttempts } from '../../src/notifications/delivery-attempts.service';
import { DeliveryReports } from '../../src/notifications/delivery-reports.service';
import { NotificationChannel, NotificationKind } from '../../src/notifications/notification.enums';
import { scenario, Scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('service dated from the delivery report', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  /** The claimant's judgment notice, e-mailed now and accepted by the server (what the worker records on a 250). */
  async function emailed(s: Scenario): Promise<{ notificationId: string; attemptId: string }> {
    const [notice] = await m.db.query<{ id: string }[]>(
      `SELECT n.id FROM notifications n JOIN users u ON u.national_id = n.national_id
        WHERE n.lawsuit_id = $1 AND n.kind = $2 AND u.id = $3`,
      [s.lawsuitId, NotificationKind.JUDGMENT_ISSUED, s.actors.claimant.id],
    );
    const attemptId = randomUUID();
    const attempts = m.get(DeliveryAttempts);
    await m.get(Transactions).run(m.system(), async (tx) => {
      const locked = await attempts.lock(tx, notice.id);
      await attempts.apply(tx, locked!, NotificationChannel.EMAIL, 'sent', { id: attemptId, address: 'party@example.com', newTry: true });
    });
    return { notificationId: notice.id, attemptId };
  }

  const claimantWindow = async (s: Scenario) =>
    (await m.get(ObjectionClock).windowsOf(m.system(), [s.judgmentId])).find((w) => w.side === PartySide.CLAIMANT)!;

  it('serves the party at the report’s time, and their window runs 30 days from it', async () => {
    const s = await scenario(m).judgmentIssued();
    const sentAt = new Date(Math.ceil(m.clock.now().getTime() / 1000) * 1000);
    m.clock.set(sentAt);
    const { notificationId, attemptId } = await emailed(s);
    const reportedAt = new Date(sentAt.getTime() + 2 * HOUR);
    // The report is read a day later (the reporting server was slow): service is still its time.
    m.clock.set(new Date(sentAt.getTime() + DAY));
    expect(
      await m
        .get(DeliveryReports)
        .apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId, outcome: 'delivered', at: reportedAt }),
    ).toBe('DELIVERED');

    const window = await claimantWindow(s);
    expect(window).toMatchObject({ servedAt: reportedAt, servedChannel: NotificationChannel.EMAIL });
    expect(window.objectionDeadline!.getTime() - reportedAt.getTime()).toBe(30 * DAY);
    const [row] = await m.db.query('SELECT served_at, served_channel FROM notifications WHERE id = $1', [notificationId]);
    expect(row).toEqual({ served_at: reportedAt, served_channel: 'EMAIL' });

    // The same report again: nothing moves.
    expect(
      await m
        .get(DeliveryReports)
        .apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId, outcome: 'delivered', at: new Date() }),
    ).toBeNull();
    expect((await claimantWindow(s)).servedAt).toEqual(reportedAt);
  });

  it('dates a report from the future at the moment it is read, and one from before the message left at its sending', async () => {
    const s = await scenario(m).judgmentIssued();
    const readAt = new Date(Math.ceil(m.clock.now().getTime() / 1000) * 1000 + HOUR);
    m.clock.set(new Date(readAt.getTime() - HOUR));
    const { attemptId } = await emailed(s);
    m.clock.set(readAt);
    await m
      .get(DeliveryReports)
      .apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId, outcome: 'delivered', at: new Date(readAt.getTime() + 5 * DAY) });
    // The clock runs on from where it was set: read a moment after readAt.
    const servedAt = (await claimantWindow(s)).servedAt!.getTime();
    expect(servedAt - readAt.getTime()).toBeGreaterThanOrEqual(0);
    expect(servedAt - readAt.getTime()).toBeLessThan(5000);

    const early = await scenario(m).judgmentIssued();
    const sentAt = new Date(Math.ceil(m.clock.now().getTime() / 1000) * 1000 + HOUR);
    m.clock.set(sentAt);
    const second = await emailed(early);
    m.clock.set(new Date(sentAt.getTime() + HOUR));
    await m.get(DeliveryReports).apply(m.system(), {
      channel: NotificationChannel.EMAIL,
      attemptId: second.attemptId,
      outcome: 'delivered',
      at: new Date(sentAt.getTime() - DAY),
    });
    expect((await claimantWindow(early)).servedAt).toEqual(sentAt);
  });

  it('leaves a party unserved by a failure report, and names nothing with an attempt id that is not ours', async () => {
    const s = await scenario(m).judgmentIssued();
    const { attemptId } = await emailed(s);
    expect(
      await m
        .get(DeliveryReports)
        .apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId, outcome: 'failed', error: 'bounced: 5.1.1' }),
    ).toBe('FAILED');
    expect((await claimantWindow(s)).servedAt).toBeNull();
    const [attempt] = await m.db.query('SELECT state, permanent FROM notification_attempts WHERE id = $1', [attemptId]);
    expect(attempt).toEqual({ state: 'FAILED', permanent: true });
    // The same bounce again changes nothing, and a fallback is asked for once.
    expect(
      await m.get(DeliveryReports).apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId, outcome: 'failed', error: 'again' }),
    ).toBeNull();
    expect(
      await m.db.query(
        `SELECT 1 FROM outbox WHERE topic = 'notifications.fallback' AND payload->>'notificationId' = (SELECT notification_id::text FROM notification_attempts WHERE id = $1)`,
        [attemptId],
      ),
    ).toHaveLength(1);
    expect(
      await m.get(DeliveryReports).apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId: randomUUID(), outcome: 'delivered' }),
    ).toBeNull();
    expect(
      await m
        .get(DeliveryReports)
        .apply(m.system(), { channel: NotificationChannel.EMAIL, attemptId: 'account-code:1', outcome: 'delivered' }),
    ).toBeNull();
    // An SMS report that names an e-mail attempt changes nothing.
    const other = await emailed(await scenario(m).judgmentIssued());
    expect(
      await m
        .get(DeliveryReports)
        .apply(m.system(), { channel: NotificationChannel.SMS, attemptId: other.attemptId, outcome: 'delivered' }),
    ).toBeNull();
  });
});
