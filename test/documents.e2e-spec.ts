/**
 * Documents end to end: the workflow's events issue their documents through the outbox; the worker
 * (in-process, its own Redis prefix) renders them with Chromium, signs and stores them; the PDF is
 * downloaded over HTTP by those who may read the lawsuit and by no one else; its text, hash and
 * signature are checked with poppler; verification (GraphQL and the public page, in headless
 * Chromium at phone width) shows the live state; bad data ends FAILED with a reason.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { DataSource } from 'typeorm';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { Transactions } from '../src/core/database/transactions';
import { BROWSER_FLAGS, BrowserPool } from '../src/documents/browser-pool';
import { courtWithStaff, CourtFixture, workingSlot } from './factories/courts';
import { until } from './factories/mailbox';
import { ROLE_KEYS, RoleKey, startApp, startWorker, TestApp } from './harness';
import type { Person } from './scenario/people';
import { Scenario, scenario } from './scenario/scenario';

const dir = mkdtempSync(join(tmpdir(), 'adl-docs-e2e-'));
const ENV = { REDIS_PREFIX: `${process.env.REDIS_PREFIX}-docs`, DOCUMENTS_DIR: join(dir, 'store'), PUBLIC_BASE_URL: 'https://adl.example' };

const DOC_FIELDS = 'id number kind language state failureReason sha256 sizeBytes subjectId instrumentId pdfUrl verifyUrl attempts';
const DOCUMENTS = `query($id: ID!) { documents(instrumentId: $id) { ${DOC_FIELDS} } }`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { ${DOC_FIELDS} } }`;
const REQUEST = `mutation($i: RequestDocumentInput!) { requestDocument(input: $i) { ${DOC_FIELDS} } }`;
const VERIFY = `query($n: String!, $c: String!) { verifyDocument(number: $n, code: $c) { genuine number kind kindAr kindEn issuedAt sha256
  instrument { active stateAr stateEn reference } } }`;

interface Doc {
  id: string;
  number: string;
  kind: string;
  language: string;
  state: string;
  failureReason: string | null;
  sha256: string | null;
  subjectId: string;
  pdfUrl: string | null;
  verifyUrl: string;
  attempts: number;
}

function pdfText(bytes: Buffer): string {
  const file = join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
}
function pdfSig(bytes: Buffer): string {
  const file = join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdfsig', [file], { encoding: 'utf8' });
}

describe('documents: issued by events, rendered by the worker, downloaded and verified', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let fx: CourtFixture;
  let claimant: Person;
  let defendant: Person;
  let lawsuitId: string;
  let firstHearingId: string;
  let caseNumber: string;
  /** The case every test reads: taken to judgment by the first, to finality by the execution test. */
  let lawsuit: Scenario;

  beforeAll(async () => {
    t = await startApp({ ...ENV, JWT_TTL_SECONDS: String(365 * 86_400) });
    worker = await startWorker(t, ENV);
    fx = await courtWithStaff(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function docsOf(id: string, token: string): Promise<Doc[]> {
    return (await t.ok<{ documents: Doc[] }>(DOCUMENTS, { id }, token)).documents;
  }
  async function settled(id: string, count: number): Promise<Doc[]> {
    return until(async () => {
      const docs = await docsOf(id, claimant.token);
      return docs.length >= count && docs.every((d) => d.state !== 'PENDING') ? docs : null;
    }, 60_000);
  }
  async function download(doc: Doc, token?: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const res = await fetch(`${t.url}/documents/${doc.id}/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  it('registration, scheduling, postponement, minutes and judgment each issue their documents in Arabic and English', async () => {
    lawsuit = await scenario(t.app).court(fx).submitted();
    [lawsuitId, claimant, defendant] = [lawsuit.lawsuitId, lawsuit.actors.claimant, lawsuit.actors.defendant];
    // Nothing before registration.
    expect(await docsOf(lawsuitId, claimant.token)).toEqual([]);
    await lawsuit
      .registered()
      .hearingScheduled({ at: workingSlot(8, 9) })
      .hearingPostponed({ at: workingSlot(15, 10), reason: 'غياب المدعى عليه — defendant absent' })
      .hearingHeld({ minutes: 'حضر الطرفان وقدم المدعي سند القرض — both parties attended' })
      .judgmentIssued({ ruling: 'ألزمت المحكمة المدعى عليه بدفع المبلغ — the defendant shall pay' });
    [caseNumber, firstHearingId] = [lawsuit.caseNumber, lawsuit.postponedHearingId];
    t.clock.reset();

    // receipt, summons ×2 (first date, new date), minutes, judgment — each in AR and EN.
    const docs = await settled(lawsuitId, 10);
    const count = (kind: string) => docs.filter((d) => d.kind === kind).length;
    expect([count('LAWSUIT_RECEIPT'), count('HEARING_SUMMONS'), count('HEARING_MINUTES'), count('JUDGMENT')]).toEqual([2, 4, 2, 2]);
    for (const d of docs) {
      expect(d).toMatchObject({ state: 'READY', failureReason: null, pdfUrl: `/documents/${d.id}/pdf` });
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(d.verifyUrl).toMatch(/^https:\/\/adl\.example\/verify\/[2-9A-Z]{10}$/);
    }
  });

  it('streams the PDF to a party: its bytes match the stored hash, the text and the signature check out', async () => {
    const docs = await docsOf(lawsuitId, claimant.token);
    const judgmentAr = docs.find((d) => d.kind === 'JUDGMENT' && d.language === 'AR')!;
    const res = await download(judgmentAr, claimant.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(createHash('sha256').update(res.bytes).digest('hex')).toBe(judgmentAr.sha256);
    const text = pdfText(res.bytes);
    for (const phrase of ['صك حكم', caseNumber, 'فقط ثمانون ألف ريال سعودي لا غير', '80,000.00', judgmentAr.number]) {
      for (const word of phrase.split(' ')) expect(text).toContain(word);
    }
    expect(pdfSig(res.bytes)).toContain('Signature Validation: Signature is Valid.');

    const receiptEn = docs.find((d) => d.kind === 'LAWSUIT_RECEIPT' && d.language === 'EN')!;
    const receipt = pdfText((await download(receiptEn, defendant.token)).bytes);
    expect(receipt).toContain('Lawsuit Filing Receipt');
    expect(receipt).toContain(caseNumber);
    expect(receipt).toContain('SAR 80,000.00');
    expect(receipt).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/); // Gregorian
    expect(receipt).toMatch(/ 14\d\d AH/); // Hijri
    expect(receipt).toContain(receiptEn.verifyUrl);
  });

  it('lets exactly those who may read the lawsuit see, request and download its documents', async () => {
    const docs = await docsOf(lawsuitId, claimant.token);
    const doc = docs.find((d) => d.kind === 'LAWSUIT_RECEIPT')!;
    const allowed: Record<string, string> = {
      claimant: claimant.token,
      defendant: defendant.token,
      'court clerk': fx.clerk.token,
      'circuit judge': fx.judge.token,
    };
    const keys: readonly RoleKey[] = ROLE_KEYS;
    const denied: Record<string, string> = {};
    for (const key of keys) denied[key] = await t.token(key);

    const request = { kind: 'LAWSUIT_RECEIPT', subjectId: lawsuitId, language: 'AR' };
    const granted = new Set<string>();
    for (const [who, token] of Object.entries(allowed)) {
      expect([who, (await t.ok(DOCUMENT, { id: doc.id }, token)).document.id]).toEqual([who, doc.id]);
      expect([who, (await docsOf(lawsuitId, token)).length]).toEqual([who, docs.length]);
      expect([who, (await download(doc, token)).status]).toEqual([who, 200]);
    }
    for (const token of Object.values(allowed)) granted.add((await t.ok(REQUEST, { i: request }, token)).requestDocument.id);
    // Everyone who asked got the one document of that version of the lawsuit.
    expect(granted.size).toBe(1);
    for (const [who, token] of Object.entries(denied)) {
      expect([who, await t.code(DOCUMENT, { id: doc.id }, token)]).toEqual([who, 'NOT_FOUND']);
      expect([who, await docsOf(lawsuitId, token)]).toEqual([who, []]);
      expect([who, (await download(doc, token)).status]).toEqual([who, 404]);
      expect([who, await t.code(REQUEST, { i: request }, token)]).toEqual([who, 'NOT_FOUND']);
    }
    expect(await t.code(DOCUMENT, { id: doc.id })).toBe('UNAUTHENTICATED');
    expect(await t.code(REQUEST, { i: request })).toBe('UNAUTHENTICATED');
    expect((await download(doc)).status).toBe(401);
    expect((await download(doc, 'not-a-token')).status).toBe(401);
    // Input checks name the field.
    const bad = await t.gql(REQUEST, { i: { ...request, subjectId: 'nope' } }, claimant.token);
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // A subject id of another kind names no subject of this one.
    expect(await t.code(REQUEST, { i: { ...request, kind: 'POWER_OF_ATTORNEY' } }, claimant.token)).toBe('NOT_FOUND');
    expect(await t.code(REQUEST, { i: { ...request, kind: 'NOTARIZED_CONTRACT' } }, claimant.token)).toBe('NOT_FOUND');
  });

  it('answers duplicate concurrent requests with one document', async () => {
    const request = {
      kind: 'JUDGMENT',
      subjectId: (await docsOf(lawsuitId, claimant.token)).find((d) => d.kind === 'JUDGMENT')!.subjectId,
      language: 'EN',
    };
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => t.ok(REQUEST, { i: request }, claimant.token).then((d) => d.requestDocument.id)),
    );
    expect(new Set(ids).size).toBe(1);
    // One row for that version of the judgment (its version moves when the last party is served,
    // which may have made a document of an earlier version too).
    const rows = await worker.get(DataSource).query(
      `SELECT count(*)::int AS n FROM documents d
        WHERE d.kind = 'JUDGMENT' AND d.subject_id = $1 AND d.language = 'EN'
          AND d.subject_version = (SELECT subject_version FROM documents WHERE id = $2)`,
      [request.subjectId, ids[0]],
    );
    expect(rows[0].n).toBe(1);
  });

  it('verifies a document by number and code, with the live state of its instrument', async () => {
    const docs = await docsOf(lawsuitId, claimant.token);
    // A rendered one (a document of the judgment's later version may still be rendering).
    const judgmentEn = docs.find((d) => d.kind === 'JUDGMENT' && d.language === 'EN' && d.state === 'READY')!;
    const code = judgmentEn.verifyUrl.split('/').pop()!;
    const ok = (await t.ok(VERIFY, { n: judgmentEn.number, c: code.toLowerCase() })).verifyDocument;
    expect(ok).toMatchObject({ genuine: true, number: judgmentEn.number, kind: 'JUDGMENT', kindAr: 'صك حكم', sha256: judgmentEn.sha256 });
    expect(ok.instrument).toMatchObject({ active: true, reference: caseNumber });
    expect((await t.ok(VERIFY, { n: judgmentEn.number, c: 'ZZZZZZZZZZ' })).verifyDocument).toMatchObject({ genuine: false, sha256: null });
    expect((await t.ok(VERIFY, { n: 'D-1999-0000001', c: code })).verifyDocument.genuine).toBe(false);

    // The first summons was for a date that was postponed: still genuine, but no longer standing.
    const firstSummons = docs.find((d) => d.kind === 'HEARING_SUMMONS' && d.subjectId === firstHearingId)!;
    const stale = (await t.ok(VERIFY, { n: firstSummons.number, c: firstSummons.verifyUrl.split('/').pop()! })).verifyDocument;
    expect(stale).toMatchObject({ genuine: true, instrument: { active: false } });
    expect(stale.instrument.stateEn).toContain('postponed');
  });

  it('serves the public verification page, readable on a phone in headless Chromium', async () => {
    const docs = await docsOf(lawsuitId, claimant.token);
    const receipt = docs.find((d) => d.kind === 'LAWSUIT_RECEIPT')!;
    const code = receipt.verifyUrl.split('/').pop()!;
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: BROWSER_FLAGS,
      headless: true,
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 375, height: 740, isMobile: true });
      const res = await page.goto(`${t.url}/verify/${code}`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      const ar = await page.$eval('#verdict-ar', (e) => (e as unknown as { innerText: string }).innerText);
      const en = await page.$eval('#verdict-en', (e) => (e as unknown as { innerText: string }).innerText);
      expect(ar).toContain('وثيقة صحيحة');
      expect(ar).toContain(caseNumber);
      // In the Arabic half the case number reads as one left-to-right run, as typed: its first
      // character is drawn left of its last, not moved to the other end by the bidi algorithm.
      const drawn = (await page.evaluate(`(() => {
        const no = ${JSON.stringify(caseNumber)};
        const walker = document.createTreeWalker(document.getElementById('verdict-ar'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent !== no) continue;
          const x = (i) => {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return range.getBoundingClientRect().left;
          };
          return { first: x(0), last: x(no.length - 1) };
        }
        return null;
      })()`)) as { first: number; last: number } | null;
      expect(drawn).not.toBeNull();
      expect(drawn!.first).toBeLessThan(drawn!.last);
      expect(en).toContain('Genuine document');
      expect(en).toContain('Lawsuit Filing Receipt');
      expect(en).toContain(receipt.sha256!);
      expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
      // Fits the phone: nothing scrolls sideways.
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);

      const missing = await page.goto(`${t.url}/verify/NOSUCHCODE`, { waitUntil: 'load' });
      expect(missing?.status()).toBe(404);
      expect(await page.$eval('#verdict-en', (e) => (e as unknown as { innerText: string }).innerText)).toContain('No ready document');
    } finally {
      await browser.close();
    }
  });

  it('issues the execution order when the winner requests execution of the final judgment', async () => {
    // Every objection window passes unused and the judgment turns final.
    await lawsuit.final();
    await t.ok('mutation($id: ID!) { requestExecution(lawsuitId: $id) { id } }', { id: lawsuitId }, claimant.token);
    t.clock.reset();
    const docs = await settled(lawsuitId, 12);
    const order = docs.find((d) => d.kind === 'EXECUTION_ORDER' && d.language === 'AR')!;
    expect(order.state).toBe('READY');
    const text = pdfText((await download(order, claimant.token)).bytes);
    for (const word of 'أمر تنفيذ فقط ثمانون ألف ريال سعودي لا غير'.split(' ')) expect(text).toContain(word);
  });

  it('survives a Chromium crash: the pool relaunches the browser and the document still turns READY', async () => {
    const pool = worker.get(BrowserPool);
    const pid = pool.browserPid;
    expect(pid).not.toBeNull();
    process.kill(pid!, 'SIGKILL');
    // The lawsuit moved on since its receipt: a new version, a new receipt to render.
    const doc = (await t.ok(REQUEST, { i: { kind: 'LAWSUIT_RECEIPT', subjectId: lawsuitId, language: 'EN' } }, claimant.token))
      .requestDocument as Doc;
    const ready = await until(async () => {
      const d = (await t.ok(DOCUMENT, { id: doc.id }, claimant.token)).document as Doc;
      return d.state === 'PENDING' ? null : d;
    }, 60_000);
    expect(ready.state).toBe('READY');
    expect(pool.browserPid).not.toBe(pid);
  });

  it('ends a document whose data does not fit its template FAILED with the reason, after one attempt', async () => {
    const ctx = worker.get(RequestContextFactory).forActor('test-bad-data', null);
    const id = await worker.get(Transactions).run(ctx, async (tx) => {
      const [row] = await tx.manager.query(
        `INSERT INTO documents (number, kind, language, subject_id, subject_version, instrument_type, instrument_id, idempotency_key, state,
                                verification_code, data)
         VALUES ('D-TEST-' || floor(random() * 1e9)::text, 'JUDGMENT', 'EN', $1, 1, 'Lawsuit', $2, $3, 'PENDING', $4, '{"caseNumber": "X"}')
         RETURNING id`,
        [randomUUID(), lawsuitId, `bad-${randomUUID()}`, randomUUID().slice(0, 10).toUpperCase()],
      );
      tx.emit({ topic: 'documents.render', payload: { documentId: row.id }, key: `documents.render:${row.id}:1` });
      return row.id as string;
    });
    const failed = await until(async () => {
      const d = (await t.ok(DOCUMENT, { id }, claimant.token)).document as Doc;
      return d.state === 'PENDING' ? null : d;
    }, 30_000);
    expect(failed).toMatchObject({ state: 'FAILED', attempts: 1, sha256: null, pdfUrl: null });
    expect(failed.failureReason).toMatch(/^template JUDGMENT\/EN: "\w+" not defined/);
  });
});
