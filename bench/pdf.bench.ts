/**
 * `npm run bench:pdf`: PDF documents through the whole pipeline — requestDocument's service call
 * (row + outbox in one transaction), the outbox dispatcher, BullMQ, the template, Chromium, the
 * signature, storage, READY — against the floor that Chromium itself sets: the same HTML straight
 * through `page.pdf()` on the same number of reused pages. Figures and targets into bench/RESULTS.md.
 *
 * The worker is the built one (`node dist/src/main.js --worker`) in a child process, as deployed, so
 * that its memory is its own. Documents are one-page powers of attorney from the template fixtures,
 * requested through a fixture subject provider (the seam the notarization module will fill).
 *
 * Phases: (1) warm-up: the floor's pages, and BENCH_WARMUP_DOCS through the pipeline; (2) throughput:
 * BENCH_DOCS documents each for the floor (BROWSER_PAGES pages in parallel, in this process) and the
 * pipeline, in rounds of BENCH_ROUND_DOCS that take turns (the one going first alternates), so that
 * the two meet the machine in the same state; a pipeline round requests its documents at once (the
 * queue backs up) and lasts from its first request to its last READY; the worker's memory is read
 * when document 100 and document BENCH_DOCS turn READY; (3) latency: BENCH_PACED_DOCS requested at
 * BENCH_PACED_RATE per second, by default half the pipeline throughput just measured (below capacity on
 * any machine: the queue is not backed up), request to READY.
 *
 * Environment: BENCH_DOCS (500), BENCH_ROUND_DOCS (100), BENCH_WARMUP_DOCS (20), BENCH_PACED_DOCS (100),
 * BENCH_PACED_RATE (half the measured pipeline throughput), BROWSER_PAGES (2), BENCH_DATABASE (adl_bench_pdf); DATABASE_URL and REDIS_URL
 * name the servers.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { backendsOf, cpuOf, delta, descendants, isRedis, processCpu } from './cpu';
import { openFloor, rssMiB, selfCpu } from './pdf-floor';
import { writeResults } from './results-file';
import { benchPaymentEnv, readNumber } from './settings';
import { createApiApp } from '../src/app';
import { loadConfig } from '../src/core/config/config';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import { migrate } from '../src/migrate';
import { DocumentSubjectProvider, DocumentSubjects } from '../src/documents/document-subjects';
import { DocumentTemplates } from '../src/documents/document-templates';
import { DocumentKind, DocumentLanguage } from '../src/documents/document.enums';
import { DocumentsService } from '../src/documents/documents.service';
import { qrSvg } from '../src/documents/pdf-render';
import { TEMPLATE_FIXTURES } from '../src/documents/template-fixtures';

const SECTION_HEADING = '## PDF documents (pipeline vs the Chromium floor)';
const TARGET_RATIO = 0.8;
const TARGET_P95_MS = 1000;
const TARGET_GROWTH = 0.1;
/** How often the benchmark asks how many documents are done (memory is read at these moments). */
const POLL_MS = 200;

const settings = {
  docs: readNumber('BENCH_DOCS', 500, 1, 100_000),
  warmup: readNumber('BENCH_WARMUP_DOCS', 20, 0, 10_000),
  pacedDocs: readNumber('BENCH_PACED_DOCS', 100, 1, 100_000),
  /** Documents per second; 0 (the default): half the pipeline throughput measured in the same run. */
  pacedRate: readNumber('BENCH_PACED_RATE', 0, 0, 1_000),
  pages: readNumber('BROWSER_PAGES', 2, 1, 16),
  roundDocs: readNumber('BENCH_ROUND_DOCS', 100, 1, 100_000),
  database: process.env.BENCH_DATABASE || 'adl_bench_pdf',
};

function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return dir;
    if (dir === path.dirname(dir)) throw new Error('repository root not found');
  }
}
const root = repoRoot();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Timing {
  created_at: Date;
  ready_at: Date | null;
  state: string;
}

