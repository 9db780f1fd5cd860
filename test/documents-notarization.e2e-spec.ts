/**
 * Documents of notarization end to end: a power of attorney issued by a notary and a notarized
 * contract issue their documents in Arabic and English in the event's transaction; the worker
 * (in-process, its own Redis prefix) renders them with Chromium; the PDFs' text is read back with
 * poppler; who may see and download them follows the power of attorney's and the contract's read
 * rules; verification shows the live state (revoked, cancelled) for the same old document.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gregorianDate, hijriDate } from '../src/documents/format';
import { maskNationalId } from '../src/core/validation/national-id';
import { CANCEL, NOTARIZE } from './factories/contracts';
import { until } from './factories/mailbox';
import { registerCitizen } from './factories/people';
import { POA_FIELDS } from './factories/powers-of-attorney';
import { RoleKey, startApp, startWorker, TestApp } from './harness';
import type { Person } from './scenario/people';
import { scenario } from './scenario/scenario';

const dir = mkdtempSync(join(tmpdir(), 'adl-docs-notary-e2e-'));
const ENV = {
  REDIS_PREFIX: `${process.env.REDIS_PREFIX}-docs-notary`,
  DOCUMENTS_DIR: join(dir, 'store'),
  PUBLIC_BASE_URL: 'https://adl.example',
};

const DOC_FIELDS = 'id number kind language state failureReason sha256 subjectId instrumentId verifyUrl';
const DOCUMENTS = `query($id: ID!) { documents(instrumentId: $id) { ${DOC_FIELDS} } }`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { ${DOC_FIELDS} } }`;
const REQUEST = `mutation($i: RequestDocumentInput!) { requestDocument(input: $i) { ${DOC_FIELDS} } }`;
const VERIFY = `query($n: String!, $c: String!) { verifyDocument(number: $n, code: $c) { genuine number kind
  instrument { active stateAr stateEn reference } } }`;
const REVOKE = 'mutation($i: RevokePowerOfAttorneyInput!) { revokePowerOfAttorney(input: $i) { id state } }';
const POA = `query($id: ID!) { powerOfAttorney(id: $id) { ${POA_FIELDS} } }`;

interface Doc {
  id: string;
  number: string;
  kind: string;
  language: string;
  state: string;
  failureReason: string | null;
  sha256: string | null;
  subjectId: string;
  verifyUrl: string;
}
type Data = Record<string, any>;

function pdfText(bytes: Buffer): string {
  const file = join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}
/** Every word of the phrase is in the text (Arabic runs may come out of pdftotext in another order). */
function expectWords(text: string, phrase: string): void {
  for (const word of phrase.split(/\s+/).filter(Boolean)) expect([phrase, text.includes(word.normalize('NFKC'))]).toEqual([phrase, true]);
}
const codeOf = (doc: Doc) => doc.verifyUrl.split('/').pop()!;

