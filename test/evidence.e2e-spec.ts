/**
 * Evidence over HTTP (docs/evidence.md): a file uploaded with `POST /uploads`, attached to a filing
 * and read back with `GET /attachments/:id` by exactly those who may read the case, every role
 * asked; the refusals a browser meets (size, type, empty, active PDF, no file, no sign-in) in the
 * caller's language; and an upload cut off half-way leaving nothing. The rules are proved in
 * test/medium/evidence.medium-spec.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { ROLE_KEYS, TestApp, startApp } from './harness';
import { MIME, pdf, png } from './factories/files';
import { registerCitizen } from './factories/people';
import { scenario } from './scenario/scenario';

const LAWSUIT = 'query($id: ID!) { lawsuit(id: $id) { id attachments { attachmentId fileName sha256 } } }';

describe('evidence over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t?.close());

  const upload = (token: string | null, bytes: Buffer, type: string = MIME.pdf, name = 'عقد القرض.pdf', language = 'en') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return fetch(`${t.url}/uploads`, {
      method: 'POST',
      body: form,
      headers: { 'accept-language': language, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  };
  const download = (token: string | null, id: string) =>
    fetch(`${t.url}/attachments/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const rows = async (ownerId: string) =>
    (await t.app.get(DataSource).query('SELECT id FROM attachments WHERE owner_id = $1', [ownerId])).length;

  it('uploads a PDF, attaches it to a filing, and serves it to exactly the case’s readers, every role asked', async () => {
    const s = await scenario(t.app).court('RYD-GEN').claimant();
    const bytes = pdf(200_000);
    const res = await upload(s.actors.claimant.token, bytes);
    expect(res.status).toBe(201);
    const file = (await res.json()) as { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };
    expect(file).toMatchObject({ fileName: 'عقد القرض.pdf', contentType: MIME.pdf, sizeBytes: bytes.length });
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    await s.lawsuit({ attachmentIds: [file.id] }).registered();
    const listed = await t.ok(LAWSUIT, { id: s.lawsuitId }, s.actors.claimant.token);
    expect(listed.lawsuit.attachments).toEqual([{ attachmentId: file.id, fileName: file.fileName, sha256: file.sha256 }]);

    const missing = await download(s.actors.claimant.token, randomUUID());
    expect(missing.status).toBe(404);
    const notFound = ((await missing.json()) as { error: { code: string; message: string } }).error;
    const stranger = await registerCitizen(t);
    const readers: [string, string | null][] = [
      ['claimant', s.actors.claimant.token],
      ['defendant', s.actors.defendant.token],
      ['stranger', stranger.token],
      ['anonymous', null],
      ...(await Promise.all(ROLE_KEYS.map(async (key) => [key, await t.token(key)] as [string, string]))),
    ];
    let served = 0;
    for (const [who, token] of readers) {
      const mayReadCase = !(await t.gql(LAWSUIT, { id: s.lawsuitId }, token ?? undefined)).errors;
      const res = await download(token, file.id);
      if (mayReadCase) {
        served += 1;
        expect([who, res.status]).toEqual([who, 200]);
        expect(res.headers.get('x-content-sha256')).toBe(file.sha256);
        expect(res.headers.get('content-type')).toBe(MIME.pdf);
        expect(res.headers.get('content-disposition')).toBe(
          `attachment; filename="___ _____.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        );
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      } else {
        expect([who, res.status]).toEqual([who, 404]);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect([who, body.error.code, body.error.message]).toEqual([who, notFound.code, notFound.message]);
      }
    }
    // The parties and the court's own staff, at least.
    expect(served).toBeGreaterThanOrEqual(3);
  });

  it('refuses, in the caller’s language, a file over the limit, of the wrong kind, empty or carrying JavaScript, and keeps none', async () => {
    const c = await registerCitizen(t);
    const refusal = async (res: Response) => ({
      status: res.status,
      ...((await res.json()) as { error: { code: string; reason: string } }).error,
    });
    expect(await refusal(await upload(c.token, pdf(25 * 1024 * 1024 + 10)))).toMatchObject({
      status: 413,
      code: 'UPLOAD_REJECTED',
      reason: 'too_large',
      message: 'The file is larger than the limit (25 MB).',
    });
    expect(await refusal(await upload(c.token, Buffer.from('#!/bin/sh\necho not a pdf\n'.repeat(50))))).toMatchObject({
      status: 422,
      reason: 'type_not_allowed',
    });
    expect(await refusal(await upload(c.token, png(), MIME.pdf, 'photo.pdf', 'ar'))).toMatchObject({
      status: 422,
      reason: 'type_mismatch',
      message: 'محتوى الملف لا يوافق نوعه المعلن أو امتداد اسمه.',
    });
    expect(await refusal(await upload(c.token, Buffer.alloc(0)))).toMatchObject({ status: 422, reason: 'empty' });
    expect(await refusal(await upload(c.token, pdf(50_000, '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')))).toMatchObject({
      status: 422,
      reason: 'pdf_active_content',
    });
    expect(await rows(c.id)).toBe(0);
  });

  it('asks for a signed-in caller and a file in the field file', async () => {
    const c = await registerCitizen(t);
    expect((await upload(null, pdf())).status).toBe(401);
    const form = new FormData();
    form.append('document', new Blob([pdf()], { type: MIME.pdf }), 'claim.pdf');
    const wrongField = await fetch(`${t.url}/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${c.token}` } });
    expect(wrongField.status).toBe(400);
    expect(((await wrongField.json()) as { error: { reason: string } }).error.reason).toBe('no_file');
    expect(await rows(c.id)).toBe(0);
  });

  it('keeps nothing of an upload whose sender goes away half-way', async () => {
    const c = await registerCitizen(t);
    const boundary = 'adl-cut-off-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="claim.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const body = Buffer.concat([head, pdf(2_000_000)]);
    const { port } = new URL(t.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${c.token}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length + 100}\r\n\r\n`,
        );
        socket.write(body.subarray(0, 1_000_000), () => setTimeout(() => socket.destroy(), 100));
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // The server noticed, kept nothing, and goes on serving.
    await new Promise((r) => setTimeout(r, 300));
    expect(await rows(c.id)).toBe(0);
    expect((await upload(c.token, pdf())).status).toBe(201);
  });

  it('serves a signed link without a header until it expires; an altered or expired one answers 403, alike for every object', async () => {
    const s = await scenario(t.app).court('RYD-GEN').claimant();
    const bytes = pdf(30_000);
    const uploaded = (await (await upload(s.actors.claimant.token, bytes)).json()) as { id: string; url: string };
    const local = (link: string) => {
      const url = new URL(link);
      return `${t.url}${url.pathname}${url.search}`;
    };
    // The uploader's own link works before the file is attached.
    expect((await fetch(local(uploaded.url))).status).toBe(200);
    await s.lawsuit({ attachmentIds: [uploaded.id] }).submitted();
    const data = await t.ok(
      'query($id: ID!) { lawsuit(id: $id) { attachments { downloadLink } } }',
      { id: s.lawsuitId },
      s.actors.claimant.token,
    );
    const link = local(data.lawsuit.attachments[0].downloadLink as string);
    const ok = await fetch(link);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-content-sha256')).toBe(createHash('sha256').update(bytes).digest('hex'));

    const refused = async (url: string) => {
      const res = await fetch(url);
      const body = (await res.json()) as { error: { code: string; message: string } };
      return [res.status, body.error.code, body.error.message];
    };
    const url = new URL(link);
    const q = url.searchParams;
    const altered = [
      link.replace(uploaded.id, randomUUID()),
      link.replace(`signature=${q.get('signature')}`, `signature=${q.get('signature')!.slice(0, -2)}xx`),
      link.replace(`expires=${q.get('expires')}`, `expires=${Number(q.get('expires')) + 3600}`),
      link.replace(`u=${q.get('u')}`, `u=${randomUUID()}`),
    ];
    // In Arabic: a link opened from an e-mail or a chat carries no language of its own.
    const expected = [403, 'FORBIDDEN', 'الرابط غير صالح أو انتهت صلاحيته؛ افتحه من جديد من المنصة.'];
    for (const bad of altered) expect(await refused(bad)).toEqual(expected);
    t.clock.advance(16 * 60_000);
    try {
      expect(await refused(link)).toEqual(expected);
    } finally {
      t.clock.reset();
    }
  });
});
