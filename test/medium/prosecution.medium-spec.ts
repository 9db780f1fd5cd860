/**
 * The prosecutor, a full litigant in a criminal case (docs/domain.md, "Lawyers and agents in
 * lawsuits"): the prosecutor who filed it represents the Public Prosecution — files memos,
 * registers attendance at a remote hearing and gets its link, objects to the judgment — and a
 * prosecutor of no standing in the case does none of it.
 */
import { HearingsService } from '../../src/litigation/hearings/hearings.service';
import { HearingReads } from '../../src/litigation/hearings/hearing-reads.service';
import { JudgmentsService } from '../../src/litigation/judgments/judgments.service';
import { PartyKind } from '../../src/litigation/lawsuits/lawsuit.enums';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { Hearing } from '../../src/litigation/hearings/hearing.entity';
import { scenario } from '../scenario/scenario';
import { Medium, refusal, startMedium } from './medium';

describe('the prosecutor in a criminal case', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium();
  });
  afterAll(() => m?.close());
  afterEach(() => m.clock.reset());

  const criminal = async () => {
    const prosecutor = await m.seeded('prosecutor');
    return scenario(m)
      .court('RYD-CRM')
      .claimant({ id: prosecutor.id, nationalId: prosecutor.nationalId })
      .lawsuit({
        category: 'CRIMINAL',
        claimants: [
          { kind: PartyKind.ORGANIZATION, organizationNumber: 'PP-RYD-01', nameAr: 'النيابة العامة', nameEn: 'Public Prosecution' },
        ],
        claims: [{ description: 'إيقاع العقوبة — impose the penalty' }],
      });
  };

  it('represents the Public Prosecution: files memos and attends a remote hearing with its link', async () => {
    const prosecutor = await m.seeded('prosecutor');
    const s = await (await criminal()).hearingScheduled({ remote: true, meetingLink: 'https://meet.adl.test/crm-7' });
    const [party] = await m.db.query('SELECT representative_id FROM lawsuit_parties WHERE lawsuit_id = $1 AND side = $2', [
      s.lawsuitId,
      'CLAIMANT',
    ]);
    expect(party.representative_id).toBe(prosecutor.id);

    const memo = await m.get(PleadingsService).submitMemo(await prosecutor.ctx(), s.lawsuitId, 'مذكرة النيابة — the prosecution’s memo');
    expect(memo.lawsuitId).toBe(s.lawsuitId);

    const hearing = await m.db.getRepository(Hearing).findOneByOrFail({ id: s.hearingId });
    m.clock.set(new Date(hearing.startsAt.getTime() - 5 * 60_000));
    await m.get(HearingsService).registerAttendance(await prosecutor.ctx(), s.hearingId);
    expect(await m.get(HearingReads).meetingLinkFor(await prosecutor.ctx(), hearing)).toBe('https://meet.adl.test/crm-7');
  });

  it('objects to the judgment for the Public Prosecution', async () => {
    const prosecutor = await m.seeded('prosecutor');
    const s = await (await criminal()).judgmentIssued({ inFavourOf: 'DEFENDANT' });
    const objection = await m.get(JudgmentsService).fileObjection(await prosecutor.ctx(), {
      lawsuitId: s.lawsuitId,
      reasons: 'الحكم لم يراع الأدلة — the judgment ignored the evidence',
    });
    const [prosecution] = await m.db.query('SELECT id FROM lawsuit_parties WHERE lawsuit_id = $1 AND side = $2', [s.lawsuitId, 'CLAIMANT']);
    expect(objection.partyId).toBe(prosecution.id);
  });

  it('lets no one without standing in the case act in it', async () => {
    const s = await (await criminal()).hearingScheduled();
    const other = await scenario(m)
      .claimant()
      .lawsuit()
      .then((x) => x.actors.claimant);
    expect(await refusal(m.get(PleadingsService).submitMemo(await other.ctx(), s.lawsuitId, 'ليس طرفًا — not a party'))).toBe('NOT_FOUND');
  });
});
