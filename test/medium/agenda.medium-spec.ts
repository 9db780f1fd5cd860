/**
 * A party's agenda (docs/domain.md, "A party's agenda"): hearings ahead with the remote link once
 * check-in opens and the person registered, deadlines with their countdown and the rule, pending
 * actions — across their own cases and those they act for, and nothing of anyone else's.
 */
import { AgendaService } from '../../src/litigation/agenda/agenda.service';
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { BillPurpose, BillsService } from '../../src/payments';
import { citizen } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

const MINUTE = 60_000;

describe('a party’s agenda', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const agendaOf = async (who: { ctx(): Promise<Parameters<AgendaService['agendaOf']>[0]> }) =>
    m.get(AgendaService).agendaOf(await who.ctx());

  it('lists the hearings of a party’s cases, as a party, and none of them to anyone else', async () => {
    const s = await scenario(m).hearingScheduled({ room: 'Room 7' });
    const claimant = await agendaOf(s.actors.claimant);
    const hearing = claimant.hearings.find((h) => h.hearingId === s.hearingId)!;
    expect(hearing).toMatchObject({
      lawsuitId: s.lawsuitId,
      mode: 'IN_PERSON',
      room: 'Room 7',
      joinOpensAt: null,
      joinLink: null,
      role: { side: 'CLAIMANT', representing: false },
      calendarUid: `hearing-${s.hearingId}@adl`,
    });
    expect((await agendaOf(s.actors.defendant)).hearings.map((h) => h.hearingId)).toContain(s.hearingId);
    const stranger = await citizen(s.host);
    expect((await agendaOf(stranger)).hearings.map((h) => h.hearingId)).not.toContain(s.hearingId);
  });

  it('shows the agent who filed for the claimant the client’s hearing, as acting for them', async () => {
    const s = await scenario(m).lawsuit({ byAgent: true }).hearingScheduled();
    const hearing = (await agendaOf(s.actors.agent)).hearings.find((h) => h.hearingId === s.hearingId)!;
    expect(hearing.role).toMatchObject({ side: 'CLAIMANT', representing: true });
  });

  it('gives a remote hearing’s link only once check-in opened and the party registered, asking them to check in meanwhile', async () => {
    const s = await scenario(m).hearingScheduled({ remote: true, meetingLink: 'https://meet.adl.test/room-42' });
    const before = (await agendaOf(s.actors.claimant)).hearings.find((h) => h.hearingId === s.hearingId)!;
    expect(before.joinOpensAt!.getTime()).toBe(before.startsAt.getTime() - 15 * MINUTE);
    expect(before.joinLink).toBeNull();

    m.clock.set(new Date(before.startsAt.getTime() - 10 * MINUTE));
    const open = await agendaOf(s.actors.claimant);
    expect(open.hearings.find((h) => h.hearingId === s.hearingId)!.joinLink).toBeNull();
    expect(open.actions.find((a) => a.subjectId === s.hearingId)).toMatchObject({ kind: 'REGISTER_ATTENDANCE', lawsuitId: s.lawsuitId });

    await m.get(HearingsService).registerAttendance(await s.actors.claimant.ctx(), s.hearingId);
    const joined = await agendaOf(s.actors.claimant);
    expect(joined.hearings.find((h) => h.hearingId === s.hearingId)!.joinLink).toBe('https://meet.adl.test/room-42');
    expect(joined.actions.find((a) => a.subjectId === s.hearingId)).toBeUndefined();
  });

  it('counts down a served party’s objection window, explained, until they answer the judgment', async () => {
    const s = await scenario(m).judgmentIssued().served({ only: 'CLAIMANT' });
    const agenda = await agendaOf(s.actors.claimant);
    const objection = agenda.deadlines.find((d) => d.kind === 'OBJECTION' && d.lawsuitId === s.lawsuitId)!;
    expect(objection.secondsLeft).toBe(Math.floor((objection.dueAt.getTime() - agenda.at.getTime()) / 1000));
    expect(objection.daysLeft).toBeGreaterThanOrEqual(29);
    expect(objection.deadline).toMatchObject({
      days: 30,
      dueAt: objection.dueAt,
      rule: { reference: expect.stringContaining('Article 187') },
    });
    expect(agenda.actions.find((a) => a.lawsuitId === s.lawsuitId && a.kind === 'OBJECT_OR_ACCEPT')).toMatchObject({
      dueAt: objection.dueAt,
    });
    // The defendant, not served yet, has no clock running.
    expect((await agendaOf(s.actors.defendant)).deadlines.filter((d) => d.lawsuitId === s.lawsuitId)).toEqual([]);

    await m.get(JudgmentsService).acceptJudgment(await s.actors.claimant.ctx(), s.lawsuitId);
    const after = await agendaOf(s.actors.claimant);
    expect(after.deadlines.filter((d) => d.lawsuitId === s.lawsuitId)).toEqual([]);
    expect(after.actions.filter((a) => a.lawsuitId === s.lawsuitId)).toEqual([]);
  });

  it('counts down the claimant’s window to resume a struck-off case, and asks the defendant to answer a pending waiver', async () => {
    const struck = await scenario(m).struckOff();
    const resumption = (await agendaOf(struck.actors.claimant)).deadlines.find((d) => d.lawsuitId === struck.lawsuitId)!;
    expect(resumption).toMatchObject({ kind: 'RESUMPTION', deadline: { days: 60 } });
    expect((await agendaOf(struck.actors.defendant)).deadlines.filter((d) => d.lawsuitId === struck.lawsuitId)).toEqual([]);

    const waiver = await scenario(m).waiverPending();
    await waiver.scheduleHearing();
    const answer = (await agendaOf(waiver.actors.defendant)).actions.find((a) => a.lawsuitId === waiver.lawsuitId)!;
    expect(answer).toMatchObject({ kind: 'ANSWER_WAIVER' });
    expect(answer.dueAt).not.toBeNull();
  });

  it('asks the defendant for a defence before the first hearing, and no more once filed', async () => {
    const s = await scenario(m).hearingScheduled();
    const asked = (await agendaOf(s.actors.defendant)).actions.find((a) => a.lawsuitId === s.lawsuitId && a.kind === 'FILE_DEFENCE')!;
    const hearing = (await agendaOf(s.actors.defendant)).hearings.find((h) => h.hearingId === s.hearingId)!;
    expect(asked.dueAt).toEqual(hearing.startsAt);
    expect((await agendaOf(s.actors.claimant)).actions.filter((a) => a.kind === 'FILE_DEFENCE' && a.lawsuitId === s.lawsuitId)).toEqual([]);
    await m.get(PleadingsService).submitDefence(await s.actors.defendant.ctx(), s.lawsuitId, 'مذكرة جوابية — statement of defence');
    expect((await agendaOf(s.actors.defendant)).actions.filter((a) => a.kind === 'FILE_DEFENCE' && a.lawsuitId === s.lawsuitId)).toEqual(
      [],
    );
  });

  it('asks the filer to submit a draft', async () => {
    const draft = await scenario(m).lawsuit();
    const filer = await agendaOf(draft.actors.filer);
    expect(filer.actions.find((a) => a.lawsuitId === draft.lawsuitId)).toMatchObject({ kind: 'SUBMIT_LAWSUIT', dueAt: null });
  });

  it('asks the party a final judgment went against to pay its costs before the bill is due, and no one else', async () => {
    const s = await scenario(m).lawsuit({ amount: 80_000 }).final();
    const [costs] = await m.get(BillsService).billsOf(m.system(), 'Lawsuit', s.lawsuitId, BillPurpose.JUDGMENT_COSTS);
    const loser = await agendaOf(s.actors.defendant);
    const payment = loser.deadlines.find((d) => d.billId === costs.id)!;
    expect(payment).toMatchObject({ kind: 'PAYMENT', lawsuitId: s.lawsuitId, dueAt: costs.dueAt });
    expect(loser.actions).toContainEqual(expect.objectContaining({ kind: 'PAY_BILL', subjectId: costs.id, dueAt: costs.dueAt }));
    expect((await agendaOf(s.actors.claimant)).deadlines.find((d) => d.billId === costs.id)).toBeUndefined();
  });
});
