/**
 * Access control of the judicial workflow, end to end, from filing to hearings: every caller against
 * filing, correcting, submitting, reviewing and withdrawing a lawsuit, reading and listing cases,
 * scheduling, postponing, cancelling and holding hearings, registering for a remote one, the docket
 * and the cause list (one table, each attempt on a case in the state the operation needs); the same
 * refusals on cases where the operation is illegal; and the lists that must not leak (lawsuits,
 * docket, cause list, notices). The callers, the cases and the rule for refusals are in
 * support/workflow-access.ts.
 */
import { maskNationalId } from '../src/core/validation/national-id';
import { lawsuitInput } from './factories/lawsuits';
import {
  allPages,
  caseInput,
  CITIZENS,
  claimantCases,
  CLERKS,
  court,
  criminalCase,
  criminalInput,
  Data,
  DOC,
  drafted,
  fx,
  gqlAs,
  hearingInput,
  JUDGES,
  LINK,
  nextSlot,
  okAs,
  people,
  Person,
  registered,
  riyadhDay,
  scheduled,
  SEEN,
  SEEN_OF,
  setUpWorkflowCases,
  SIGNED_IN,
  SignedIn,
  spareSlot,
  submitted,
  t,
  Who,
} from './support/workflow-access';
import { everyCallerAgainst, ILLEGAL_STATES, lawsuitId, Operation } from './support/workflow-access-matrix';
import { WAIVE_FILING_FEE } from './support/workflow-access-fees';

setUpWorkflowCases();

// ---- every caller against every operation, from filing to hearings ------------------------------

