/**
 * Separation of duties in the audit trail: the operator (SYSTEM_ADMIN) reads who did what to which
 * subject, when, and the hashes, but the before/after content only of subjects they may read
 * themselves (people, organizations); a case's and a contract's content is withheld from them
 * (`redacted`) and shown to whoever may read the case or the contract. The chain still verifies
 * the full data.
 */
import { In } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { AuditService } from '../../src/audit/audit.service';
import { CourtNoticesService } from '../../src/litigation/lawsuits/court-notices.service';
import { LawsuitFilings } from '../../src/litigation/lawsuits/lawsuit-filings.service';
import { LawsuitCategory, PartyKind } from '../../src/litigation/lawsuits/lawsuit.enums';
import { scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

const SECRET_SUBJECT = 'مطالبة سرية — a confidential claim';
const SECRET_FACTS = 'وقائع لا يراها المشغل — facts the operator must not read';
const NOTICE_TITLE = 'تكليف بإحضار مستند — bring the original deed';

describe('the audit trail: subjects and hashes for the operator, content for the readers of the subject', () => {
  let m: Medium;

  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());

  const audit = () => m.get(AuditService);
  const eventsOf = (...subjectIds: string[]) =>
    m.db.getRepository(AuditEvent).find({ where: { subjectId: In(subjectIds) }, order: { seq: 'ASC' } });
  const trailAsAdmin = async (subjectId: string) => (await audit().list(await m.as('admin'), { subjectId }, 100)).edges.map((e) => e.node);

  it("withholds a corrected lawsuit, a court notice and a judgment from the operator, and shows them to the case's judge", async () => {
    const s = await scenario(m).lawsuit();
    const [{ version }] = await m.db.query<{ version: number }[]>('SELECT version FROM lawsuits WHERE id = $1', [s.lawsuitId]);
    const { claimant, defendant } = s.actors;
    const party = (p: typeof claimant) => ({ kind: PartyKind.PERSON, nationalId: p.nationalId, nameAr: p.nameAr, nameEn: p.nameEn });
    await m.get(LawsuitFilings).correct(await claimant.ctx(), {
      id: s.lawsuitId,
      version,
      category: LawsuitCategory.CIVIL,
      subject: SECRET_SUBJECT,
      facts: SECRET_FACTS,
      claims: [{ description: 'إلزام المدعى عليه بالسداد — repay', amount: 123456.78 }],
      claimants: [party(claimant)],
      defendants: [party(defendant)],
      courtId: s.courtId,
      sealed: false,
      attachments: [],
    });
    await s.judgmentIssued({ amountAwarded: 98765.43 });
    await m.get(CourtNoticesService).send(await (await s.clerk()).ctx(), {
      lawsuitId: s.lawsuitId,
      titleAr: NOTICE_TITLE,
      titleEn: NOTICE_TITLE,
      bodyAr: 'يرجى إحضار أصل الصك — please bring the original',
      bodyEn: 'Please bring the original deed.',
    });

    const stored = await eventsOf(s.lawsuitId, s.judgmentId);
    const text = JSON.stringify(stored);
    // What there is to withhold: the content is in the stored events.
    for (const secret of [SECRET_SUBJECT, SECRET_FACTS, '123456.78', NOTICE_TITLE, '98765.43']) expect(text).toContain(secret);
    expect(stored.map((e) => e.action)).toEqual(expect.arrayContaining(['lawsuit.corrected', 'lawsuit.court-notice', 'judgment.issued']));

    const shownToAdmin = [...(await trailAsAdmin(s.lawsuitId)), ...(await trailAsAdmin(s.judgmentId))];
    expect(shownToAdmin).toHaveLength(stored.length);
    for (const event of shownToAdmin) {
      expect(event).toMatchObject({ redacted: true, before: null, after: null });
      const original = stored.find((e) => e.id === event.id)!;
      // Who, what, which subject, when, and the chain's links are all there.
      expect(event).toMatchObject({
        seq: original.seq,
        action: original.action,
        subjectType: original.subjectType,
        subjectId: original.subjectId,
        actorId: original.actorId,
        actorRoles: original.actorRoles,
        occurredAt: original.occurredAt,
        prevHash: original.prevHash,
        hash: original.hash,
      });
    }

    const judge = await (await s.judge()).ctx();
    const shownToJudge = await audit().redact(judge, await eventsOf(s.lawsuitId, s.judgmentId));
    expect(shownToJudge.every((e) => !e.redacted)).toBe(true);
    expect(JSON.stringify(shownToJudge)).toBe(JSON.stringify(stored.map((e) => ({ ...e, redacted: false }))));
    expect(shownToJudge.find((e) => e.action === 'lawsuit.corrected')!.after).toMatchObject({ subject: SECRET_SUBJECT });

    // A party reads them too, a stranger to the case does not; the chain verifies over the full content.
    expect((await audit().redact(await s.actors.claimant.ctx(), await eventsOf(s.judgmentId))).every((e) => !e.redacted)).toBe(true);
    const stranger = await (await scenario(m).claimant()).actors.claimant.ctx();
    expect((await audit().redact(stranger, await eventsOf(s.lawsuitId))).every((e) => e.redacted && e.after === null)).toBe(true);
    expect(await audit().verify()).toMatchObject({ valid: true });
  });

  it("withholds a contract's amount and deed number from the operator, and shows them to the office's notary", async () => {
    const s = await scenario(m).contractNotarized();
    const stored = await eventsOf(s.contractId);
    expect(JSON.stringify(stored)).toContain('310118042233');

    const shownToAdmin = await trailAsAdmin(s.contractId);
    expect(shownToAdmin.map((e) => e.action)).toEqual(stored.map((e) => e.action).reverse());
    expect(shownToAdmin.every((e) => e.redacted && e.before === null && e.after === null)).toBe(true);
    expect(JSON.stringify(shownToAdmin)).not.toContain('310118042233');

    const notary = await m.as('notary');
    const shownToNotary = await audit().redact(notary, await eventsOf(s.contractId));
    expect(shownToNotary.every((e) => !e.redacted)).toBe(true);
    expect(JSON.stringify(shownToNotary)).toContain('310118042233');
  });

  it('shows the operator the content of what they may read themselves: people and organizations', async () => {
    const { claimant } = (await scenario(m).claimant()).actors;
    const [registered] = await trailAsAdmin(claimant.id!);
    expect(registered).toMatchObject({ action: 'user.registered', redacted: false, after: { nationalId: claimant.nationalId } });
    const court = await scenario(m).court();
    const events = await trailAsAdmin(court.courtId);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => !e.redacted && e.after !== null)).toBe(true);
  });
});
