import { payFilingFee } from './factories/fees';
import { DataSource } from 'typeorm';
import { lawsuitInput } from './factories/lawsuits';
import { nationalId, registerCitizen } from './factories/people';
import { startApp, TestApp } from './harness';
import type { Person } from './scenario/people';
import { scenario, Scenario } from './scenario/scenario';

const FIELDS = `id state caseNumber caseYear circuitId courtId claimedAmount feeAmount feeExempt returnReason version sealed
  parties { side kind nationalId nameEn } claims { position description amount } nextEvents`;
const FILE = `mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitLawsuit(id: $id) { ${FIELDS} } }`;
const REVIEW = `mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { ${FIELDS} } }`;
const CORRECT = `mutation($i: CorrectLawsuitInput!) { correctLawsuit(input: $i) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawLawsuit(id: $id) { state } }`;
const GET = `query($id: ID!) { lawsuit(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: LawsuitsFilter, $first: Int, $after: String) { lawsuits(filter: $f, first: $first, after: $after) {
  edges { node { id state caseNumber } } pageInfo { hasNextPage endCursor } } }`;

describe('lawsuits: filing, review and registration', () => {
  let t: TestApp;
  let clerk: string;
  /** Who files the cases that tests of review and withdrawal start from. */
  let filer: Person;
  let rydGen: { id: string; circuits: { id: string; code: string; specialization: string }[] };

  beforeAll(async () => {
    t = await startApp();
    clerk = await t.token('clerk');
    ({ claimant: filer } = (await scenario(t.app).claimant()).actors);
    rydGen = (await t.ok('{ court(code: "RYD-GEN") { id circuits { id code specialization } } }')).court;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A citizen files over HTTP: for the tests of filing itself. */
  async function filed(overrides: Record<string, unknown> = {}) {
    const c = await registerCitizen(t);
    const data = await t.ok(FILE, { i: lawsuitInput(c.nationalId, { courtId: rydGen.id, city: undefined, ...overrides }) }, c.token);
    return { citizen: c, lawsuit: data.fileLawsuit };
  }

  it('drafts a lawsuit routed by city and category, with court fees computed from the schedule', async () => {
    const { lawsuit } = await filed({ courtId: undefined, city: 'Jeddah' });
    const jedGen = (await t.ok('{ court(code: "JED-GEN") { id } }')).court;
    expect(lawsuit).toMatchObject({ state: 'DRAFT', caseNumber: null, courtId: jedGen.id, claimedAmount: 80000, feeExempt: false });
    // 5 % of the first 50,000 and 4 % of the next 30,000.
    expect(lawsuit.feeAmount).toBe(3700);
    expect(lawsuit.claims).toEqual([{ position: 1, description: expect.any(String), amount: 80000 }]);
    expect(lawsuit.nextEvents).toEqual(expect.arrayContaining(['submit', 'withdraw']));
  });

  it('routes a commercial case to the commercial court and waives fees for personal status', async () => {
    const commercial = (await filed({ category: 'COMMERCIAL', courtId: undefined, city: 'Jeddah' })).lawsuit;
    const court = (await t.ok('{ court(code: "JED-COM") { id } }')).court;
    expect(commercial.courtId).toBe(court.id);
    const family = (
      await filed({ category: 'PERSONAL_STATUS', courtId: undefined, city: 'Riyadh', claims: [{ description: 'حضانة — custody' }] })
    ).lawsuit;
    expect(family).toMatchObject({ feeAmount: 0, feeExempt: true });
  });

  it('names every offending field of a bad filing and writes nothing', async () => {
    const c = await registerCitizen(t);
    const res = await t.gql(
      FILE,
      {
        i: lawsuitInput(c.nationalId, {
          claimants: [{ kind: 'PERSON', nationalId: nationalId(), nameAr: 'غيره', nameEn: 'Someone else' }],
          defendants: [{ kind: 'ORGANIZATION', nameAr: 'شركة', nameEn: 'Company' }],
          claims: [{ description: 'x', amount: -5 }],
          city: 'Atlantis',
        }),
      },
      c.token,
    );
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.claims.0.description', 'input.claims.0.amount']));
    const second = await t.gql(
      FILE,
      {
        i: lawsuitInput(c.nationalId, {
          claimants: [{ kind: 'PERSON', nationalId: nationalId(), nameAr: 'غيره', nameEn: 'Someone else' }],
          defendants: [{ kind: 'ORGANIZATION', nameAr: 'شركة', nameEn: 'Company' }],
          city: 'Atlantis',
        }),
      },
      c.token,
    );
    expect(second.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual([
      'input.city',
      'input.claimants',
      'input.defendants.0.organizationNumber',
    ]);
    const mine = await t.ok(LIST, {}, c.token);
    expect(mine.lawsuits.edges).toEqual([]);
  });

  it('refuses a criminal case from a citizen and accepts it from the prosecution', async () => {
    const c = await registerCitizen(t);
    expect(await t.code(FILE, { i: lawsuitInput(c.nationalId, { category: 'CRIMINAL' }) }, c.token)).toBe('FORBIDDEN');
    const prosecutor = await t.token('prosecutor');
    const data = await t.ok(
      FILE,
      {
        i: lawsuitInput('1080808080', {
          category: 'CRIMINAL',
          claimants: [{ kind: 'ORGANIZATION', organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' }],
          claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
        }),
      },
      prosecutor,
    );
    expect(data.fileLawsuit).toMatchObject({ state: 'DRAFT', feeExempt: true });
    const court = (await t.ok('{ court(code: "RYD-CRM") { id } }')).court;
    expect(data.fileLawsuit.courtId).toBe(court.id);
  });

  /** A case filed in RYD-GEN by the filer (or the claimant given) against a defendant without an account. */
  const inRydGen = (claimant = filer) => scenario(t.app).court('RYD-GEN').claimant(claimant).defendant({ account: false });

  it('goes through return, correction, resubmission and acceptance with a case number and a circuit', async () => {
    const s = await inRydGen().submitted();
    const [citizen, lawsuit] = [s.actors.claimant, { id: s.lawsuitId }];

    expect(await t.code(REVIEW, { i: { id: lawsuit.id, decision: 'RETURN' } }, clerk)).toBe('BAD_USER_INPUT');
    const returned = (
      await t.ok(REVIEW, { i: { id: lawsuit.id, decision: 'RETURN', reason: 'أرفق سند الدين — attach the loan contract' } }, clerk)
    ).reviewLawsuit;
    expect(returned).toMatchObject({ state: 'RETURNED', returnReason: expect.stringContaining('loan contract') });

    const corrected = (
      await t.ok(
        CORRECT,
        {
          i: {
            ...lawsuitInput(citizen.nationalId, {
              courtId: rydGen.id,
              city: undefined,
              attachments: [{ fileName: 'loan.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'a'.repeat(64) }],
            }),
            id: lawsuit.id,
            version: returned.version,
          },
        },
        citizen.token,
      )
    ).correctLawsuit;
    expect(corrected.state).toBe('RETURNED');
    const resubmitted = (await t.ok(SUBMIT, { id: lawsuit.id }, citizen.token)).submitLawsuit;
    expect(resubmitted).toMatchObject({ state: 'SUBMITTED', returnReason: null });

    const accepted = (await t.ok(REVIEW, { i: { id: lawsuit.id, decision: 'ACCEPT' } }, clerk)).reviewLawsuit;
    expect(accepted.state).toBe('REGISTERED');
    expect(accepted.caseNumber).toMatch(/^14[0-9]{2}-RYD-GEN-[0-9]{6}$/);
    const civil = rydGen.circuits.filter((c) => c.specialization === 'CIVIL').map((c) => c.id);
    expect(civil).toContain(accepted.circuitId);

    const trail = await t.ok(
      'query($f: AuditFilter) { auditTrail(filter: $f, first: 20) { edges { node { action } } } }',
      { f: { subjectType: 'Lawsuit', subjectId: lawsuit.id } },
      await t.token('admin'),
    );
    expect(trail.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action).reverse()).toEqual([
      'lawsuit.filed',
      'lawsuit.submit',
      'lawsuit.feePaid',
      'lawsuit.return',
      'lawsuit.corrected',
      'lawsuit.submit',
      'lawsuit.register',
    ]);
  });

  it('returns a filing naming the parts to correct; the filer keeps by its id a party whose number it reads masked', async () => {
    const s = await inRydGen().submitted();
    const [citizen, id] = [s.actors.claimant, s.lawsuitId];
    const NAMED = 'id state version returnReason returnFields parties { id side nationalId nameEn }';
    const RETURN = `mutation($i: ReviewLawsuitInput!) { reviewLawsuit(input: $i) { ${NAMED} } }`;
    const READ = `query($id: ID!) { lawsuit(id: $id) { ${NAMED} } }`;
    expect(await t.code(REVIEW, { i: { id, decision: 'ACCEPT', fields: ['FACTS'] } }, clerk)).toBe('BAD_USER_INPUT');
    const reason = 'صحح اسم المدعى عليه — correct the defendant’s name';
    const returned = (await t.ok(RETURN, { i: { id, decision: 'RETURN', reason, fields: ['DEFENDANTS', 'FACTS', 'FACTS'] } }, clerk))
      .reviewLawsuit;
    expect(returned).toMatchObject({ state: 'RETURNED', returnFields: ['DEFENDANTS', 'FACTS'] });

    const seen = (await t.ok(READ, { id }, citizen.token)).lawsuit;
    const party = (side: string) => seen.parties.find((p: { side: string }) => p.side === side);
    expect(party('DEFENDANT').nationalId).toMatch(/^[0-9]\*{5}[0-9]{4}$/);
    const kept = { kind: 'PERSON', partyId: party('DEFENDANT').id, nameAr: 'المدعى عليه', nameEn: 'Defendant Corrected' };
    const input = { ...lawsuitInput(citizen.nationalId, { courtId: rydGen.id, city: undefined }), id, version: seen.version };
    // Another side's party, or any party on a new filing, is no party of it to keep.
    const astray = await t.gql(CORRECT, { i: { ...input, defendants: [{ ...kept, partyId: party('CLAIMANT').id }] } }, citizen.token);
    expect(astray.errors?.[0].extensions.fields).toEqual([{ field: 'input.defendants.0.partyId', message: expect.any(String) }]);
    expect(await t.code(FILE, { i: lawsuitInput(citizen.nationalId, { defendants: [kept] }) }, citizen.token)).toBe('BAD_USER_INPUT');

    await t.ok(CORRECT, { i: { ...input, defendants: [kept] } }, citizen.token);
    const corrected = (await t.ok(READ, { id }, clerk)).lawsuit;
    expect(corrected.parties.find((p: { side: string }) => p.side === 'DEFENDANT')).toMatchObject({
      nationalId: s.actors.defendant.nationalId,
      nameEn: 'Defendant Corrected',
    });
    const resubmitted = (await t.ok(`mutation($id: ID!) { submitLawsuit(id: $id) { ${NAMED} } }`, { id }, citizen.token)).submitLawsuit;
    expect(resubmitted).toMatchObject({ state: 'SUBMITTED', returnReason: null, returnFields: [] });
  });

  it('refuses illegal transitions with INVALID_TRANSITION and changes nothing', async () => {
    const s = await inRydGen().lawsuit();
    const [citizen, lawsuit] = [s.actors.claimant, { id: s.lawsuitId }];
    // A draft is not the court's yet: the clerk does not even see it.
    expect(await t.code(REVIEW, { i: { id: lawsuit.id, decision: 'ACCEPT' } }, clerk)).toBe('NOT_FOUND');
    expect((await t.ok(SUBMIT, { id: lawsuit.id }, citizen.token)).submitLawsuit.state).toBe('AWAITING_PAYMENT');
    expect(await t.code(SUBMIT, { id: lawsuit.id }, citizen.token)).toBe('INVALID_TRANSITION');
    // Waiting for its fee, the filing is not the clerk's to decide yet.
    expect(await t.code(REVIEW, { i: { id: lawsuit.id, decision: 'ACCEPT' } }, clerk)).toBe('INVALID_TRANSITION');
    expect(await payFilingFee(t, lawsuit.id, citizen.token)).toBe('SUBMITTED');
    expect(await t.code(SUBMIT, { id: lawsuit.id }, citizen.token)).toBe('INVALID_TRANSITION');
    await t.ok(REVIEW, { i: { id: lawsuit.id, decision: 'REJECT', reason: 'خارج الاختصاص — out of jurisdiction' } }, clerk);
    expect(await t.code(WITHDRAW, { id: lawsuit.id }, citizen.token)).toBe('INVALID_TRANSITION');
    expect((await t.ok(GET, { id: lawsuit.id }, citizen.token)).lawsuit.state).toBe('REJECTED');
  });

  it('lets the claimant withdraw before judgment', async () => {
    const s = await inRydGen().submitted();
    expect((await t.ok(WITHDRAW, { id: s.lawsuitId }, s.actors.claimant.token)).withdrawLawsuit.state).toBe('WITHDRAWN');
  });

  it('gives 100 simultaneous registrations in one court 100 distinct, gapless numbers', async () => {
    const filings = await Promise.all(Array.from({ length: 100 }, () => inRydGen().submitted()));
    const ids = filings.map((s) => s.lawsuitId);
    const results = await Promise.all(ids.map((id) => t.gql(REVIEW, { i: { id, decision: 'ACCEPT' } }, clerk)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const db = t.app.get(DataSource);
    const rows = await db.query(
      'SELECT case_year, case_seq FROM lawsuits WHERE court_id = $1 AND case_seq IS NOT NULL ORDER BY case_year, case_seq',
      [rydGen.id],
    );
    const year = rows.at(-1).case_year;
    const seqs = rows.filter((r: { case_year: number }) => r.case_year === year).map((r: { case_seq: number }) => r.case_seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(new Set(results.map((r: any) => r.data.reviewLawsuit.caseNumber)).size).toBe(100);
  });

  describe('who sees what', () => {
    // One case, taken further by each test: a draft, then submitted, then registered.
    let s: Scenario;
    let claimant: Person;
    let defendant: Person;
    let id: string;

    beforeAll(async () => {
      s = await scenario(t.app).court('RYD-GEN').lawsuit();
      ({ claimant, defendant } = s.actors);
      id = s.lawsuitId;
    });

    it('keeps a draft with its filer: not the defendant, not the clerk', async () => {
      expect(await t.code(GET, { id }, defendant.token)).toBe('NOT_FOUND');
      expect(await t.code(GET, { id }, clerk)).toBe('NOT_FOUND');
      expect((await t.ok(GET, { id }, claimant.token)).lawsuit.state).toBe('DRAFT');
    });

    it('shows a submitted case to both parties and the clerk of its court, never to others or the system administrator', async () => {
      await s.submitted();
      expect((await t.ok(GET, { id }, defendant.token)).lawsuit.id).toBe(id);
      expect((await t.ok(GET, { id }, clerk)).lawsuit.id).toBe(id);
      const stranger = await registerCitizen(t);
      expect(await t.code(GET, { id }, stranger.token)).toBe('NOT_FOUND');
      expect(await t.code(GET, { id }, await t.token('admin'))).toBe('FORBIDDEN');
      expect(await t.code(GET, { id }, await t.token('prosecutor'))).toBe('NOT_FOUND');
      const others = await t.ok(LIST, { first: 100 }, stranger.token);
      expect(others.lawsuits.edges).toEqual([]);
      const defendantList = await t.ok(LIST, { first: 100 }, defendant.token);
      expect(defendantList.lawsuits.edges.map((e: any) => e.node.id)).toEqual([id]);
    });

    it('masks party national IDs except for the party and the court staff', async () => {
      const byClaimant = (await t.ok(GET, { id }, claimant.token)).lawsuit.parties;
      expect(byClaimant.find((p: any) => p.side === 'CLAIMANT').nationalId).toBe(claimant.nationalId);
      expect(byClaimant.find((p: any) => p.side === 'DEFENDANT').nationalId).toMatch(/^[12]\*{5}[0-9]{4}$/);
      const byClerk = (await t.ok(GET, { id }, clerk)).lawsuit.parties;
      expect(byClerk.map((p: any) => p.nationalId).sort()).toEqual([claimant.nationalId, defendant.nationalId].sort());
    });

    it('shows a registered case to the judges of its circuit', async () => {
      await s.registered();
      const judge = await t.token('judge');
      const civ1 = rydGen.circuits.find((c) => c.code === 'CIV-1')!.id;
      const res = await t.gql(GET, { id }, judge);
      if (s.circuitId === civ1) expect((res.data as any).lawsuit.id).toBe(id);
      else expect(res.errors![0].extensions.code).toBe('NOT_FOUND');
      const inCircuit = await t.ok(LIST, { f: { circuitId: civ1 }, first: 5 }, judge);
      for (const e of inCircuit.lawsuits.edges) expect(['REGISTERED', 'IN_HEARINGS', 'WITHDRAWN', 'REJECTED']).toContain(e.node.state);
    });

    it('lets only the parties or filer withdraw', async () => {
      expect(await t.code(WITHDRAW, { id }, defendant.token)).toBe('FORBIDDEN');
      const stranger = await registerCitizen(t);
      expect(await t.code(WITHDRAW, { id }, stranger.token)).toBe('NOT_FOUND');
    });
  });

  it('filters the list by state, category and subject words, and pages by cursor', async () => {
    const { claimant: c } = (await scenario(t.app).claimant()).actors;
    for (const subject of [
      'نزاع إيجار شقة — apartment lease dispute',
      'مطالبة أجور — unpaid wages claim',
      'فسخ عقد توريد — supply contract termination',
    ]) {
      await inRydGen(c).lawsuit({ subject });
    }
    const lease = await t.ok(LIST, { f: { text: 'lease' } }, c.token);
    expect(lease.lawsuits.edges).toHaveLength(1);
    const page1 = await t.ok(LIST, { first: 2, f: { states: ['DRAFT'], category: 'CIVIL' } }, c.token);
    expect(page1.lawsuits.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.ok(LIST, { first: 2, after: page1.lawsuits.pageInfo.endCursor, f: { states: ['DRAFT'] } }, c.token);
    expect(page2.lawsuits.edges).toHaveLength(1);
    expect(page2.lawsuits.pageInfo.hasNextPage).toBe(false);
  });
});
