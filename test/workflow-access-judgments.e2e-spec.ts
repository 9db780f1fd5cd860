/**
 * Access control of the judicial workflow, end to end, from pleadings to execution: every caller
 * against statements of defence and memos, waivers, settlement, striking off and resuming, the
 * judgment, objections and the appeal, execution, recording a judgment's service, the court's
 * notices, court statistics and their own notices (one table, each attempt on a case in the state
 * the operation needs); and the same refusals on cases where the operation is illegal. The callers,
 * the cases and the rule for refusals are in support/workflow-access.ts.
 */
import {
  appealCourtId,
  claimantCases,
  CITIZENS,
  CLERKS,
  court,
  Data,
  DOC,
  final,
  fx,
  heard,
  JUDGES,
  judged,
  judgmentInput,
  objected,
  okAs,
  people,
  registered,
  setUpWorkflowCases,
  SIGNED_IN,
  struckOff,
  waiverPending,
} from './support/workflow-access';
import { everyCallerAgainst, ILLEGAL_STATES, lawsuitId, Operation } from './support/workflow-access-matrix';

setUpWorkflowCases();

// ---- every caller against every operation, from pleadings to execution --------------------------

const OPERATIONS: Operation[] = [
  {
    name: 'submitStatementOfDefence',
    does: 'files a statement of defence before the first hearing',
    rule: CITIZENS,
    may: ['defendant'],
    target: 'registered',
    fresh: () => registered(),
    vars: (c) => ({ i: { lawsuitId: c.id, body: 'أنكر الدعوى جملة وتفصيلاً — I deny the claim' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ kind: 'DEFENCE', lawsuitId: c.id }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'submitMemo',
    does: 'files a memo while the case is in hearings',
    rule: CITIZENS,
    may: ['claimant', 'defendant'],
    target: 'inHearings',
    vars: (c) => ({ i: { lawsuitId: c.id, body: 'مذكرة إلحاقية — a further memo' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ kind: 'MEMO', lawsuitId: c.id }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'waiveClaim',
    does: 'waives the claim of a registered case',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'registered',
    fresh: () => registered(),
    vars: lawsuitId,
    check: (r, _who, c) => expect(r).toEqual({ lawsuitId: c.id, state: 'ACCEPTED' }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'respondToWaiver',
    does: 'accepts a pending waiver',
    rule: CITIZENS,
    may: ['defendant'],
    target: 'waiverPending',
    fresh: () => waiverPending(),
    vars: (c) => ({ i: { lawsuitId: c.id, accept: true } }),
    check: (r, _who, c) => expect(r).toEqual({ lawsuitId: c.id, state: 'ACCEPTED' }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'settleLawsuit',
    does: 'records a settlement of a registered case',
    rule: JUDGES,
    may: ['judge'],
    target: 'registered',
    fresh: () => registered(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('SETTLED'),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'strikeOffLawsuit',
    does: 'strikes off a case whose claimant was absent',
    rule: JUDGES,
    may: ['judge'],
    target: 'heard',
    fresh: () => heard(false),
    vars: (c) => ({ id: c.id, h: c.hearingId ?? fx.heard.hearingId }),
    check: (r) => expect(r.state).toBe('STRUCK_OFF'),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'resumeLawsuit',
    does: 'resumes a struck-off case',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'struckOff',
    fresh: () => struckOff(),
    vars: lawsuitId,
    check: (r) => expect(r.state).toBe('IN_HEARINGS'),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'issueJudgment',
    does: 'issues the judgment after a held hearing',
    rule: JUDGES,
    may: ['judge'],
    target: 'heard',
    fresh: () => heard(),
    vars: (c) => ({ i: judgmentInput(c.id) }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, inFavourOf: 'CLAIMANT' }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'fileObjection',
    does: 'objects to a judgment within the window',
    rule: CITIZENS,
    may: ['claimant', 'defendant'],
    target: 'judged',
    fresh: () => judged(),
    vars: (c) => ({ i: { lawsuitId: c.id, reasons: 'الحكم خالف الثابت — the judgment contradicts the record' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, appealCourtId }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'decideAppeal',
    does: 'decides the appeal of an objected case',
    rule: JUDGES,
    may: ['appealJudge'],
    target: 'objected',
    fresh: () => objected(),
    vars: (c) => ({ i: { lawsuitId: c.id, decision: 'UPHOLD', reasoning: 'الحكم موافق للأصول — the judgment stands' } }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, decision: 'UPHOLD' }),
    // Also judged but not objected to: no appeal pending.
    wrongState: [...ILLEGAL_STATES, 'judged'],
  },
  {
    name: 'requestExecution',
    does: 'requests execution of a final judgment in their favour',
    rule: CITIZENS,
    may: ['claimant'],
    target: 'final',
    fresh: () => final(),
    vars: lawsuitId,
    check: (r, _who, c) => expect(r.lawsuitId).toBe(c.id),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'recordJudgmentService',
    does: 'records a party’s service of the judgment outside the platform',
    rule: CLERKS,
    may: ['clerk'],
    target: 'judged',
    fresh: () => judged(),
    // No worker runs here, so no notice served the defendant on the platform.
    vars: async (c) => ({
      i: {
        lawsuitId: c.id,
        partyId: (await okAs('claimant', DOC.lawsuit, { id: c.id })).lawsuit.parties.find((p: Data) => p.side === 'DEFENDANT').id,
        servedAt: new Date().toISOString(),
        reference: 'محضر تبليغ — process server report',
      },
    }),
    check: (r) =>
      expect(r).toMatchObject({
        side: 'DEFENDANT',
        serviceMethod: 'RECORDED',
        serviceReference: 'محضر تبليغ — process server report',
        state: 'OPEN',
      }),
    wrongState: ILLEGAL_STATES,
  },
  {
    name: 'sendCourtNotice',
    does: 'sends the parties a notice from the court',
    rule: CLERKS,
    may: ['clerk'],
    target: 'inHearings',
    vars: (c) => ({
      i: { lawsuitId: c.id, titleAr: 'إشعار من المحكمة', titleEn: 'Notice from the court', bodyAr: 'نص الإشعار', bodyEn: 'The notice' },
    }),
    check: (r, _who, c) => expect(r).toMatchObject({ lawsuitId: c.id, recipients: 2, unreachablePartyIds: [] }),
    wrongState: ['draft', 'rejected'],
  },
  {
    name: 'courtStatistics',
    does: "reads the court's public statistics (no party data)",
    public: true,
    may: SIGNED_IN,
    vars: () => ({ f: { courtId: court.court.id } }),
    check: (r) => {
      expect(r.length).toBeGreaterThan(0);
      expect(r.every((row: Data) => row.courtId === court.court.id)).toBe(true);
      expect(r.reduce((sum: number, row: Data) => sum + row.filed, 0)).toBeGreaterThan(0);
      const body = JSON.stringify(r);
      for (const secret of [people.claimant.nationalId, people.defendant.nationalId, 'Wafa', fx.inHearings.caseNumber!, fx.inHearings.id])
        expect(body).not.toContain(secret);
    },
  },
  {
    name: 'notifications',
    does: 'reads their own notices (about their own cases only)',
    may: SIGNED_IN,
    vars: () => ({ first: 100 }),
    check: (r, who) => {
      const about = r.edges.map((e: Data) => e.node.lawsuitId).filter(Boolean);
      if (who === 'claimant' || who === 'defendant') {
        expect(about.length).toBeGreaterThan(0);
        for (const id of about) expect(claimantCases).toContain(id);
      } else if (who === 'judge') {
        // The presiding judge hears of the hearings of the cases, and of nothing else about them.
        const kinds = r.edges.filter((e: Data) => claimantCases.includes(e.node.lawsuitId)).map((e: Data) => e.node.kind as string);
        expect(kinds.length).toBeGreaterThan(0);
        for (const kind of kinds) expect(kind).toMatch(/^HEARING_/);
      } else {
        expect(about.filter((id: string) => claimantCases.includes(id))).toEqual([]);
      }
    },
  },
];

everyCallerAgainst(OPERATIONS);
