/**
 * Uploaded evidence (docs/evidence.md), through the services with real storage: what an upload
 * must be, the quota, what a cut-off upload leaves, who may attach it and read it (the uploader
 * until it is attached, then the case's readers, sealed cases included), and the clean-up of
 * uploads never attached.
 */
import { randomUUID, createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { RequestContext } from '../../src/access/context/request-context';
import { Role } from '../../src/access/role.enum';
import { DomainError } from '../../src/core/errors/domain-error';
import { AttachmentsService } from '../../src/evidence';
import { UsersService } from '../../src/identity/users.service';
import { PleadingsService } from '../../src/litigation/pleadings/pleadings.service';
import { docx, jpeg, MIME, pdf, png } from '../factories/files';
import { nationalId } from '../factories/people';
import { citizen } from '../scenario/people';
import { scenario } from '../scenario/scenario';
import { Medium, startMedium } from './medium';

const MB = 1024 * 1024;

async function reason(work: PromiseLike<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (err instanceof DomainError) {
      const details = err.details as { reason?: string; fields?: unknown };
      return `${err.code}:${details.reason ?? (details.fields ? 'fields' : '')}`;
    }
    throw err;
  }
  throw new Error('expected a refusal, and it succeeded');
}

/** A stream of `bytes` in chunks of `chunk` bytes, as a request body arrives. */
function streamOf(bytes: Buffer, chunk = 16 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts, { objectMode: false });
}