describe('documents of powers of attorney and notarized contracts', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let office: { id: string; nameAr: string; nameEn: string };
  let notary: string;
  let principal: Person;
  let agent: Person;
  let poa: Data;

  beforeAll(async () => {
    t = await startApp({ ...ENV, JWT_TTL_SECONDS: String(365 * 86_400) });
    worker = await startWorker(t, ENV);
    office = (await t.ok('{ notaryOffices { id code nameAr nameEn } }')).notaryOffices.find((o: Data) => o.code === 'RYD-NO1');
    notary = await t.token('notary');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function settled(instrumentId: string, token: string, count: number): Promise<Doc[]> {
    return until(async () => {
      const docs = (await t.ok<{ documents: Doc[] }>(DOCUMENTS, { id: instrumentId }, token)).documents;
      return docs.length >= count && docs.every((d) => d.state !== 'PENDING') ? docs : null;
    }, 60_000);
  }
  async function download(doc: Doc, token?: string): Promise<{ status: number; bytes: Buffer }> {
    const res = await fetch(`${t.url}/documents/${doc.id}/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  it('a notary issues a power of attorney: its document in Arabic and English, with number, masked IDs, powers and validity', async () => {
    const s = await scenario(t.app)
      .principal({ nameAr: 'سعد محمد القحطاني', nameEn: 'Saad Mohammed Al-Qahtani' })
      .agent({ nameAr: 'فهد عبدالعزيز الدوسري', nameEn: 'Fahd Abdulaziz Al-Dosari' })
      .poa({ validTo: new Date(Date.now() + 200 * 86_400_000), office: 'RYD-NO1' })
      .poaIssuedByNotary();
    [principal, agent] = [s.actors.principal, s.actors.agent];
    poa = (await t.ok(POA, { id: s.poaId }, principal.token)).powerOfAttorney;
    expect(poa.state).toBe('ACTIVE');

    const docs = await settled(poa.id, principal.token, 2);
    expect(docs.map((d) => [d.kind, d.language, d.state, d.failureReason, d.subjectId]).sort()).toEqual([
      ['POWER_OF_ATTORNEY', 'AR', 'READY', null, poa.id],
      ['POWER_OF_ATTORNEY', 'EN', 'READY', null, poa.id],
    ]);

    const en = docs.find((d) => d.language === 'EN')!;
    const enRes = await download(en, principal.token);
    expect(enRes.status).toBe(200);
    expect(createHash('sha256').update(enRes.bytes).digest('hex')).toBe(en.sha256);
    const enText = pdfText(enRes.bytes);
    for (const phrase of [
      'Power of Attorney',
      poa.number,
      maskNationalId(principal.nationalId),
      maskNationalId(agent.nationalId),
      'Saad Mohammed Al-Qahtani',
      'Fahd Abdulaziz Al-Dosari',
      office.nameEn,
      gregorianDate(poa.validFrom, 'en'),
      gregorianDate(poa.validTo, 'en'),
      ...poa.powers.map((p: Data) => p.nameEn),
    ]) {
      expectWords(enText, phrase);
    }
    // Never the full national IDs.
    expect(enText).not.toContain(principal.nationalId);
    expect(enText).not.toContain(agent.nationalId);

    const arText = pdfText(
      (
        await download(
          docs.find((d) => d.language === 'AR')!,
          agent.token,
        )
      ).bytes,
    );
    for (const phrase of [
      'كاتب العدل',
      poa.number,
      maskNationalId(principal.nationalId),
      maskNationalId(agent.nationalId),
      'سعد محمد القحطاني',
      'فهد عبدالعزيز الدوسري',
      office.nameAr,
      hijriDate(poa.validTo, 'ar'),
      ...poa.powers.map((p: Data) => p.nameAr),
    ]) {
      expectWords(arText, phrase);
    }
    expect(arText).not.toContain(principal.nationalId);
  });

  it('lets the principals, the agents and the issuing office see, request and download it, and no one else', async () => {
    const docs = await settled(poa.id, principal.token, 2);
    const doc = docs.find((d) => d.language === 'AR')!;
    const stranger = await registerCitizen(t);
    const allowed: Record<string, string> = { principal: principal.token, agent: agent.token, 'notary of the office': notary };
    const denied: Record<string, string> = { stranger: stranger.token };
    const keys: RoleKey[] = [
      'admin',
      'citizen',
      'citizen2',
      'resident',
      'lawyer',
      'judge',
      'appealJudge',
      'clerk',
      'courtAdmin',
      'prosecutor',
    ];
    for (const key of keys) denied[key] = await t.token(key);

    const request = { kind: 'POWER_OF_ATTORNEY', subjectId: poa.id, language: 'AR' };
    for (const [who, token] of Object.entries(allowed)) {
      expect([who, (await t.ok(DOCUMENT, { id: doc.id }, token)).document.id]).toEqual([who, doc.id]);
      expect([who, (await download(doc, token)).status]).toEqual([who, 200]);
      // The same version of the power of attorney: the document the event issued.
      expect([who, (await t.ok(REQUEST, { i: request }, token)).requestDocument.id]).toEqual([who, doc.id]);
    }
    for (const [who, token] of Object.entries(denied)) {
      expect([who, await t.code(DOCUMENT, { id: doc.id }, token)]).toEqual([who, 'NOT_FOUND']);
      expect([who, (await t.ok(DOCUMENTS, { id: poa.id }, token)).documents]).toEqual([who, []]);
      expect([who, (await download(doc, token)).status]).toEqual([who, 404]);
      expect([who, await t.code(REQUEST, { i: request }, token)]).toEqual([who, 'NOT_FOUND']);
    }
    expect((await download(doc)).status).toBe(401);
  });

  it('verifies the document as active, then, after revocation, the same old document as revoked', async () => {
    const [doc] = (await settled(poa.id, principal.token, 2)).filter((d) => d.language === 'EN');
    const before = (await t.ok(VERIFY, { n: doc.number, c: codeOf(doc) })).verifyDocument;
    expect(before).toMatchObject({ genuine: true, kind: 'POWER_OF_ATTORNEY', instrument: { active: true, reference: poa.number } });
    expect(before.instrument.stateEn).toBe('Power of attorney in force');
    expect(before.instrument.stateAr).toBe('الوكالة سارية');

    expect((await t.ok(REVOKE, { i: { id: poa.id, reason: 'no longer needed' } }, principal.token)).revokePowerOfAttorney.state).toBe(
      'REVOKED',
    );
    const after = (await t.ok(VERIFY, { n: doc.number, c: codeOf(doc) })).verifyDocument;
    expect(after).toMatchObject({ genuine: true, number: doc.number, instrument: { active: false, reference: poa.number } });
    expect(after.instrument.stateEn).toBe('Power of attorney revoked');
    expect(after.instrument.stateAr).toBe('الوكالة مفسوخة');
    // The public page says the same.
    const page = await (await fetch(`${t.url}/verify/${codeOf(doc)}`)).text();
    expect(page).toContain('Power of attorney revoked');
  });

  it('a self-issued power of attorney with two principals gets its documents only with the last confirmation', async () => {
    const second = (await scenario(t.app).principal({ twoFactor: true })).actors.principal;
    const s = await scenario(t.app)
      .poa({ coPrincipals: [second] })
      .poaSelfIssued();
    const [first, other] = [s.actors.principal, s.actors.agent];
    const draft = (await t.ok(POA, { id: s.poaId }, first.token)).powerOfAttorney;
    expect(draft.state).toBe('DRAFT');
    expect((await t.ok(DOCUMENTS, { id: draft.id }, first.token)).documents).toEqual([]);
    const confirmed = await t.ok(
      'mutation($i: ConfirmPowerOfAttorneyInput!) { confirmPowerOfAttorney(input: $i) { state } }',
      { i: { id: draft.id, otp: await second.otp() } },
      second.token,
    );
    expect(confirmed.confirmPowerOfAttorney.state).toBe('ACTIVE');
    const docs = await settled(draft.id, second.token, 2);
    expect(docs.map((d) => [d.language, d.state]).sort()).toEqual([
      ['AR', 'READY'],
      ['EN', 'READY'],
    ]);
    const text = pdfText(
      (
        await download(
          docs.find((d) => d.language === 'EN')!,
          other.token,
        )
      ).bytes,
    );
    expect(text).toContain('issued electronically on the platform');
    expect(text).toContain(draft.number);
  });

  it('a notarized contract: documents READY with its terms and amount; cancelled, its document verifies as no longer in force', async () => {
    const s = await scenario(t.app).contract({ office: 'RYD-NO1' }).contractSigned().notaryFeePaid();
    const { seller, buyer } = s.actors;
    const drafted = { id: s.contractId, number: s.contractNumber };
    // Nothing before notarization, and none can be requested.
    expect((await t.ok(DOCUMENTS, { id: drafted.id }, seller.token)).documents).toEqual([]);
    const early = { kind: 'NOTARIZED_CONTRACT', subjectId: drafted.id, language: 'EN' };
    expect(await t.code(REQUEST, { i: early }, seller.token)).toBe('NOT_FOUND');
    const notarized = (await t.ok(NOTARIZE, { id: drafted.id }, notary)).notarizeContract;
    expect(notarized.state).toBe('NOTARIZED');

    const docs = await settled(drafted.id, buyer.token, 2);
    expect(docs.map((d) => [d.kind, d.language, d.state, d.failureReason]).sort()).toEqual([
      ['NOTARIZED_CONTRACT', 'AR', 'READY', null],
      ['NOTARIZED_CONTRACT', 'EN', 'READY', null],
    ]);
    const en = docs.find((d) => d.language === 'EN')!;
    const enText = pdfText((await download(en, seller.token)).bytes);
    for (const phrase of [
      'Notarized Contract',
      drafted.number,
      'Sale contract',
      'SAR 1,250,000.50',
      'Price: 1,250,000.50 SAR',
      'Deed number: 310118042233',
      'residential plot in Al-Narjis',
      'the seller delivers the land free of any occupancy',
      'Seller Person',
      'Buyer Person',
      maskNationalId(seller.nationalId),
      maskNationalId(buyer.nationalId),
      office.nameEn,
    ]) {
      expectWords(enText, phrase);
    }
    const arText = pdfText(
      (
        await download(
          docs.find((d) => d.language === 'AR')!,
          notary,
        )
      ).bytes,
    );
    for (const phrase of ['عقد بيع', drafted.number, 'البائع', 'المشتري', 'أرض سكنية في حي النرجس', '310118042233', office.nameAr]) {
      expectWords(arText, phrase);
    }
    // A stranger neither sees nor downloads it.
    const stranger = await registerCitizen(t);
    expect(await t.code(DOCUMENT, { id: en.id }, stranger.token)).toBe('NOT_FOUND');
    expect((await download(en, stranger.token)).status).toBe(404);

    expect((await t.ok(VERIFY, { n: en.number, c: codeOf(en) })).verifyDocument.instrument).toMatchObject({
      active: true,
      reference: drafted.number,
      stateEn: 'Contract notarized and in force',
    });
    await t.ok(CANCEL, { i: { id: drafted.id, otp: await seller.otp() } }, seller.token);
    const cancelled = (await t.ok(CANCEL, { i: { id: drafted.id, otp: await buyer.otp() } }, buyer.token)).requestContractCancellation;
    expect(cancelled.state).toBe('CANCELLED');
    expect((await t.ok(VERIFY, { n: en.number, c: codeOf(en) })).verifyDocument).toMatchObject({
      genuine: true,
      instrument: { active: false, stateEn: 'Contract cancelled by agreement of its parties', stateAr: 'العقد مفسوخ باتفاق أطرافه' },
    });
  });
});
