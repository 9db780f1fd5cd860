/**
 * Exactly once under a crash: the built worker (dist/) runs as a child process and is killed with
 * SIGKILL in the middle of a batch; a second one takes over (BullMQ hands it the stalled jobs).
 * Every requested document must end READY once — one row, one file whose bytes match the stored
 * hash, one "document.ready" audit event — and no temporary file may be left behind. Stopped with
 * SIGTERM instead, a worker finishes or lets go of its jobs, closes Chromium without launching it
 * again and exits within ten seconds (docs/operations.md, "Stopping a worker").
 *
 * The batch uses the power-of-attorney kind, its provider given fixture data for any subject id in
 * the requesting process: this test is about the workers, not about the subject.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DocumentSubjectProvider, DocumentSubjects } from '../src/documents/document-subjects';
import { DocumentKind } from '../src/documents/document.enums';
import { TEMPLATE_FIXTURES } from '../src/documents/template-fixtures';
import { until } from './factories/mailbox';
import { alive, childPids } from './factories/processes';
import { startApp, TestApp } from './harness';
import { scenario } from './scenario/scenario';

const BATCH = 60;
const store = join(mkdtempSync(join(tmpdir(), 'adl-docs-crash-')), 'store');
const ENV = { REDIS_PREFIX: `${process.env.REDIS_PREFIX}-crash`, DOCUMENTS_DIR: store, BROWSER_PAGES: '2' };
const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [MAIN, '--worker'], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
  return child;
}
function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('documents: a worker killed mid-batch', () => {
  let t: TestApp;
  let db: DataSource;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    t = await startApp(ENV);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
    }
    await t?.close();
  });

  /** A claimant whose lawsuit stands in as the subject of any power-of-attorney document (see the file's comment). */
  async function standInSubject(): Promise<{ token: string }> {
    // A draft lawsuit of a seeded court, against someone with no account.
    const { lawsuitId, actors } = await scenario(t.app).court('RYD-GEN').defendant({ account: false }).lawsuit();
    const claimant = actors.claimant;
    // The power-of-attorney provider of this API process stands in for any subject id, readable by
    // the claimant of that lawsuit: this test is about the workers, not about the subject.
    const standIn: Omit<DocumentSubjectProvider, 'kind'> = {
      load: async (_tx, id) => ({
        version: 1,
        instrument: { type: 'Lawsuit', id: lawsuitId },
        data: { ...TEMPLATE_FIXTURES.POWER_OF_ATTORNEY, poaNumber: id },
      }),
      canRead: async (ctx) => ctx.actor?.id === claimant.id,
      status: async () => ({
        active: true,
        stateAr: 'سارية',
        stateEn: 'In force',
        labelAr: 'رقم الوكالة',
        labelEn: 'POA number',
        reference: '—',
      }),
    };
    Object.assign(t.app.get(DocumentSubjects).get(DocumentKind.POWER_OF_ATTORNEY), standIn);

    return { token: claimant.token };
  }

  /** Requests `n` documents (half Arabic, half English); each asked twice answers the same document. */
  async function requestBatch(token: string, n: number): Promise<string[]> {
    const REQUEST = 'mutation($i: RequestDocumentInput!) { requestDocument(input: $i) { id state } }';
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const input = { kind: 'POWER_OF_ATTORNEY', subjectId: randomUUID(), language: i % 2 ? 'EN' : 'AR' };
      const doc = (await t.ok(REQUEST, { i: input }, token)).requestDocument;
      expect(doc.state).toBe('PENDING');
      ids.push(doc.id);
      if (i % 10 === 0) expect((await t.ok(REQUEST, { i: input }, token)).requestDocument.id).toBe(doc.id);
    }
    return ids;
  }
  const statesOf = async (ids: string[]) =>
    db.query<{ state: string; n: number }[]>(`SELECT state, count(*)::int AS n FROM documents WHERE id = ANY($1) GROUP BY state`, [ids]);
  const countIn = async (ids: string[], state: string) => (await statesOf(ids)).find((s) => s.state === state)?.n ?? 0;

  // About 15 s on a quiet machine; the waits below are bounds for a loaded one (another end-to-end
  // file runs beside this one, and a worker boots Nest and Chromium twice), never expectations.
  it('leaves every requested document READY exactly once: rows, files, hashes, audit events', async () => {
    const { token } = await standInSubject();
    const ids = await requestBatch(token, BATCH);
    const states = () => statesOf(ids);
    const countOf = (state: string) => countIn(ids, state);

    const first = startWorker();
    children.push(first);
    await until(async () => (await countOf('READY')) >= 8, 180_000);
    const browsers = childPids(first.pid!);
    expect(browsers.length).toBeGreaterThan(0);
    first.kill('SIGKILL');
    await exited(first);
    // Its Chromium goes with it (pipes closed), orphaned browsers would pile up otherwise.
    await until(() => browsers.every((pid) => !alive(pid)), 10_000);
    const pendingAtKill = await countOf('PENDING');
    expect(pendingAtKill).toBeGreaterThan(0); // the kill did land mid-batch

    const second = startWorker();
    children.push(second);
    await until(async () => (await countOf('READY')) === BATCH, 180_000);
    expect(await states()).toEqual([{ state: 'READY', n: BATCH }]);

    const rows: { id: string; sha256: string; storage_key: string; size_bytes: number }[] = await db.query(
      `SELECT id, sha256, storage_key, size_bytes FROM documents WHERE id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(BATCH);
    for (const row of rows) {
      const bytes = readFileSync(join(store, row.storage_key));
      expect([row.id, createHash('sha256').update(bytes).digest('hex'), bytes.length]).toEqual([row.id, row.sha256, row.size_bytes]);
    }
    const files = readdirSync(join(store, 'documents'));
    expect(files.filter((f) => !f.endsWith('.pdf'))).toEqual([]); // no temporary leftovers
    for (const id of ids) expect(files).toContain(`${id}.pdf`);
    const ready: { subject_id: string; n: number }[] = await db.query(
      `SELECT subject_id, count(*)::int AS n FROM audit_events WHERE action = 'document.ready' AND subject_id = ANY($1) GROUP BY subject_id`,
      [ids],
    );
    expect(ready).toHaveLength(BATCH);
    expect(ready.every((r) => r.n === 1)).toBe(true);
    // The next test starts workers of its own.
    second.kill('SIGTERM');
    await exited(second);
  }, 480_000);

  it('stops on SIGTERM within ten seconds: no job lost, Chromium closed and never launched again', async () => {
    const { token } = await standInSubject();
    const ids = await requestBatch(token, 24);
    const worker = startWorker();
    children.push(worker);
    await until(async () => (await countIn(ids, 'READY')) >= 4, 180_000);
    const browsers = childPids(worker.pid!);
    expect(browsers.length).toBeGreaterThan(0);
    // Every child the worker has from now until it exits: a relaunched Chromium would show here.
    const seen = new Set(browsers);
    const watch = setInterval(() => childPids(worker.pid!).forEach((pid) => seen.add(pid)), 25);
    const sent = Date.now();
    worker.kill('SIGTERM');
    await exited(worker);
    const took = Date.now() - sent;
    clearInterval(watch);
    expect(took).toBeLessThan(10_000);
    expect([...seen].filter((pid) => !browsers.includes(pid))).toEqual([]);
    await until(() => browsers.every((pid) => !alive(pid)), 10_000);

    // What it did not render, a worker started later renders, each document once.
    const next = startWorker();
    children.push(next);
    await until(async () => (await countIn(ids, 'READY')) === ids.length, 180_000);
    const ready: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'document.ready' AND subject_id = ANY($1) GROUP BY subject_id`,
      [ids],
    );
    expect(ready.map((r) => r.n)).toEqual(ids.map(() => 1));
  }, 480_000);
});