describe('uploaded evidence', () => {
  let m: Medium;
  beforeAll(async () => {
    m = await startMedium({ UPLOAD_MAX_MB: '1', UPLOAD_DAILY_QUOTA_MB: '2', DOCUMENTS_DIR: `var/test-documents/evidence-${randomUUID()}` });
  });
  afterAll(async () => {
    await m?.close();
    await rm(m.config.documents.dir, { recursive: true, force: true });
  });

  const attachments = () => m.get(AttachmentsService);
  const upload = (ctx: RequestContext, bytes: Buffer, declaredType: string = MIME.pdf, fileName = 'claim.pdf') =>
    attachments().upload(ctx, { stream: streamOf(bytes), fileName, declaredType });
  const storedFiles = async () => {
    const root = resolve(m.config.documents.dir, 'uploads');
    const dirs = await readdir(root).catch(() => [] as string[]);
    return (await Promise.all(dirs.map(async (d) => (await readdir(join(root, d))).map((f) => `${d}/${f}`)))).flat();
  };
  const bytesOf = async (stream: Readable) => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  it('keeps a PDF, an image and a Word document with the hash of their bytes, and hands each back to its uploader', async () => {
    const p = await citizen(scenario(m).host);
    for (const [bytes, mime, name] of [
      [pdf(300_000), MIME.pdf, 'عقد.pdf'],
      [png(), MIME.png, 'photo.png'],
      [jpeg(), MIME.jpeg, 'photo.jpg'],
      [docx(), MIME.docx, 'memo.docx'],
    ] as const) {
      const view = await upload(await p.ctx(), bytes, mime, name);
      expect(view).toMatchObject({ fileName: name, contentType: mime, sizeBytes: bytes.length });
      expect(view.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const { stream } = await attachments().open(await p.ctx(), view.id);
      expect((await bytesOf(stream)).equals(bytes)).toBe(true);
    }
  });

  it('refuses an empty file, a wrong type, a mismatch, a file over the limit and a PDF with JavaScript deep inside, keeping nothing', async () => {
    const p = await citizen(scenario(m).host);
    const before = await storedFiles();
    const late = Buffer.concat([pdf(600_000), Buffer.from('5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n')]);
    expect(await reason(upload(await p.ctx(), Buffer.alloc(0)))).toBe('UPLOAD_REJECTED:empty');
    expect(await reason(upload(await p.ctx(), Buffer.from('MZ not a pdf at all'.repeat(10))))).toBe('UPLOAD_REJECTED:type_not_allowed');
    expect(await reason(upload(await p.ctx(), png(), MIME.png, 'photo.pdf'))).toBe('UPLOAD_REJECTED:type_mismatch');
    expect(await reason(upload(await p.ctx(), pdf(MB + 1)))).toBe('UPLOAD_REJECTED:too_large');
    expect(await reason(upload(await p.ctx(), late))).toBe('UPLOAD_REJECTED:pdf_active_content');
    expect(await reason(upload(await p.ctx(), pdf(4096, '/Encrypt 9 0 R')))).toBe('UPLOAD_REJECTED:pdf_encrypted');
    expect(await storedFiles()).toEqual(before);
    expect(await m.db.query('SELECT 1 FROM attachments WHERE owner_id = $1', [p.id])).toHaveLength(0);
  });

  it('keeps nothing of an upload cut off half-way', async () => {
    const p = await citizen(scenario(m).host);
    const before = await storedFiles();
    const bytes = pdf(500_000);
    const cut = new Readable({ read() {} });
    cut.push(bytes.subarray(0, 200_000));
    setTimeout(() => cut.destroy(new Error('Unexpected end of form')), 20);
    const refused = attachments().upload(await p.ctx(), { stream: cut, fileName: 'claim.pdf', declaredType: MIME.pdf });
    expect(await reason(refused)).toBe('UPLOAD_REJECTED:interrupted');
    expect(await storedFiles()).toEqual(before);
  });

  it('holds each person to the daily quota', async () => {
    const p = await citizen(scenario(m).host);
    await upload(await p.ctx(), pdf(900_000));
    await upload(await p.ctx(), pdf(900_000));
    expect(await reason(upload(await p.ctx(), pdf(900_000)))).toBe('UPLOAD_REJECTED:quota_exceeded');
    // Another person's quota is their own.
    await upload(await (await citizen(scenario(m).host)).ctx(), pdf(900_000));
  });

  it('attaches only the uploader’s own files, once; the case’s readers then read them, and no one else', async () => {
    const s = scenario(m);
    await s.reach('claimant');
    const claimant = s.actors.claimant;
    const mine = await upload(await claimant.ctx(), pdf(10_000));
    const stranger = await citizen(s.host);
    const theirs = await upload(await stranger.ctx(), pdf(10_000));
    // One foreign file refuses the whole filing, and leaves the caller's own unattached.
    const foreign = await reason(
      scenario(m)
        .claimant(claimant)
        .lawsuit({ attachmentIds: [mine.id, theirs.id] })
        .final(),
    );
    expect(foreign).toBe('BAD_USER_INPUT:fields');
    await s
      .lawsuit({ attachmentIds: [mine.id], sealed: true })
      .hearingHeld()
      .final();
    const [row] = await m.db.query('SELECT subject_type, subject_id, purpose FROM attachments WHERE id = $1', [mine.id]);
    expect(row).toEqual({ subject_type: 'Lawsuit', subject_id: s.lawsuitId, purpose: 'filing' });
    const [listed] = await m.db.query('SELECT attachment_id, sha256 FROM lawsuit_attachments WHERE lawsuit_id = $1', [s.lawsuitId]);
    expect(listed).toEqual({ attachment_id: mine.id, sha256: mine.sha256 });

    for (const reader of [claimant, s.actors.defendant])
      expect((await attachments().open(await reader.ctx(), mine.id)).attachment.id).toBe(mine.id);
    // A judge of the circuit who does not sit on the sealed case, a stranger, anyone: as if it did not exist.
    const judge = await m.get(UsersService).createUser(await m.as('admin'), {
      nationalId: nationalId(),
      nameAr: 'قاض آخر',
      nameEn: 'Another Judge',
      password: 'Staff-Pass-2026',
      roles: [],
      memberships: [{ role: Role.JUDGE, circuitId: s.circuitId }],
    });
    const missing = await reason(attachments().open(await stranger.ctx(), randomUUID()));
    for (const ctx of [await m.as(judge.id), await stranger.ctx(), m.system()]) {
      expect(await reason(attachments().open(ctx, mine.id))).toBe(missing);
    }
    // Attached once: not again, not elsewhere.
    expect(
      await reason(
        scenario(m)
          .claimant(claimant)
          .lawsuit({ attachmentIds: [mine.id] })
          .final(),
      ),
    ).toBe('BAD_USER_INPUT:fields');
  });

  it('removes uploads never attached after a day, bytes and all, and leaves attached ones', async () => {
    const s = scenario(m);
    await s.reach('claimant');
    const kept = await upload(await s.actors.claimant.ctx(), pdf(5_000));
    const lost = await upload(await s.actors.claimant.ctx(), pdf(5_000));
    await s.lawsuit({ attachmentIds: [kept.id] }).final();
    m.clock.advance(24 * 3_600_000 + 60_000);
    expect(await attachments().removeUnattached(m.system())).toBeGreaterThanOrEqual(1);
    expect(await reason(attachments().open(await s.actors.claimant.ctx(), lost.id))).toBe('NOT_FOUND:');
    expect((await attachments().open(await s.actors.claimant.ctx(), kept.id)).attachment.id).toBe(kept.id);
    const [row] = await m.db.query('SELECT storage_key FROM attachments WHERE id = $1', [lost.id]);
    expect(await storedFiles()).not.toContain(row.storage_key.slice('uploads/'.length));
  });

  it('attaches files to a statement of defence, a contract draft and a power of attorney, each read with its record', async () => {
    const s = await scenario(m).registered();
    const defendant = s.actors.defendant;
    const evidence = await upload(await defendant.ctx(), pdf(8_000));
    const memo = await m
      .get(PleadingsService)
      .submitDefence(await defendant.ctx(), s.lawsuitId, 'دفاع المدعى عليه — the defence', [evidence.id]);
    expect((await attachments().ofContexts(await defendant.ctx(), [memo.id])).map((f) => f.id)).toEqual([evidence.id]);
    // The claimant reads the defendant's evidence: it is the case's.
    expect((await attachments().open(await s.actors.claimant.ctx(), evidence.id)).attachment.sha256).toBe(evidence.sha256);

    const sale = await scenario(m).seller();
    const deed = await upload(await sale.actors.seller.ctx(), png(), MIME.png, 'deed.png');
    await sale.contract({ attachmentIds: [deed.id] }).contractDrafted();
    expect((await attachments().ofSubjects(await sale.actors.seller.ctx(), 'Contract', [sale.contractId])).map((f) => f.id)).toEqual([
      deed.id,
    ]);
    expect((await attachments().open(await sale.actors.buyer.ctx(), deed.id)).attachment.id).toBe(deed.id);
    expect(await reason(attachments().open(await defendant.ctx(), deed.id))).toBe('NOT_FOUND:');

    const agency = await scenario(m).principal();
    const idCopy = await upload(await agency.actors.principal.ctx(), jpeg(), MIME.jpeg, 'id.jpg');
    await agency.poa({ attachmentIds: [idCopy.id] }).poaSelfIssued();
    expect((await attachments().ofSubjects(m.system(), 'PowerOfAttorney', [agency.poaId])).map((f) => f.id)).toEqual([idCopy.id]);
    expect((await attachments().open(await agency.actors.agent.ctx(), idCopy.id)).attachment.id).toBe(idCopy.id);
    expect(await reason(attachments().open(await sale.actors.buyer.ctx(), idCopy.id))).toBe('NOT_FOUND:');
  });
});