async function main(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/adl');
  base.pathname = `/${settings.database}`;
  const databaseUrl = base.toString();
  const prefix = `adl-bench-pdf-${process.pid}`;
  const store = mkdtempSync(path.join(os.tmpdir(), 'adl-bench-pdf-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    ...benchPaymentEnv(),
    JWT_SECRET: randomBytes(24).toString('hex'),
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: prefix,
    DOCUMENTS_DIR: store,
    BROWSER_PAGES: String(settings.pages),
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: 'https://adl.example',
  };
  const log = (m: string) => console.log(m);
  log(`bench:pdf — ${settings.docs} documents, ${settings.pages} pages, database ${settings.database}`);
  const loadAtStart = os.loadavg()[0];
  await migrate(databaseUrl);

  // The floor: the same HTML a pipeline document gets.
  const templates = new DocumentTemplates(path.join(root, 'templates'));
  const stamp = { number: 'D-2026-0000001', code: 'K7QX9M2PZT', verifyUrl: 'https://adl.example/verify/K7QX9M2PZT', issuedAt: new Date() };
  const sample = templates.render(
    DocumentKind.POWER_OF_ATTORNEY,
    DocumentLanguage.AR,
    TEMPLATE_FIXTURES.POWER_OF_ATTORNEY,
    stamp,
    await qrSvg(stamp.verifyUrl),
  );
  const floor = await openFloor(sample, settings.pages);

  // The requesting side: the API's services in this process (no HTTP: the request path is a service call).
  const app: INestApplication = await createApiApp(loadConfig(env));
  await app.init();
  const standIn: Omit<DocumentSubjectProvider, 'kind'> = {
    load: async (_tx, id) => ({
      version: 1,
      instrument: { type: 'Bench', id },
      data: { ...TEMPLATE_FIXTURES.POWER_OF_ATTORNEY, poaNumber: id.slice(0, 8) },
    }),
    canRead: async () => true,
    status: async () => ({ active: true, stateAr: '—', stateEn: '—', labelAr: '—', labelEn: '—', reference: '—' }),
  };
  Object.assign(app.get(DocumentSubjects).get(DocumentKind.POWER_OF_ATTORNEY), standIn);
  const service = app.get(DocumentsService);
  const db = app.get(DataSource);
  const ctx = app.get(RequestContextFactory).forActor('bench-pdf', null);
  const request = async (i: number) =>
    (
      await service.request(ctx, {
        kind: DocumentKind.POWER_OF_ATTORNEY,
        subjectId: randomUUID(),
        language: i % 2 ? DocumentLanguage.EN : DocumentLanguage.AR,
      })
    ).id;
  const timings = (ids: string[]) => db.query<Timing[]>(`SELECT created_at, ready_at, state FROM documents WHERE id = ANY($1)`, [ids]);
  const readyCount = async (ids: string[]) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM documents WHERE id = ANY($1) AND state <> 'PENDING'`, [ids]))[0].n);
  const waitAll = async (ids: string[], onProgress?: (n: number) => void) => {
    for (;;) {
      const n = await readyCount(ids);
      onProgress?.(n);
      if (n === ids.length) return;
      // Seldom enough to cost the database little (a round's times come from the rows, not from here).
      await sleep(POLL_MS);
    }
  };

  const worker: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js'), '--worker'], {
    env,
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    log('pipeline: warm-up …');
    const warm: string[] = [];
    for (let i = 0; i < settings.warmup; i++) warm.push(await request(i));
    await waitAll(warm);

    // Throughput: rounds of BENCH_ROUND_DOCS, the floor and the pipeline taking turns (which goes first
    // alternates), so that both meet the machine in the same state; each total over all its rounds.
    log(`throughput: ${settings.docs} documents each, in rounds of ${settings.roundDocs} …`);
    const batch: string[] = [];
    const memory: { at: number; worker: number; chromium: number }[] = [];
    // Every hundredth document, so that the table can show whether memory climbs or saws (garbage
    // collection lets the resident set rise and fall by tens of MiB); the target reads 100 and the last.
    const sampleAt = new Set([...Array.from({ length: Math.floor(settings.docs / 100) }, (_, i) => (i + 1) * 100), settings.docs]);
    const pipelineCpu = () => {
      const chromium = new Map(descendants(worker.pid!).map((pid) => [pid, cpuOf(pid)]));
      return {
        requester: selfCpu().node,
        worker: cpuOf(worker.pid!),
        chromium,
        db: processCpu(backendsOf(settings.database)),
        redis: processCpu(isRedis),
      };
    };
    const spent = { requester: 0, worker: 0, chromium: 0, db: 0, redis: 0 };
    const chromium = { ms: 0, cpu: { node: 0, chromium: 0 } };
    let pipelineMs = 0;
    let enqueueMs = 0;
    const pipelineRound = async (n: number) => {
      const round: string[] = [];
      const cpuBefore = pipelineCpu();
      const enqueueStarted = performance.now();
      for (let i = 0; i < n; i++) round.push(await request(batch.length + i));
      enqueueMs += performance.now() - enqueueStarted;
      const done = batch.length;
      await waitAll(round, (ready) => {
        for (const at of [...sampleAt]) {
          if (done + ready >= at) {
            sampleAt.delete(at);
            const kids = descendants(worker.pid!);
            memory.push({ at, worker: rssMiB(worker.pid!), chromium: kids.reduce((sum, pid) => sum + rssMiB(pid), 0) });
          }
        }
      });
      const cpuAfter = pipelineCpu();
      spent.requester += cpuAfter.requester - cpuBefore.requester;
      spent.worker += cpuAfter.worker - cpuBefore.worker;
      spent.chromium += delta(cpuBefore.chromium, cpuAfter.chromium);
      spent.db += delta(cpuBefore.db, cpuAfter.db);
      spent.redis += delta(cpuBefore.redis, cpuAfter.redis);
      const rows = await timings(round);
      pipelineMs += Math.max(...rows.map((r) => r.ready_at?.getTime() ?? 0)) - Math.min(...rows.map((r) => r.created_at.getTime()));
      batch.push(...round);
    };
    const floorRound = async (n: number) => {
      const r = await floor.run(n);
      chromium.ms += r.ms;
      chromium.cpu.node += r.cpu.node;
      chromium.cpu.chromium += r.cpu.chromium;
    };
    for (let round = 0; batch.length < settings.docs; round++) {
      const n = Math.min(settings.roundDocs, settings.docs - batch.length);
      if (round % 2 === 0) {
        await floorRound(n);
        await pipelineRound(n);
      } else {
        await pipelineRound(n);
        await floorRound(n);
      }
    }
    await floor.close();
    const floorPerSecond = settings.docs / (chromium.ms / 1000);
    const cpuPerDoc = {
      requester: spent.requester / settings.docs,
      worker: spent.worker / settings.docs,
      chromium: spent.chromium / settings.docs,
      db: spent.db / settings.docs,
      redis: spent.redis / settings.docs,
    };
    const rows = await timings(batch);
    const failed = rows.filter((r) => r.state !== 'READY').length;
    const pipelinePerSecond = settings.docs / (pipelineMs / 1000);
    const backedUp = rows.map((r) => (r.ready_at ? r.ready_at.getTime() - r.created_at.getTime() : NaN)).sort((a, b) => a - b);
    log(
      `floor: ${fmt(floorPerSecond)} PDF/s; pipeline: ${fmt(pipelinePerSecond)} PDF/s (${failed} failed), enqueue ${fmt(enqueueMs / settings.docs, 2)} ms/request`,
    );

    const pacedRate = settings.pacedRate || Math.max(0.5, Math.round(pipelinePerSecond) / 2);
    log(`pipeline: latency at ${fmt(pacedRate)}/s …`);
    const paced: string[] = [];
    const pacedStarted = performance.now();
    for (let i = 0; i < settings.pacedDocs; i++) {
      const due = pacedStarted + (i * 1000) / pacedRate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      paced.push(await request(i));
    }
    await waitAll(paced);
    const pacedRows = await timings(paced);
    const latencies = pacedRows.map((r) => (r.ready_at ? r.ready_at.getTime() - r.created_at.getTime() : NaN)).sort((a, b) => a - b);
    const pacedFailed = pacedRows.filter((r) => r.state !== 'READY').length;

    memory.sort((a, b) => a.at - b.at);
    const m100 = memory.find((m) => m.at === Math.min(100, settings.docs)) ?? memory[0];
    const mEnd = memory.find((m) => m.at === settings.docs)!;
    const growth = mEnd.worker / m100.worker - 1;
    const ratio = pipelinePerSecond / floorPerSecond;
    const p95 = pct(latencies, 95);

    const cpu = os.cpus();
    const deps = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages as Record<string, { version: string }>;
    const v = (name: string) => deps[`node_modules/${name}`]?.version ?? '?';
    const chromiumVersion = (() => {
      try {
        const out = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000 });
        return /(\d+\.\d+\.\d+\.\d+)/.exec(out)?.[1] ?? '?';
      } catch {
        return '?';
      }
    })();
    const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const section = [
      SECTION_HEADING,
      '',
      `Command: \`npm run build && npm run bench:pdf\` — ${now} UTC (BENCH_DOCS=${settings.docs}, BENCH_ROUND_DOCS=${settings.roundDocs}, BENCH_WARMUP_DOCS=${settings.warmup}, BENCH_PACED_DOCS=${settings.pacedDocs}, BENCH_PACED_RATE=${settings.pacedRate || 'half the pipeline throughput'}, BROWSER_PAGES=${settings.pages}).`,
      `Machine: ${cpu.length} × ${cpu[0]?.model.split(' ').slice(0, 2).join(' ')}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.arch()}, Node ${process.version}, Chromium ${chromiumVersion}.`,
      `Stack: puppeteer-core ${v('puppeteer-core')}, bullmq ${v('bullmq')}, handlebars ${v('handlebars')}, @signpdf/signpdf ${v('@signpdf/signpdf')}, node-forge ${v('node-forge')}, typeorm ${v('typeorm')}, local storage.`,
      '',
      'Method: a one-page power of attorney (Arabic and English alternately) from the template fixtures. Floor: the same HTML through `page.setContent()` + `page.pdf()` (A4, footer with the QR code) on ' +
        `${settings.pages} reused pages in parallel, in this process. Pipeline: \`DocumentsService.request\` (row, audit event and outbox message in one transaction) → NOTIFY → the outbox dispatcher → BullMQ → ` +
        `the built worker in a child process (template, QR, Chromium, PAdES signature, SHA-256, storage, READY with its audit event). Throughput: the floor and the pipeline take turns in rounds of ${settings.roundDocs} documents (the one going first alternates), each total over its rounds; a pipeline round requests its documents at once and lasts from its first request to its last READY (database timestamps). ` +
        'Latency: requests paced below capacity, request commit to READY. Memory: resident set of the worker process (and, apart, of its Chromium) when document 100 and the last document turned READY.',
      '',
      row([
        'Path',
        'documents',
        'PDF/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'failures',
        'worker RSS MiB @100 → @' + settings.docs,
        'Chromium RSS MiB @100 → @' + settings.docs,
      ]),
      row(['----', '--------:', '----:', '-----:', '-----:', '-----:', '-------:', '---:', '---:']),
      row(['Chromium floor (`page.pdf()`)', String(settings.docs), fmt(floorPerSecond), '—', '—', '—', '0', '—', '—']),
      row([
        `Pipeline, ${settings.roundDocs} at once per round`,
        String(settings.docs),
        fmt(pipelinePerSecond),
        fmt(pct(backedUp, 50), 0),
        fmt(pct(backedUp, 95), 0),
        fmt(pct(backedUp, 99), 0),
        String(failed),
        `${fmt(m100.worker, 0)} → ${fmt(mEnd.worker, 0)}`,
        `${fmt(m100.chromium, 0)} → ${fmt(mEnd.chromium, 0)}`,
      ]),
      row([
        `Pipeline, paced ${fmt(pacedRate)}/s`,
        String(settings.pacedDocs),
        '—',
        fmt(pct(latencies, 50), 0),
        fmt(p95, 0),
        fmt(pct(latencies, 99), 0),
        String(pacedFailed),
        '—',
        '—',
      ]),
      '',
      `Machine load (1-minute load average, ${cpu.length} CPUs): ${fmt(loadAtStart)} at the start, ${fmt(os.loadavg()[0])} at the end — other processes share the machine; absolute figures are only comparable within one run.`,
      '',
      `Requests: ${fmt(enqueueMs / settings.docs, 2)} ms each (service call, one transaction). "p50/p95 ms" of the rounds measure a backed-up queue, not the service.`,
      '',
      `Worker RSS, MiB, by documents READY: ${memory.map((m) => `${m.at}: ${fmt(m.worker, 0)}`).join(' · ')}.`,
      '',
      'CPU per document, ms, by process (from /proc; a Chromium that ended during the run — recycled — is not counted):',
      '',
      row(['Path', 'requesting (Node)', 'worker (Node)', 'Chromium', 'PostgreSQL', 'Redis', 'total']),
      row(['----', '---:', '---:', '---:', '---:', '---:', '---:']),
      row([
        'Chromium floor',
        '—',
        fmt(chromium.cpu.node / settings.docs),
        fmt(chromium.cpu.chromium / settings.docs),
        '—',
        '—',
        fmt((chromium.cpu.node + chromium.cpu.chromium) / settings.docs),
      ]),
      row([
        `Pipeline, ${settings.roundDocs} at once per round`,
        fmt(cpuPerDoc.requester),
        fmt(cpuPerDoc.worker),
        fmt(cpuPerDoc.chromium),
        fmt(cpuPerDoc.db),
        fmt(cpuPerDoc.redis),
        fmt(Object.values(cpuPerDoc).reduce((a, b) => a + b, 0)),
      ]),
      '',
      'Targets:',
      '',
      `- ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}: pipeline throughput ≥ ${TARGET_RATIO}× the Chromium floor: ${fmt(pipelinePerSecond)} / ${fmt(floorPerSecond)} PDF/s = ×${fmt(ratio, 2)}`,
      `- ${p95 < TARGET_P95_MS ? 'met' : 'MISSED'}: p95 request → READY < ${TARGET_P95_MS} ms while the queue is not backed up: ${fmt(p95, 0)} ms`,
      `- ${growth < TARGET_GROWTH ? 'met' : 'MISSED'}: worker memory growth from document 100 to ${settings.docs} < ${TARGET_GROWTH * 100} %: ${fmt(growth * 100)} %`,
      '',
    ].join('\n');
    log(section);
    const file = writeResults(root, SECTION_HEADING, section);
    log(`written to ${file}`);
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    await app.close();
    rmSync(store, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