const OPERATIONS: Operation[] = [
  {
    name: 'fileLawsuit',
    does: 'files a civil claim in their own name',
    rule: CITIZENS,
    may: CITIZENS,
    vars: (_c, who) => ({
      i:
        who === 'anonymous' || who === 'admin' || who === 'claimant'
          ? caseInput()
          : lawsuitInput(people[who].nationalId, { courtId: court.court.id, city: undefined }),
    }),
    check: (r, who) => {
      expect(r).toMatchObject({ state: 'DRAFT', category: 'CIVIL', filedBy: people[who].id });
      if (who === 'claimant') claimantCases.push(r.id);
    },
  },
  {
    name: 'fileLawsuit',
    does: 'files a criminal case',
    rule: CITIZENS,
    may: ['prosecutor'],
    vars: () => ({ i: criminalInput() }),
    check: (r) => expect(r).toMatchObject({ state: 'DRAFT', category: 'CRIMINAL', feeExempt: true, filedBy: people.prosecutor.id }),
  },
  {
    name: 'correctLawsuit',
    does: 'corrects a filing returned for correction',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'returned',
    vars: async (c) => ({
      i: {
        ...caseInput({ subject: 'مطالبة مصححة — corrected claim' }),
        id: c.id,
        version: (await okAs('claimant', DOC.lawsuit, { id: c.id })).lawsuit.version,
      },
    }),
    check: (r, _who, c) => expect(r).toEqual({ id: c.id, state: 'RETURNED', subject: 'مطالبة مصححة — corrected claim' }),
    wrongState: ['rejected', 'executed'],
  },
  {
    name: 'submitLawsuit',
    does: 'submits a draft',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'draft',
    fresh: () => drafted(),
    vars: lawsuitId,
    // Submitted with a court fee to pay: it waits for its bill (test/medium/payments.medium-spec.ts).
    check: (r) => expect(r.state).toBe('AWAITING_PAYMENT'),
    wrongState: ['rejected', 'executed'],
  },
  WAIVE_FILING_FEE,
  {
    name: 'reviewLawsuit',
    does: 'accepts a submitted filing',
    rule: CLERKS,
    may: ['clerk'],
    target: 'submitted',
    fresh: () => submitted(),
    vars: (c) => ({ i: { id: c.id, decision: 'ACCEPT' } }),
    check: (r) =>
      expect(r).toMatchObject({ state: 'REGISTERED', circuitId: court.circuitId, caseNumber: expect.stringContaining(court.court.code) }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'withdrawLawsuit',
    does: 'withdraws a registered case',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'registered',
    fresh: () => registered(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('WITHDRAWN'),
    wrongState: ['rejected', 'executed'],
  },
  {
    name: 'lawsuit',
    does: 'reads a case in hearings (national IDs in full to the party themselves and to court staff only)',
    rule: CITIZENS,
    may: SEEN.registered,
    target: 'inHearings',
    vars: lawsuitId,
    check: (r, who, c) => {
      expect(r.id).toBe(c.id);
      const staffOfCase = who === 'judge' || who === 'clerk';
      for (const p of r.parties) {
        const own = p.side === 'CLAIMANT' ? people.claimant.nationalId : people.defendant.nationalId;
        const party = (p.side === 'CLAIMANT' ? 'claimant' : 'defendant') === who;
        expect(p.nationalId).toBe(staffOfCase || party ? own : maskNationalId(own));
      }
    },
  },
  {
    name: 'lawsuits',
    does: 'lists cases in hearings of the court',
    rule: CITIZENS,
    may: CITIZENS,
    vars: () => ({ first: 100, filter: { courtId: court.court.id, states: ['IN_HEARINGS'] } }),
    check: (r, who) => {
      const ids = r.edges.map((e: Data) => e.node.id);
      expect(ids.includes(fx.inHearings.id)).toBe(SEEN_OF.inHearings.includes(who));
    },
  },
  {
    name: 'scheduleHearing',
    does: 'schedules the first hearing of a registered case',
    rule: CLERKS,
    may: ['clerk'],
    target: 'registered',
    fresh: () => registered(),
    vars: (c) => ({ i: hearingInput(c.id, c.fresh ? nextSlot() : spareSlot) }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, state: 'SCHEDULED', judgeId: people.judge.id }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'postponeHearing',
    does: 'postpones a scheduled hearing',
    rule: CLERKS,
    may: ['clerk'],
    target: 'inHearings',
    fresh: () => scheduled(),
    vars: (c) => ({
      i: {
        hearingId: c.hearingId,
        reason: 'طلب المدعى عليه مهلة — the defendant asked for time',
        startsAt: (c.fresh ? nextSlot() : spareSlot).toISOString(),
        durationMinutes: 30,
      },
    }),
    check: (r, _who, c) => expect(r).toMatchObject({ state: 'SCHEDULED', previousHearingId: c.hearingId }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'cancelHearing',
    does: 'cancels a scheduled hearing',
    rule: CLERKS,
    may: ['clerk'],
    target: 'inHearings',
    fresh: () => scheduled(),
    vars: (c) => ({ i: { hearingId: c.hearingId, reason: 'اعتذار الدائرة — the circuit cannot sit' } }),
    check: (r, _who, c) => expect(r).toEqual({ id: c.hearingId, state: 'CANCELLED' }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'recordHearingMinutes',
    does: 'records the minutes of a hearing under way',
    rule: JUDGES,
    may: ['judge'],
    target: 'inHearings',
    fresh: () => scheduled(),
    vars: (c) => {
      t.clock.set(new Date(c.hearingAt!.getTime() + 10 * 60_000));
      return { i: { hearingId: c.hearingId, minutes: 'حضر الطرفان — both parties attended', attendance: [] } };
    },
    check: (r, _who, c) => expect(r).toEqual({ id: c.hearingId, state: 'HELD' }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'registerHearingAttendance',
    does: 'registers for a remote hearing 10 minutes before it',
    may: ['claimant', 'defendant'],
    target: 'remote',
    vars: (c) => {
      t.clock.set(new Date(c.hearingAt!.getTime() - 10 * 60_000));
      return { id: c.hearingId };
    },
    check: (r, _who, c) => expect(r).toEqual({ id: c.hearingId, meetingLink: LINK }),
    wrongState: ['heard', 'cancelled'],
  },
  {
    name: 'docket',
    does: 'reads the docket of the day of a hearing (the hearing only for staff of its circuit and court)',
    rule: [...JUDGES, ...CLERKS],
    may: [...JUDGES, ...CLERKS],
    vars: () => ({ i: { from: riyadhDay(fx.inHearings.hearingAt!) } }),
    check: (r, who) => expect(r.some((h: Data) => h.id === fx.inHearings.hearingId)).toBe(who === 'judge' || who === 'clerk'),
  },
  {
    name: 'causeList',
    does: 'reads the public cause list of the day of a hearing (case numbers, nothing sealed)',
    public: true,
    may: SIGNED_IN,
    vars: () => ({ c: court.court.code, d: riyadhDay(fx.inHearings.hearingAt!) }),
    check: (r) => {
      const numbers = r.map((e: Data) => e.caseNumber);
      expect(numbers).toContain(fx.inHearings.caseNumber);
      expect(numbers).not.toContain(fx.sealedHeard.caseNumber);
    },
  },
];

everyCallerAgainst(OPERATIONS);

// ---- lists that must not leak -------------------------------------------------------------------

describe('lists hold exactly what the caller may see', () => {
  /** Every case of the claimant, as the claimant (who sees them all) lists them. */
  let all: Data[] = [];
  beforeAll(async () => {
    all = await allPages('claimant', 'lawsuits');
  });

  const presides = (l: Data, who: Person) => l.hearings.some((h: Data) => h.judgeId === who.id);
  /** Who sees which of the claimant's cases (docs/domain.md), from what the claimant sees of them. */
  const VISIBLE: Record<Exclude<Who, 'anonymous' | 'admin'>, (l: Data) => boolean> = {
    claimant: () => true,
    defendant: (l) => l.state !== 'DRAFT',
    stranger: () => false,
    lawyer: () => false,
    judge: (l) => l.circuitId === court.circuitId && (!l.sealed || presides(l, people.judge)),
    judge2: (l) => l.circuitId === court.circuitId && (!l.sealed || presides(l, people.judge2)),
    otherJudge: () => false,
    clerk: (l) => l.state !== 'DRAFT',
    otherClerk: () => false,
    courtAdmin: () => false,
    prosecutor: () => false,
    notary: () => false,
    appealJudge: (l) => l.objections.length > 0,
  };

  it('gives the claimant every case they filed (the oracle of the other lists)', () => {
    expect(all.map((l) => l.id).sort()).toEqual([...claimantCases].sort());
    expect(all.filter((l) => l.sealed)).toHaveLength(2);
    expect(all.some((l) => l.objections.length > 0)).toBe(true);
  });

  it.each(Object.keys(VISIBLE) as (keyof typeof VISIBLE)[])('lawsuits as %s: exactly the fixture cases they may see', async (who) => {
    const ours = new Set([...claimantCases, criminalCase]);
    const seen = (await allPages(who, 'lawsuits')).map((l) => l.id).filter((id) => ours.has(id));
    const expected = all.filter(VISIBLE[who]).map((l) => l.id);
    if (who === 'prosecutor') expected.push(criminalCase);
    expect(seen.sort()).toEqual(expected.sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses the lawsuit list to SYSTEM_ADMIN (no case contents) and to anonymous callers', async () => {
    expect((await gqlAs('admin', DOC.lawsuits, { first: 100 })).errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect((await gqlAs('anonymous', DOC.lawsuits, { first: 100 })).errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('shows a sealed case to the judge presiding over its hearing, not to another judge of the circuit; one with no hearing to neither', async () => {
    expect(all.find((l) => l.id === fx.sealedHeard.id)?.hearings.map((h: Data) => h.judgeId)).toEqual([people.judge.id]);
    expect((await okAs('judge', DOC.lawsuit, { id: fx.sealedHeard.id })).lawsuit.id).toBe(fx.sealedHeard.id);
    expect((await gqlAs('judge2', DOC.lawsuit, { id: fx.sealedHeard.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    for (const judge of ['judge', 'judge2'] as const)
      expect((await gqlAs(judge, DOC.lawsuit, { id: fx.sealedRegistered.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    // The other judge of the circuit sees the open cases of the circuit all the same.
    expect((await okAs('judge2', DOC.lawsuit, { id: fx.inHearings.id })).lawsuit.id).toBe(fx.inHearings.id);
    // Court staff and the parties see sealed cases.
    for (const who of ['clerk', 'claimant', 'defendant'] as const)
      expect((await okAs(who, DOC.lawsuit, { id: fx.sealedRegistered.id })).lawsuit.id).toBe(fx.sealedRegistered.id);
  });

  describe('docket and cause list', () => {
    let hearings: (Data & { lawsuitId: string; sealed: boolean; caseNumber: string })[] = [];
    let days: string[] = [];
    beforeAll(() => {
      hearings = all.flatMap((l) => l.hearings.map((h: Data) => ({ ...h, lawsuitId: l.id, sealed: l.sealed, caseNumber: l.caseNumber })));
      days = [...new Set(hearings.map((h) => riyadhDay(h.startsAt)))].sort();
    });
    const docketOf = async (who: Who) => (await okAs(who, DOC.docket, { i: { from: days[0], to: days.at(-1) } })).docket as Data[];

    it.each(['judge', 'judge2', 'clerk'] as const)(
      'gives the %s every live hearing of the fixture cases, with the case only where they may read it',
      async (who) => {
        expect(days.length).toBeGreaterThan(1);
        const docket = await docketOf(who);
        const live = hearings.filter((h) => h.state !== 'CANCELLED');
        expect(docket.map((h) => h.id).sort()).toEqual(live.map((h) => h.id).sort());
        const readable = new Set(all.filter(VISIBLE[who]).map((l) => l.id));
        for (const h of docket) expect(h.lawsuit?.id ?? null).toBe(readable.has(h.lawsuitId) ? h.lawsuitId : null);
      },
    );

    it('hides the sealed case from the docket entry of a judge not presiding over it', async () => {
      const entry = (await docketOf('judge2')).find((h) => h.id === fx.sealedHeard.hearingId);
      expect(entry).toMatchObject({ lawsuitId: fx.sealedHeard.id, lawsuit: null });
      const presiding = (await docketOf('judge')).find((h) => h.id === fx.sealedHeard.hearingId);
      expect(presiding?.lawsuit).toEqual({ id: fx.sealedHeard.id });
    });

    it.each(['otherJudge', 'otherClerk', 'appealJudge'] as const)('gives the %s none of the fixture hearings', async (who) => {
      const ours = new Set(hearings.map((h) => h.id));
      expect((await docketOf(who)).filter((h) => ours.has(h.id))).toEqual([]);
    });

    it('publishes on the cause list every open scheduled or held hearing by case number only: no names, no national IDs, nothing sealed', async () => {
      const secrets = [people.claimant.nationalId, people.defendant.nationalId, 'Wafa', 'وفاء', ...all.map((l) => l.id)];
      for (const day of days) {
        const answers = await Promise.all(
          (['anonymous', 'claimant', 'clerk', 'judge'] as const).map((who) => okAs(who, DOC.causeList, { c: court.court.code, d: day })),
        );
        const list = answers[0].causeList as Data[];
        for (const other of answers.slice(1)) expect(other.causeList).toEqual(list);
        const expected = hearings.filter((h) => riyadhDay(h.startsAt) === day && !h.sealed && ['SCHEDULED', 'HELD'].includes(h.state));
        expect(list.map((e) => e.caseNumber).sort()).toEqual(expected.map((h) => h.caseNumber).sort());
        for (const entry of list)
          expect(Object.keys(entry).sort()).toEqual(['caseNumber', 'circuitCode', 'endsAt', 'mode', 'room', 'startsAt', 'state']);
        const body = JSON.stringify(list);
        for (const secret of secrets) expect(body).not.toContain(secret);
        for (const sealed of [fx.sealedHeard, fx.sealedRegistered]) expect(body).not.toContain(sealed.caseNumber);
      }
    });
  });

  describe('notifications', () => {
    const notified = {} as Record<SignedIn, Data[]>;
    beforeAll(async () => {
      for (const who of SIGNED_IN) notified[who] = await allPages(who, 'notifications');
    });

    it('gives each caller only their own notices: no notice shows in two lists', () => {
      const owners = new Map<string, SignedIn>();
      for (const who of SIGNED_IN)
        for (const n of notified[who]) {
          expect(owners.get(n.id) ?? who).toBe(who);
          owners.set(n.id, who);
        }
    });

    it('tells the parties about their cases (the defendant never about a draft), and no one else about them', () => {
      const about = (who: SignedIn) => new Set(notified[who].map((n) => n.lawsuitId).filter(Boolean));
      expect(about('claimant').has(fx.inHearings.id)).toBe(true);
      expect(about('defendant').has(fx.inHearings.id)).toBe(true);
      for (const id of about('claimant')) expect(claimantCases).toContain(id);
      for (const id of about('defendant')) expect(all.find((l) => l.id === id)?.state).not.toBe('DRAFT');
      for (const who of SIGNED_IN.filter((w) => w !== 'claimant' && w !== 'defendant' && w !== 'judge'))
        expect([...about(who)].filter((id) => claimantCases.includes(id as string))).toEqual([]);
      // The presiding judge: of the hearings only.
      const judgeKinds = notified.judge.filter((n) => claimantCases.includes(n.lawsuitId as string)).map((n) => n.kind as string);
      expect(judgeKinds.length).toBeGreaterThan(0);
      for (const kind of judgeKinds) expect(kind).toMatch(/^HEARING_/);
    });

    it.each(SIGNED_IN.filter((w) => w !== 'claimant'))("refuses to mark the claimant's notice read as %s (NOT_FOUND)", async (who) => {
      const notice = notified.claimant[0];
      const res = await gqlAs(who, DOC.markNotificationRead, { id: notice.id });
      expect(res.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    });
  });
});
