import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { Citizen, registerCitizen } from './factories/people';
import { DataSource } from 'typeorm';
import { startApp, TestApp } from './harness';
import type { LawsuitOptions } from './scenario/litigation';
import { scenario } from './scenario/scenario';

const HEARING = `id lawsuitId circuitId judgeId startsAt endsAt mode room state meetingLink previousHearingId nextHearingId postponementReason`;
const SCHEDULE = `mutation($i: ScheduleHearingInput!) { scheduleHearing(input: $i) { ${HEARING} } }`;
const POSTPONE = `mutation($i: PostponeHearingInput!) { postponeHearing(input: $i) { ${HEARING} } }`;
const CANCEL = `mutation($i: CancelHearingInput!) { cancelHearing(input: $i) { ${HEARING} } }`;
const MINUTES = `mutation($i: RecordMinutesInput!) { recordHearingMinutes(input: $i) { ${HEARING} minutes attendance { partyId present } } }`;
const ATTEND = `mutation($id: ID!) { registerHearingAttendance(hearingId: $id) { id meetingLink } }`;
const LAWSUIT = `query($id: ID!) { lawsuit(id: $id) { state parties { id side } hearings { ${HEARING} } } }`;
const DOCKET = `query($i: DocketInput!) { docket(input: $i) { id startsAt state lawsuit { caseNumber parties { nameEn } } } }`;
const CAUSE_LIST = `query($c: String!, $d: String!) { causeList(courtCode: $c, date: $d) { caseNumber circuitCode startsAt mode room state } }`;

const riyadhDay = (d: Date) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10);

