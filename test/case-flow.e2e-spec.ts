/**
 * Case flow over HTTP. A party's agenda (docs/domain.md, "A party's agenda"): `myAgenda` for a
 * signed-in person only; the personal calendar feed, a signed address a calendar app reads without
 * signing in, listing the hearing under its invitations' UID, until it is revoked or replaced — a
 * forged, altered or ended address answering 404 alike. Settlement (docs/domain.md, "Settlement"):
 * proposed, consented to by each party with a fresh code, approved by the judge, the deed issued.
 */
import { startApp, TestApp } from './harness';
import { scenario } from './scenario/scenario';

const AGENDA = `{ myAgenda { at hearings { hearingId lawsuitId calendarUid role { side representing } }
  deadlines { kind lawsuitId dueAt daysLeft secondsLeft titleAr titleEn deadline { days rule { reference } } }
  actions { kind lawsuitId subjectId dueAt } } }`;
const CREATE = 'mutation { createCalendarFeed { url createdAt } }';
const REVOKE = 'mutation { revokeCalendarFeed }';

describe('a party’s agenda and calendar feed, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(30 * 86_400) });
  });
  afterAll(() => t?.close());

  /** The feed's address on this test server. */
  const local = (url: string) => `${t.url}${new URL(url).pathname}`;

  it('answers the signed-in person their hearings and deadlines, and no one signed out', async () => {
    const s = await scenario(t.app).hearingHeld().judgmentIssued().served({ only: 'DEFENDANT' });
    const { myAgenda } = await t.ok(AGENDA, {}, s.actors.defendant.token);
    const objection = myAgenda.deadlines.find((d: { lawsuitId: string }) => d.lawsuitId === s.lawsuitId);
    expect(objection).toMatchObject({
      kind: 'OBJECTION',
      deadline: { days: 30, rule: { reference: expect.stringContaining('Article 187') } },
    });
    expect(objection.secondsLeft).toBeGreaterThan(29 * 86_400);
    expect(myAgenda.actions).toContainEqual(expect.objectContaining({ kind: 'OBJECT_OR_ACCEPT', lawsuitId: s.lawsuitId }));
    expect(await t.code(AGENDA)).toBe('UNAUTHENTICATED');
  });

  it('serves a calendar feed by its signed address until it is revoked or replaced, and nothing for a forged one', async () => {
    const s = await scenario(t.app).hearingScheduled();
    const token = s.actors.claimant.token;
    const { url } = (await t.ok(CREATE, {}, token)).createCalendarFeed;
    expect(url).toMatch(/\/calendar\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+\.ics$/);

    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = (await res.text()).replace(/\r\n /g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('METHOD:PUBLISH');
    // The hearing under the UID its invitation carried.
    expect(ics).toContain(`UID:hearing-${s.hearingId}@adl`);

    // Altered signature, unknown feed: 404, as for an address that never existed.
    const [feedId, signature] = new URL(url).pathname
      .split('/')
      .pop()!
      .replace(/\.ics$/, '')
      .split('.');
    const altered = `${t.url}/calendar/${feedId}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}.ics`;
    expect((await fetch(altered)).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/${crypto.randomUUID()}.${signature}.ics`)).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/nonsense`)).status).toBe(404);

    // A new feed ends the old address; revoking ends the new one.
    const renewed = (await t.ok(CREATE, {}, token)).createCalendarFeed.url;
    expect((await fetch(local(url))).status).toBe(404);
    expect((await fetch(local(renewed))).status).toBe(200);
    expect((await t.ok(REVOKE, {}, token)).revokeCalendarFeed).toBe(true);
    expect((await fetch(local(renewed))).status).toBe(404);
    expect((await t.ok(REVOKE, {}, token)).revokeCalendarFeed).toBe(false);
    expect(await t.code(CREATE)).toBe('UNAUTHENTICATED');
  });

  it('settles a case: each party consents once with a fresh code, the judge approves, the deed follows', async () => {
    const s = await scenario(t.app).hearingHeld();
    const { claimant, defendant } = s.actors;
    const PROPOSE =
      'mutation($i: ProposeSettlementInput!) { proposeSettlement(input: $i) { id state amount instalments { dueOn amount } } }';
    const CONSENT = 'mutation($i: ConsentToSettlementInput!) { consentToSettlement(input: $i) { id state consents { partyId } } }';
    const APPROVE = 'mutation($id: ID!) { approveSettlement(settlementId: $id) { id state approvedAt } }';
    const DEED = 'mutation($i: RequestDocumentInput!) { requestDocument(input: $i) { id kind } }';
    const due = new Date(t.clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
    const terms = 'يدفع المدعى عليه خمسين ألف ريال — the defendant pays SAR 50,000.';

    const bad = await t.gql(
      PROPOSE,
      { i: { lawsuitId: s.lawsuitId, terms, amount: 50_000, instalments: [{ dueOn: due, amount: 40_000 }] } },
      claimant.token,
    );
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.instalments' })],
    });
    const { proposeSettlement: proposed } = await t.ok(
      PROPOSE,
      { i: { lawsuitId: s.lawsuitId, terms, amount: 50_000, instalments: [{ dueOn: due, amount: 50_000 }] } },
      claimant.token,
    );
    expect(proposed).toMatchObject({ state: 'PROPOSED', amount: 50_000, instalments: [{ dueOn: due, amount: 50_000 }] });

    const judge = await s.judge();
    expect(await t.code(APPROVE, { id: proposed.id }, judge.token)).toBe('INVALID_TRANSITION');
    expect(await t.code(DEED, { i: { kind: 'SETTLEMENT', subjectId: proposed.id, language: 'AR' } }, claimant.token)).toBe(
      'INVALID_TRANSITION',
    );
    for (const party of [claimant, defendant]) {
      await party.enrolTwoFactor();
      const done = (await t.ok(CONSENT, { i: { settlementId: proposed.id, otp: await party.otp() } }, party.token)).consentToSettlement;
      expect(done.state).toBe('PROPOSED');
    }
    expect(await t.code(CONSENT, { i: { settlementId: proposed.id, otp: await claimant.otp() } }, claimant.token)).toBe(
      'INVALID_TRANSITION',
    );
    expect(await t.code(APPROVE, { id: proposed.id }, claimant.token)).toBe('FORBIDDEN');
    expect((await t.ok(APPROVE, { id: proposed.id }, judge.token)).approveSettlement.state).toBe('APPROVED');
    expect((await t.ok('query($id: ID!) { lawsuit(id: $id) { state } }', { id: s.lawsuitId }, claimant.token)).lawsuit.state).toBe(
      'SETTLED',
    );
    for (const language of ['AR', 'EN']) {
      const deed = (await t.ok(DEED, { i: { kind: 'SETTLEMENT', subjectId: proposed.id, language } }, defendant.token)).requestDocument;
      expect(deed.kind).toBe('SETTLEMENT');
    }
  });

  it('lets the defendant’s lawyer enter an appearance under their power of attorney, and the defendant end it', async () => {
    const s = await scenario(t.app).registered();
    const lawyerToken = await t.token('lawyer');
    const lawyer = (await t.ok('{ me { id nationalId } }', {}, lawyerToken)).me;
    const APPEAR = 'mutation($i: RepresentationInput!) { enterAppearance(input: $i) { id representativeId } }';
    const END = 'mutation($i: RepresentationInput!) { withdrawRepresentation(input: $i) { id representativeId } }';
    const PARTIES = 'query($id: ID!) { lawsuit(id: $id) { parties { id side } } }';
    const defendantId = (await t.ok(PARTIES, { id: s.lawsuitId }, s.actors.defendant.token)).lawsuit.parties.find(
      (p: { side: string }) => p.side === 'DEFENDANT',
    ).id;
    const i = { lawsuitId: s.lawsuitId, partyId: defendantId };
    // No power from the defendant yet: the case does not exist for the lawyer.
    expect(await t.code(APPEAR, { i }, lawyerToken)).toBe('NOT_FOUND');
    await scenario(t.app)
      .principal({ id: s.actors.defendant.id, nationalId: s.actors.defendant.nationalId })
      .agent({ id: lawyer.id, nationalId: lawyer.nationalId })
      .poa({ powers: ['LIT_PLEAD'] })
      .poaIssuedByNotary();
    expect((await t.ok(APPEAR, { i }, lawyerToken)).enterAppearance.representativeId).toBe(lawyer.id);
    expect(await t.code(END, { i }, s.actors.claimant.token)).toBe('FORBIDDEN');
    expect((await t.ok(END, { i }, s.actors.defendant.token)).withdrawRepresentation.representativeId).toBeNull();
    expect(await t.code(END, { i }, s.actors.defendant.token)).toBe('INVALID_TRANSITION');
  });

  it('lets organizations act through the representative the court records, and the prosecutor object for the Public Prosecution', async () => {
    const OBJECT = 'mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id partyId } }';
    const APPOINT = 'mutation($i: AppointRepresentativeInput!) { appointOrganizationRepresentative(input: $i) { id representativeId } }';
    const company = { kind: 'ORGANIZATION', organizationNumber: '7009876543', nameAr: 'شركة المقاولات', nameEn: 'Contracting Co.' };
    const s = await scenario(t.app)
      .lawsuit({ defendants: [company] as never })
      .judgmentIssued();
    const companyId = (
      await t.ok('query($id: ID!) { lawsuit(id: $id) { parties { id side } } }', { id: s.lawsuitId }, s.actors.claimant.token)
    ).lawsuit.parties.find((p: { side: string }) => p.side === 'DEFENDANT').id;
    const signatory = (await scenario(t.app).claimant().lawsuit()).actors.claimant;
    const i = {
      lawsuitId: s.lawsuitId,
      partyId: companyId,
      representativeNationalId: signatory.nationalId,
      basis: 'AUTHORIZED_SIGNATORY',
      reference: 'CR 7009876543',
    };
    expect(await t.code(APPOINT, { i }, s.actors.claimant.token)).toBe('FORBIDDEN');
    expect(await t.code(OBJECT, { i: { lawsuitId: s.lawsuitId, reasons: 'نعترض — we object' } }, signatory.token)).toBe('NOT_FOUND');
    const clerk = await s.clerk();
    expect((await t.ok(APPOINT, { i }, clerk.token)).appointOrganizationRepresentative.representativeId).toBe(signatory.id);
    expect(
      (await t.ok(OBJECT, { i: { lawsuitId: s.lawsuitId, reasons: 'نعترض — we object' } }, signatory.token)).fileObjection.partyId,
    ).toBe(companyId);

    const prosecutorToken = await t.token('prosecutor');
    const prosecutor = (await t.ok('{ me { id nationalId } }', {}, prosecutorToken)).me;
    const criminal = await scenario(t.app)
      .court('RYD-CRM')
      .claimant({ id: prosecutor.id, nationalId: prosecutor.nationalId })
      .lawsuit({
        category: 'CRIMINAL',
        claimants: [
          { kind: 'ORGANIZATION', organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' },
        ] as never,
        claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
      })
      .judgmentIssued({ inFavourOf: 'DEFENDANT' });
    const MEMO = 'mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id } }';
    expect(await t.code(MEMO, { i: { lawsuitId: criminal.lawsuitId, body: 'مذكرة — memo' } }, signatory.token)).toBe('NOT_FOUND');
    const objected = (await t.ok(OBJECT, { i: { lawsuitId: criminal.lawsuitId, reasons: 'الأدلة — the evidence' } }, prosecutorToken))
      .fileObjection;
    const prosecution = (
      await t.ok('query($id: ID!) { lawsuit(id: $id) { parties { id side } } }', { id: criminal.lawsuitId }, prosecutorToken)
    ).lawsuit.parties.find((p: { side: string }) => p.side === 'CLAIMANT');
    expect(objected.partyId).toBe(prosecution.id);
  });
});
