/**
 * The other half of "every transition notifies": a transition that is refused or rolls back
 * notifies no one, with the worker in this process and a real SMTP server. A schedule or a
 * postponement refused with HEARING_CONFLICT writes no notice and no outbox row, and only the
 * notices that exist go out by email; a transaction that fails after its notices were written
 * leaves no notice, no outbox row and no email.
 */
import { randomUUID } from 'node:crypto';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import { ActorLoader } from '../src/identity/actor-loader';
import { HearingMode } from '../src/litigation/hearings/hearing.enums';
import type { ScheduleHearingInput } from '../src/litigation/hearings/hearing.inputs';
import { HearingsService } from '../src/litigation/hearings/hearings.service';
import { OutboxDispatcher } from '../src/notifications/outbox-dispatcher';
import { header, invitation } from './factories/mailbox';
import {
  db,
  fx,
  LAWSUIT,
  mailbox,
  mailsOf,
  notices,
  person,
  POSTPONE,
  registered,
  SCHEDULE,
  setUpNotifyTransitions,
  slot,
  t,
  worker,
} from './support/notify-transitions';

describe('notices of transitions: who hears of what, and nothing from a refused or rolled-back transition', () => {
  setUpNotifyTransitions('notify-refused');

  it('notifies no one of a schedule or a postponement refused with HEARING_CONFLICT', async () => {
    const [claimant, defendant] = [await person(), await person()];
    const a = await registered(claimant, defendant);
    const b = await registered(claimant, defendant);
    const at = slot(9);
    const hearingA = (
      await t.ok(
        SCHEDULE,
        { i: { lawsuitId: a.id, startsAt: at.toISOString(), durationMinutes: 60, mode: 'IN_PERSON', room: 'Room 2' } },
        fx.clerk.token,
      )
    ).scheduleHearing;

    const clash = await t.gql(
      SCHEDULE,
      {
        i: {
          lawsuitId: b.id,
          startsAt: new Date(at.getTime() + 15 * 60_000).toISOString(),
          durationMinutes: 60,
          mode: 'IN_PERSON',
          room: 'Room 3',
        },
      },
      fx.clerk.token,
    );
    expect(clash.errors![0].extensions.code).toBe('HEARING_CONFLICT');
    expect((await t.ok(LAWSUIT, { id: b.id }, claimant.token)).lawsuit).toEqual({ state: 'REGISTERED', hearings: [] });
    expect((await notices(b.id)).map((n) => n.kind).sort()).toEqual(['LAWSUIT_REGISTERED', 'LAWSUIT_REGISTERED', 'LAWSUIT_SUBMITTED']);
    expect(await outboxOf(clash.errors![0].extensions.requestId as string)).toBe(0);

    const atB = slot(11);
    await t.ok(
      SCHEDULE,
      { i: { lawsuitId: b.id, startsAt: atB.toISOString(), durationMinutes: 60, mode: 'IN_PERSON', room: 'Room 3' } },
      fx.clerk.token,
    );
    const moved = await t.gql(
      POSTPONE,
      { i: { hearingId: hearingA.id, reason: 'على موعد محجوز — onto a booked slot', startsAt: atB.toISOString(), durationMinutes: 30 } },
      fx.clerk.token,
    );
    expect(moved.errors![0].extensions.code).toBe('HEARING_CONFLICT');
    expect((await t.ok(LAWSUIT, { id: a.id }, claimant.token)).lawsuit.hearings).toEqual([{ id: hearingA.id, state: 'SCHEDULED' }]);
    // One for each party and one for the presiding judge.
    expect((await notices(a.id)).filter((n) => n.kind.startsWith('HEARING_')).map((n) => n.kind)).toEqual([
      'HEARING_SCHEDULED',
      'HEARING_SCHEDULED',
      'HEARING_SCHEDULED',
    ]);
    expect(await outboxOf(moved.errors![0].extensions.requestId as string)).toBe(0);

    // Each notice that exists went out by email exactly once; the refused ones never existed.
    const mails = await mailsOf(defendant, [a.id, b.id]);
    expect(
      mails
        .map((m) =>
          header(m.raw, 'Subject')!
            .replace(/^.* — /, '')
            .replace(/\d{4}-\w+-\d{6}/, 'N'),
        )
        .sort(),
    ).toEqual(['Hearing scheduled in lawsuit N', 'Hearing scheduled in lawsuit N', 'Lawsuit N registered', 'Lawsuit N registered']);
  });

  async function outboxOf(requestId: string): Promise<number> {
    expect(requestId).toBeTruthy();
    const [row] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox WHERE request_id = $1`, [requestId]);
    return row.n;
  }

  it('writes nothing and sends nothing when the transaction of a transition fails after its notices were written', async () => {
    const [claimant, defendant] = [await person(), await person()];
    const { id } = await registered(claimant, defendant);
    const [{ token_version }] = await db.query(`SELECT token_version FROM users WHERE id = $1`, [fx.clerk.id]);
    const clerk = await t.app.get(ActorLoader, { strict: false }).load(fx.clerk.id, token_version, 'password');
    const ctx = t.app.get(RequestContextFactory).forActor(`test-rollback-${randomUUID()}`, clerk);
    const input = {
      lawsuitId: id,
      startsAt: slot(13),
      durationMinutes: 30,
      mode: HearingMode.IN_PERSON,
      room: 'Room 5',
    } as ScheduleHearingInput;

    await expect(
      t.app.get(Transactions).run(ctx, async (tx) => {
        const hearing = await t.app.get(HearingsService).schedule(tx, input);
        // Inside the transaction, the scheduling notified both parties and the presiding judge…
        const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM notifications WHERE hearing_id = $1`, [hearing.id]);
        expect(n).toBe(3);
        // …and then something later in the same transaction fails.
        throw new Error('abort after the notices were written');
      }),
    ).rejects.toThrow('abort after the notices were written');

    expect((await t.ok(LAWSUIT, { id }, claimant.token)).lawsuit).toEqual({ state: 'REGISTERED', hearings: [] });
    expect((await notices(id)).map((n) => n.kind).sort()).toEqual(['LAWSUIT_REGISTERED', 'LAWSUIT_REGISTERED', 'LAWSUIT_SUBMITTED']);
    expect(await outboxOf(ctx.requestId)).toBe(0);
    await worker.get(OutboxDispatcher).drain();
    const mails = await mailsOf(defendant, [id]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mails).toHaveLength(1);
    expect(await mailbox.to(defendant.email)).toHaveLength(1);
    expect((await mailbox.to(claimant.email)).filter((m) => invitation(m.raw))).toHaveLength(0);
  });
});