describe('hearings', () => {
  let t: TestApp;
  let fx: CourtFixture;
  let claimant: Citizen;

  beforeAll(async () => {
    // Tokens that outlive the moved clocks of these tests.
    t = await startApp({ JWT_TTL_SECONDS: String(120 * 86_400) });
    fx = await courtWithStaff(t);
    claimant = await registerCitizen(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => t.clock.reset());

  /** A lawsuit of the claimant registered in the fixture court (so referred to its only circuit). */
  async function registered(options: LawsuitOptions = {}): Promise<{ id: string; caseNumber: string }> {
    const s = await scenario(t.app).court(fx).claimant(claimant).defendant({ account: false }).lawsuit(options).registered();
    return { id: s.lawsuitId, caseNumber: s.caseNumber };
  }

  const inPerson = (lawsuitId: string, startsAt: Date, durationMinutes = 60) => ({
    lawsuitId,
    startsAt: startsAt.toISOString(),
    durationMinutes,
    mode: 'IN_PERSON',
    room: 'قاعة ٣ — Room 3',
  });
  const remote = (lawsuitId: string, startsAt: Date, meetingLink: string) => ({
    lawsuitId,
    startsAt: startsAt.toISOString(),
    durationMinutes: 30,
    mode: 'REMOTE',
    meetingLink,
  });

  it('reads the lawsuit once when it schedules the first hearing: the case file is passed down', async () => {
    const lawsuit = await registered();
    // Every statement the app sends while the hearing is scheduled (the app serves nothing else meanwhile).
    const db = t.app.get(DataSource);
    const logQuery = db.logger.logQuery.bind(db.logger);
    const statements: string[] = [];
    db.logger.logQuery = (query, parameters, runner) => {
      statements.push(typeof query === 'string' ? query : (query as { text: string }).text);
      return logQuery(query, parameters, runner);
    };
    try {
      const hearing = (await t.ok(SCHEDULE, { i: inPerson(lawsuit.id, workingSlot(3)) }, fx.clerk.token)).scheduleHearing;
      expect(hearing.state).toBe('SCHEDULED');
    } finally {
      db.logger.logQuery = logQuery;
    }
    const lawsuitReads = statements.filter((q) => /^\s*SELECT/i.test(q) && /\b(FROM|JOIN)\s+"?lawsuits"?(\s|$)/i.test(q));
    expect(lawsuitReads).toHaveLength(1);
    // The transition, the notices and the summons were all made from it.
    expect(statements.filter((q) => /^\s*UPDATE\s+"?lawsuits"?/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /INSERT INTO notifications/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /INSERT INTO documents/i.test(q))).toHaveLength(2);
  });

  it('schedules the first hearing of a registered case, which moves the case into hearings', async () => {
    const lawsuit = await registered();
    const at = workingSlot(8, 9);
    const hearing = (await t.ok(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.clerk.token)).scheduleHearing;
    expect(hearing).toMatchObject({
      state: 'SCHEDULED',
      circuitId: fx.circuitId,
      judgeId: fx.judge.id,
      startsAt: at.toISOString(),
      mode: 'IN_PERSON',
    });
    expect(new Date(hearing.endsAt).getTime() - at.getTime()).toBe(3600_000);
    const read = (await t.ok(LAWSUIT, { id: lawsuit.id }, claimant.token)).lawsuit;
    expect(read.state).toBe('IN_HEARINGS');
    expect(read.hearings.map((h: { id: string }) => h.id)).toEqual([hearing.id]);
  });

  it('refuses an overlapping hearing of the same circuit with HEARING_CONFLICT and names the next free slot', async () => {
    const [a, b] = [await registered(), await registered()];
    const at = workingSlot(15, 10);
    await t.ok(SCHEDULE, { i: inPerson(a.id, at) }, fx.clerk.token);
    const res = await t.gql(SCHEDULE, { i: inPerson(b.id, new Date(at.getTime() + 30 * 60_000)) }, fx.clerk.token);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'HEARING_CONFLICT',
      nextFreeSlot: new Date(at.getTime() + 3600_000).toISOString(),
    });
    expect((await t.ok(LAWSUIT, { id: b.id }, claimant.token)).lawsuit.state).toBe('REGISTERED');
  });

  it('refuses a hearing outside the working calendar, or in the past', async () => {
    const lawsuit = await registered();
    const friday = new Date(workingSlot(22, 9).getTime());
    while (new Date(friday.getTime() + 3 * 3600_000).getUTCDay() !== 5) friday.setTime(friday.getTime() + 86_400_000);
    for (const at of [friday, workingSlot(22, 7), workingSlot(22, 14, 30)]) {
      const res = await t.gql(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.clerk.token);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.startsAt' }] });
    }
    const past = await t.gql(SCHEDULE, { i: inPerson(lawsuit.id, new Date(Date.now() - 3600_000)) }, fx.clerk.token);
    expect(past.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gives exactly one hearing to 50 simultaneous requests for one slot', async () => {
    const lawsuits = await Promise.all(Array.from({ length: 50 }, () => registered()));
    const at = workingSlot(29, 11);
    const results = await Promise.all(lawsuits.map((l) => t.gql(SCHEDULE, { i: inPerson(l.id, at, 30) }, fx.clerk.token)));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions.code === 'HEARING_CONFLICT')).toHaveLength(49);
  });

  it('refuses scheduling by anyone but the clerk of the court', async () => {
    const lawsuit = await registered();
    const at = workingSlot(36, 9);
    expect(await t.code(SCHEDULE, { i: inPerson(lawsuit.id, at) }, claimant.token)).toBe('FORBIDDEN');
    // The clerk of another court does not see the case at all.
    expect(await t.code(SCHEDULE, { i: inPerson(lawsuit.id, at) }, await t.token('clerk'))).toBe('NOT_FOUND');
    expect(await t.code(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.judge.token)).toBe('FORBIDDEN');
  });

  it('postpones to a new linked hearing, freeing the old slot, and cancels', async () => {
    const lawsuit = await registered();
    const at = workingSlot(43, 9);
    const first = (await t.ok(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.clerk.token)).scheduleHearing;
    const later = workingSlot(50, 9);
    const second = (
      await t.ok(
        POSTPONE,
        {
          i: {
            hearingId: first.id,
            reason: 'طلب المدعى عليه مهلة — the defendant asked for time',
            startsAt: later.toISOString(),
            durationMinutes: 60,
          },
        },
        fx.clerk.token,
      )
    ).postponeHearing;
    expect(second).toMatchObject({ state: 'SCHEDULED', previousHearingId: first.id, startsAt: later.toISOString(), room: first.room });
    const hearings = (await t.ok(LAWSUIT, { id: lawsuit.id }, claimant.token)).lawsuit.hearings;
    expect(hearings.find((h: { id: string }) => h.id === first.id)).toMatchObject({
      state: 'POSTPONED',
      nextHearingId: second.id,
      postponementReason: expect.stringContaining('time'),
    });
    // The old slot is free again.
    const other = await registered();
    await t.ok(SCHEDULE, { i: inPerson(other.id, at) }, fx.clerk.token);

    const cancelled = (await t.ok(CANCEL, { i: { hearingId: second.id, reason: 'صلح — the parties settled' } }, fx.clerk.token))
      .cancelHearing;
    expect(cancelled.state).toBe('CANCELLED');
    expect(await t.code(CANCEL, { i: { hearingId: second.id, reason: 'again, twice' } }, fx.clerk.token)).toBe('INVALID_TRANSITION');
  });

  it('lets a party of a remote hearing register from 15 minutes before, and only then shows the link', async () => {
    const lawsuit = await registered();
    const at = workingSlot(57, 10);
    const link = 'https://meet.adl.example/hearing-123';
    const hearing = (await t.ok(SCHEDULE, { i: remote(lawsuit.id, at, link) }, fx.clerk.token)).scheduleHearing;
    expect(hearing.meetingLink).toBe(link); // the clerk sees it
    const asParty = (await t.ok(LAWSUIT, { id: lawsuit.id }, claimant.token)).lawsuit.hearings[0];
    expect(asParty.meetingLink).toBeNull();

    t.clock.set(new Date(at.getTime() - 20 * 60_000));
    const early = await t.gql(ATTEND, { id: hearing.id }, claimant.token);
    expect(early.errors![0].extensions.code).toBe('BAD_USER_INPUT');

    t.clock.set(new Date(at.getTime() - 10 * 60_000));
    expect((await t.ok(ATTEND, { id: hearing.id }, claimant.token)).registerHearingAttendance.meetingLink).toBe(link);
    const stranger = await registerCitizen(t);
    expect(await t.code(ATTEND, { id: hearing.id }, stranger.token)).toBe('NOT_FOUND');
  });

  it('records minutes and attendance by a judge of the circuit once the hearing started', async () => {
    const lawsuit = await registered();
    const at = workingSlot(64, 9);
    const hearing = (await t.ok(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.clerk.token)).scheduleHearing;
    const parties = (await t.ok(LAWSUIT, { id: lawsuit.id }, claimant.token)).lawsuit.parties;
    const attendance = parties.map((p: { id: string; side: string }) => ({ partyId: p.id, present: p.side === 'CLAIMANT' }));
    const input = {
      hearingId: hearing.id,
      minutes: 'حضر المدعي وتغيب المدعى عليه — the claimant attended, the defendant did not',
      attendance,
    };
    expect(await t.code(MINUTES, { i: input }, fx.judge.token)).toBe('BAD_USER_INPUT');
    t.clock.set(new Date(at.getTime() + 20 * 60_000));
    expect(await t.code(MINUTES, { i: input }, fx.clerk.token)).toBe('FORBIDDEN');
    const held = (await t.ok(MINUTES, { i: input }, fx.judge.token)).recordHearingMinutes;
    expect(held).toMatchObject({ state: 'HELD', minutes: input.minutes });
    expect(held.attendance).toHaveLength(2);
    expect(await t.code(MINUTES, { i: input }, fx.judge.token)).toBe('INVALID_TRANSITION');
  });

  it("shows the judge's and the clerk's docket for the day, with case numbers and parties, and nobody else's", async () => {
    const lawsuit = await registered();
    const at = workingSlot(71, 12);
    await t.ok(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.clerk.token);
    for (const token of [fx.judge.token, fx.clerk.token]) {
      const docket = (await t.ok(DOCKET, { i: { from: riyadhDay(at) } }, token)).docket;
      const entry = docket.find((h: { lawsuit: { caseNumber: string } }) => h.lawsuit?.caseNumber === lawsuit.caseNumber);
      expect(entry).toMatchObject({ startsAt: at.toISOString(), state: 'SCHEDULED' });
      expect(entry.lawsuit.parties).toHaveLength(2);
    }
    const otherClerk = (await t.ok(DOCKET, { i: { from: riyadhDay(at) } }, await t.token('clerk'))).docket;
    expect(otherClerk.map((h: { id: string }) => h.id)).not.toContain(expect.anything());
    expect(await t.code(DOCKET, { i: { from: riyadhDay(at) } }, claimant.token)).toBe('FORBIDDEN');
  });

  it('nests in each docket line the same lawsuit as the lawsuit query gives, whatever fields are asked (fragments too)', async () => {
    const lawsuit = await registered();
    const at = workingSlot(78, 12);
    const hearing = (await t.ok(SCHEDULE, { i: inPerson(lawsuit.id, at) }, fx.clerk.token)).scheduleHearing;
    const fields = `fragment L on Lawsuit { id caseNumber subject facts claimedAmount feeAmount sealed state createdAt registeredAt nextEvents
      parties { id side nameAr nameEn nationalId } judgment { id } hearings { id } }`;
    const one = (await t.ok(`query($id: ID!) { lawsuit(id: $id) { ...L } } ${fields}`, { id: lawsuit.id }, fx.judge.token)).lawsuit;
    const docket = (
      await t.ok(
        `query($i: DocketInput!) { docket(input: $i) { id minutes meetingLink lawsuit { ...L } } } ${fields}`,
        { i: { from: riyadhDay(at) } },
        fx.judge.token,
      )
    ).docket;
    const line = docket.find((h: { id: string }) => h.id === hearing.id);
    expect(line).toMatchObject({ minutes: null, meetingLink: null });
    expect(line.lawsuit).toEqual(one);
    expect(one.parties.length).toBeGreaterThan(0);
  });

  it('gives in each docket line the same hearing as the lawsuit gives, whichever hearing fields are asked', async () => {
    const lawsuit = await registered();
    const at = workingSlot(85, 10);
    const link = 'https://meet.adl.example/hearing-docket';
    const scheduled = (await t.ok(SCHEDULE, { i: remote(lawsuit.id, at, link) }, fx.clerk.token)).scheduleHearing;
    const fields = `fragment H on Hearing { id lawsuitId circuitId courtId judgeId startsAt endsAt mode room meetingLink state
      postponementReason nextHearingId previousHearingId heldAt minutes createdAt updatedAt version attendance { present } }`;
    const hearings = (
      await t.ok(`query($id: ID!) { lawsuit(id: $id) { hearings { ...H } } } ${fields}`, { id: lawsuit.id }, fx.judge.token)
    ).lawsuit.hearings;
    // The last: the same field twice, which GraphQL merges into one answer with both selections.
    for (const body of [
      'docket(input: $i) { ...H }',
      'docket(input: $i) { id ... on Hearing { meetingLink endsAt } }',
      'docket(input: $i) { id version }',
      'docket(input: $i) { id } docket(input: $i) { version endsAt }',
    ]) {
      const docket = (
        await t.ok(
          `query($i: DocketInput!) { ${body} } ${body.includes('...H') ? fields : ''}`,
          { i: { from: riyadhDay(at) } },
          fx.judge.token,
        )
      ).docket;
      const line = docket.find((h: { id: string }) => h.id === scheduled.id);
      const expected = hearings.find((h: { id: string }) => h.id === scheduled.id);
      expect(line).toEqual(Object.fromEntries(Object.keys(line).map((k) => [k, expected[k]])));
      expect(Object.keys(line).length).toBeGreaterThan(1);
    }
    expect(hearings[0]).toMatchObject({ meetingLink: link, mode: 'REMOTE', version: expect.any(Number) });
  });

  it('publishes the cause list with case numbers only, and nothing sealed', async () => {
    const open = await registered();
    const sealed = await registered({ sealed: true });
    const at = workingSlot(78, 9);
    await t.ok(SCHEDULE, { i: inPerson(open.id, at) }, fx.clerk.token);
    await t.ok(SCHEDULE, { i: inPerson(sealed.id, new Date(at.getTime() + 3600_000)) }, fx.clerk.token);
    const res = await t.gql(CAUSE_LIST, { c: fx.court.code, d: riyadhDay(at) });
    const list = (res.data as { causeList: { caseNumber: string }[] }).causeList;
    expect(list.map((e) => e.caseNumber)).toContain(open.caseNumber);
    expect(list.map((e) => e.caseNumber)).not.toContain(sealed.caseNumber);
    expect(list.find((e) => e.caseNumber === open.caseNumber)).toMatchObject({
      circuitCode: 'CIV-1',
      mode: 'IN_PERSON',
      state: 'SCHEDULED',
    });
    const body = JSON.stringify(res.data);
    expect(body).not.toContain(claimant.nationalId);
    expect(body).not.toContain('Claimant');
  });
});
