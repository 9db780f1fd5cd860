/**
 * `npm run bench:docket`: the judge's day docket and the lawsuits list at scale, over HTTP against the same SQL
 * issued straight through `pg`, at 10,000 and at 1,000,000 lawsuits; figures and targets into bench/RESULTS.md.
 *
 * Data: two dedicated databases (BENCH_DATABASE, default adl_bench, and <that>_small), created, migrated and filled
 * by bench/docket-data.ts, or reused when they already hold a data set of the right size and generator version.
 *
 * HTTP: the real API (createApiApp: Fastify, Apollo, guards, rate limits in Redis, TypeORM) in a forked child process
 * on 127.0.0.1 (NODE_ENV=production, DATABASE_URL at the bench database, rate limits out of the way), loaded by
 * autocannon from this process as the seeded judge (a bearer token from the login mutation), one operation document
 * with variables per request.
 *
 * Raw SQL: the statements the API issued for that very request, taken from TypeORM's query log in the child (actor
 * loading included: the API runs it on every request), replayed in order with the same parameters by 8 `pg` clients,
 * as prepared statements under the same names where the API prepared them, in a loop bounded in time; every row comes back, as the API gets it. The difference between the two is what the
 * stack (HTTP, GraphQL, Nest, TypeORM, the Redis rate limit, JSON) costs on top of the database.
 *
 * Bare floor (the docket): bench/bare-docket-api.ts, a bare NestJS + Apollo + Fastify resolver running those same
 * statements, forked and loaded like the API: what the fixed stack alone costs for the same answer.
 *
 * Environment: BENCH_SECONDS (measured seconds per run, default 10), BENCH_WARMUP_SECONDS (default 3),
 * BENCH_CONNECTIONS (default 8), BENCH_LATENCY_SECONDS (the docket with one connection, default 5; 0 skips it),
 * BENCH_LAWSUITS (default 1000000), BENCH_SMALL_LAWSUITS (default 10000), BENCH_DATABASE (default adl_bench),
 * BENCH_REGENERATE=1 (rebuild the data even if it fits), BENCH_EXPLAIN=1 (print each statement's plan).
 * DATABASE_URL and REDIS_URL name the servers (127.0.0.1 only).
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Logger, QueryRunner } from 'typeorm';
import { backendsOf, delta, isRedis, ownCpuMicros, processCpu } from './cpu';
import { writeResults } from './results-file';
import { readNumber } from './settings';
import { startApiCluster } from '../src/api-cluster';
import { createApiApp } from '../src/app';
import { rootLogger } from '../src/core/logging/logger';
import { loadConfig } from '../src/core/config/config';
import { DatasetInfo, DatasetSpec, databaseName, ensureDataset, JUDGE, JUDGE_CIRCUIT, MEASURED_DAY } from './docket-data';
import { DEFAULT_POOL_SIZE } from '../src/core/database/data-source';
import type { QueryConfig } from '../src/core/database/plain-rows';
import { BARE_ENV } from './bare-env';
import { ask as askPeer, type Statement } from './ipc';

const HOST = '127.0.0.1';
const SERVE_FLAG = '--serve';
/** The bare floor's entry point, beside this file once compiled. */
const BARE_ENTRY = path.join(__dirname, 'bare-docket-api.js');
const SECTION_HEADING = '## Docket and lawsuits at scale (GraphQL vs raw SQL)';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 10_000;
const DEMO_PASSWORD = process.env.SEED_DEMO_PASSWORD || 'Adl-Demo-2026!';
const EXPLAIN_REPEATS = 5;
/** Share of the machine's CPU taken by other processes during a run above which its figures are flagged. */
const FOREIGN_CPU_WARNING = 0.1;

const TARGET_RATIO = 0.6;
const TARGET_P95_MS = 15;
const TARGET_GROWTH = 1.5;

// ---------------------------------------------------------------------------------------------------------------
// What is measured
// ---------------------------------------------------------------------------------------------------------------

interface Operation {
  name: 'docket' | 'lawsuits';
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** Throws when the answer is not the expected one; otherwise a short description of it. */
  check(data: Record<string, unknown>): string;
}

interface DocketEntry {
  lawsuit: { caseNumber: string | null; parties: unknown[] } | null;
}
interface LawsuitEdge {
  node: { caseNumber: string | null; parties: unknown[] };
}

const OPERATIONS: readonly Operation[] = [
  {
    name: 'docket',
    operationName: 'Docket',
    query:
      'query Docket($input: DocketInput!) { docket(input: $input) { id startsAt endsAt state mode room lawsuit { caseNumber parties { nameEn } } } }',
    variables: { input: { from: MEASURED_DAY } },
    check(data) {
      const docket = data.docket as DocketEntry[];
      if (!Array.isArray(docket) || docket.length === 0) throw new Error('the docket is empty');
      const incomplete = docket.filter((h) => !h.lawsuit?.caseNumber || h.lawsuit.parties.length < 2);
      if (incomplete.length)
        throw new Error(`${incomplete.length} hearings lack a case number or parties: ${JSON.stringify(incomplete[0])}`);
      const parties = docket.reduce((n, h) => n + (h.lawsuit?.parties.length ?? 0), 0);
      return `${docket.length} hearings, ${parties} parties`;
    },
  },
  {
    name: 'lawsuits',
    operationName: 'Lawsuits',
    query:
      'query Lawsuits($first: Int, $filter: LawsuitsFilter) { lawsuits(first: $first, filter: $filter) { edges { cursor node { id caseNumber ' +
      'state category subject createdAt parties { nameEn } } } pageInfo { hasNextPage endCursor } } }',
    variables: { first: 20 },
    check(data) {
      const edges = (data.lawsuits as { edges: LawsuitEdge[] }).edges;
      if (edges.length !== 20) throw new Error(`expected 20 lawsuits, got ${edges.length}`);
      const parties = edges.reduce((n, e) => n + e.node.parties.length, 0);
      return `${edges.length} lawsuits, ${parties} parties`;
    },
  },
];

const bodyOf = (op: Operation): string => JSON.stringify({ operationName: op.operationName, query: op.query, variables: op.variables });

// ---------------------------------------------------------------------------------------------------------------
// The API under test (runs in the child process)
// ---------------------------------------------------------------------------------------------------------------

type ParentMessage = { type: 'stop' } | { type: 'cpu' } | { type: 'capture'; on: boolean };
type WorkerMessage = { type: 'cpu'; micros: number } | { type: 'capture'; statements: Statement[] };
type ChildMessage = { type: 'ready'; port: number; processes: number; startupMs: number } | WorkerMessage;

/** Records the statements TypeORM sends while `on`, by wrapping the data source's logger (which sees every query). */
function captureQueries(dataSource: DataSource): { start(): void; stop(): Statement[] } {
  let statements: Statement[] | null = null;
  const logger = new Proxy(dataSource.logger, {
    get(target, prop, receiver) {
      if (prop !== 'logQuery') return Reflect.get(target, prop, receiver) as unknown;
      return (query: string | QueryConfig, parameters?: unknown[], queryRunner?: QueryRunner): void => {
        const { name, text } = typeof query === 'string' ? { name: undefined, text: query } : query;
        statements?.push({ name, text, values: parameters === undefined ? undefined : [...parameters] });
        target.logQuery(query as string, parameters, queryRunner);
      };
    },
  });
  (dataSource as unknown as { logger: Logger }).logger = logger;
  return {
    start: () => void (statements = []),
    stop: () => {
      const captured = statements ?? [];
      statements = null;
      return captured;
    },
  };
}

/**
 * The API as `npm run start:api` runs it: a cluster primary (src/api-cluster.ts) with API_PROCESSES
 * workers on one port. The primary answers the parent: the CPU of all API processes, and the
 * statements captured in whichever worker served the request.
 */
async function serve(): Promise<void> {
  if (cluster.isWorker) return serveWorker();
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${SERVE_FLAG} is meant for a process forked by this benchmark.`);
  const config = loadConfig();
  const api = await startApiCluster(config.apiProcesses, rootLogger(config.logLevel));
  /** Sends `message` to every worker and gathers one answer of the same type from each. */
  const askWorkers = <T extends WorkerMessage['type']>(message: ParentMessage & { type: T }) =>
    Promise.all(api.workers().map((worker) => ask<T>(worker, message)));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void api.stop().finally(() => process.exit(0));
  };
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      switch (message.type) {
        case 'stop':
          stop();
          break;
        case 'cpu': {
          const workers = await askWorkers({ type: 'cpu' });
          send({ type: 'cpu', micros: ownCpuMicros() + workers.reduce((sum, w) => sum + w.micros, 0) } satisfies ChildMessage);
          break;
        }
        case 'capture': {
          const answers = await askWorkers(message);
          send({ type: 'capture', statements: answers.flatMap((a) => a.statements) } satisfies ChildMessage);
          break;
        }
      }
    })();
  });
  // A parent that dies must not leave a server running: losing the IPC channel means nobody will ever stop us.
  process.on('disconnect', stop);
  send({
    type: 'ready',
    port: api.port,
    processes: config.apiProcesses,
    startupMs: Math.round(process.uptime() * 1000),
  } satisfies ChildMessage);
}

/** One API process of the cluster: the application, and its answers to the primary. */
async function serveWorker(): Promise<void> {
  const app = await createApiApp(loadConfig());
  const capture = captureQueries(app.get(DataSource));
  await app.listen({ port: 0, host: HOST });
  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'cpu': {
        process.send?.({ type: 'cpu', micros: ownCpuMicros() } satisfies WorkerMessage);
        break;
      }
      case 'capture':
        if (message.on) capture.start();
        process.send?.({ type: 'capture', statements: message.on ? [] : capture.stop() } satisfies WorkerMessage);
        break;
      case 'stop':
        break;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------------------------

interface Settings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  latencySeconds: number;
  lawsuits: number;
  smallLawsuits: number;
  database: string;
  regenerate: boolean;
  explain: boolean;
  databaseUrl: string;
  redisUrl: string;
}

function localUrl(name: string, fallback: string): string {
  const raw = process.env[name] || fallback;
  const host = new URL(raw).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`${name} must point at this machine (127.0.0.1), not ${host}.`);
  return raw;
}

function readSettings(): Settings {
  const database = process.env.BENCH_DATABASE || 'adl_bench';
  if (!/^[A-Za-z0-9_]*bench[A-Za-z0-9_]*$/.test(database)) throw new Error(`BENCH_DATABASE must contain "bench", got "${database}".`);
  return {
    seconds: readNumber('BENCH_SECONDS', 10, 1, 600),
    warmupSeconds: readNumber('BENCH_WARMUP_SECONDS', 3, 0, 60),
    connections: readNumber('BENCH_CONNECTIONS', 8, 1, 256),
    latencySeconds: readNumber('BENCH_LATENCY_SECONDS', 5, 0, 600),
    lawsuits: readNumber('BENCH_LAWSUITS', 1_000_000, 1000, 20_000_000),
    smallLawsuits: readNumber('BENCH_SMALL_LAWSUITS', 10_000, 1000, 20_000_000),
    database,
    regenerate: process.env.BENCH_REGENERATE === '1',
    explain: process.env.BENCH_EXPLAIN === '1',
    databaseUrl: localUrl('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/adl'),
    redisUrl: localUrl('REDIS_URL', 'redis://127.0.0.1:6379'),
  };
}

function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// The server child
// ---------------------------------------------------------------------------------------------------------------

interface Server {
  child: ChildProcess;
  port: number;
  /** API processes sharing the port (API_PROCESSES). */
  processes: number;
  startupMs: number;
  logFile: string;
}

const children = new Set<ChildProcess>();

/** The API, or with `bare` the bare floor running the API's statements with as many processes (bench/bare-docket-api.ts). */
function startServer(spec: DatasetSpec, settings: Settings, bare?: { statements: Statement[]; processes: number }): Promise<Server> {
  // The API logs as deployed (pino: errors always, access lines at debug); into a file, so that the load generator never reads a pipe.
  const logFile = path.join(os.tmpdir(), `adl-bench-docket-${process.pid}-${spec.label}${bare ? '-bare' : ''}.log`);
  const fd = openSync(logFile, 'w');
  return new Promise<Server>((resolve, reject) => {
    const child = fork(bare ? BARE_ENTRY : __filename, bare ? [] : [SERVE_FLAG], {
      stdio: ['ignore', fd, fd, 'ipc'],
      serialization: 'advanced',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: spec.databaseUrl,
        REDIS_URL: settings.redisUrl,
        REDIS_PREFIX: 'adl-bench',
        JWT_SECRET: randomBytes(32).toString('hex'),
        RATE_LIMIT_PER_MINUTE: '100000000',
        RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
        RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000',
        ...(bare
          ? {
              [BARE_ENV.statements]: JSON.stringify(bare.statements),
              [BARE_ENV.processes]: String(bare.processes),
              [BARE_ENV.poolSize]: String(DEFAULT_POOL_SIZE),
            }
          : {}),
      },
    });
    closeSync(fd);
    children.add(child);
    child.once('exit', () => children.delete(child));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API was not ready within ${READY_TIMEOUT_MS} ms.\n${tail(logFile)}`));
    }, READY_TIMEOUT_MS);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready')
        resolve({ child, port: message.port, processes: message.processes, startupMs: message.startupMs, logFile });
      else reject(new Error(`The API sent ${message.type} before it was ready.`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The API exited before it was ready (code ${code}, signal ${signal}).\n${tail(logFile)}`));
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
    else child.kill('SIGTERM');
  });
}

/** Sends `message` to the API (its primary or a worker) and waits for its answer of the same type. */
function ask<T extends ChildMessage['type']>(
  child: ChildProcess | Worker,
  message: ParentMessage & { type: T },
): Promise<Extract<ChildMessage, { type: T }>> {
  return askPeer<Extract<ChildMessage, { type: T }>>(child, message, 'The API');
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------------

async function post(base: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    signal: AbortSignal.timeout(STATEMENT_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text() };
}

async function login(base: string): Promise<string> {
  const res = await post(
    base,
    JSON.stringify({
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { nationalId: JUDGE.nationalId, password: DEMO_PASSWORD } },
    }),
  );
  const token = (JSON.parse(res.text) as { data?: { login?: { accessToken?: string } } }).data?.login?.accessToken;
  if (res.status !== 200 || !token) throw new Error(`The judge could not sign in (${res.status}): ${res.text.slice(0, 500)}`);
  return token;
}

/** One request, which must answer 200 without errors and pass the operation's check. */
async function request(base: string, token: string, op: Operation): Promise<{ text: string; summary: string }> {
  const res = await post(base, bodyOf(op), token);
  const payload = JSON.parse(res.text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (res.status !== 200 || payload.errors?.length || !payload.data) {
    throw new Error(`${op.name} answered ${res.status}: ${res.text.slice(0, 800)}`);
  }
  try {
    return { text: res.text, summary: op.check(payload.data) };
  } catch (err) {
    throw new Error(`${op.name}: ${(err as Error).message}`, { cause: err });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------------------------

interface LoadResult {
  opsPerSecond: number;
  ops: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers, answers that differ from the verified one, SQL errors. */
  failures: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function summarize(latencies: number[], ops: number, elapsedSeconds: number, failures: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    opsPerSecond: elapsedSeconds > 0 ? ops / elapsedSeconds : 0,
    ops,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    failures,
  };
}

/** autocannon on one operation; every answer must equal `expected` byte for byte (the data does not change). */
function httpLoad(base: string, token: string, op: Operation, expected: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // autocannon's own histogram has whole-millisecond buckets; the exact response times are kept instead.
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `${base}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: bodyOf(op),
        expectBody: expected,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: STATEMENT_TIMEOUT_MS / 1000,
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(`autocannon failed: ${JSON.stringify(err)}`));
        const failures = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
        resolve(summarize(latencies, result.requests.total, result.duration, failures));
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** The captured statements, in order, on each client, until the deadline; one "operation" is the whole sequence. */
async function sqlLoad(clients: Client[], statements: Statement[], seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          for (const s of statements) await client.query({ name: s.name, text: s.text, values: s.values });
          latencies.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  return summarize(latencies, latencies.length, (performance.now() - started) / 1000, failures);
}

async function openClients(databaseUrl: string, count: number): Promise<Client[]> {
  const clients = Array.from(
    { length: count },
    () =>
      new Client({
        connectionString: databaseUrl,
        application_name: 'adl-bench-raw',
        statement_timeout: STATEMENT_TIMEOUT_MS,
        query_timeout: STATEMENT_TIMEOUT_MS,
      }),
  );
  await Promise.all(clients.map((c) => c.connect()));
  return clients;
}

// ---------------------------------------------------------------------------------------------------------------
// CPU accounting
// ---------------------------------------------------------------------------------------------------------------

interface CpuSnapshot {
  machineBusyMs: number;
  machineTotalMs: number;
  selfMs: number;
  serverMs: number;
  db: Map<number, number>;
  redis: Map<number, number>;
}

async function cpuSnapshot(server: Server, database: string): Promise<CpuSnapshot> {
  const serverMs = (await ask(server.child, { type: 'cpu' })).micros / 1000;
  const selfMs = ownCpuMicros() / 1000;
  let machineBusyMs = 0;
  let machineTotalMs = 0;
  for (const { times } of os.cpus()) {
    const busy = times.user + times.nice + times.sys + times.irq;
    machineBusyMs += busy;
    machineTotalMs += busy + times.idle;
  }
  return {
    machineBusyMs,
    machineTotalMs,
    selfMs,
    serverMs,
    db: processCpu(backendsOf(database)),
    redis: processCpu(isRedis),
  };
}

interface Measurement extends LoadResult {
  /** API process (user + system) CPU per operation; ~0 for raw SQL. */
  appCpuMicrosPerOp: number;
  /** CPU of the PostgreSQL backends of the bench database per operation. */
  dbCpuMicrosPerOp: number;
  /** Share of the machine's CPU taken meanwhile by anything but this benchmark, its API, its backends and Redis. */
  foreignCpu: number;
}

async function measured(server: Server, database: string, run: () => Promise<LoadResult>): Promise<Measurement> {
  const before = await cpuSnapshot(server, database);
  const result = await run();
  const after = await cpuSnapshot(server, database);
  const serverMs = after.serverMs - before.serverMs;
  const dbMs = delta(before.db, after.db);
  const ours = serverMs + dbMs + delta(before.redis, after.redis) + (after.selfMs - before.selfMs);
  const machineBusy = after.machineBusyMs - before.machineBusyMs;
  const machineTotal = after.machineTotalMs - before.machineTotalMs;
  const perOp = (ms: number): number => (result.ops > 0 ? (ms * 1000) / result.ops : Number.NaN);
  return {
    ...result,
    appCpuMicrosPerOp: perOp(serverMs),
    dbCpuMicrosPerOp: perOp(dbMs),
    foreignCpu: machineTotal > 0 ? Math.max(0, machineBusy - ours) / machineTotal : 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Statements and plans
// ---------------------------------------------------------------------------------------------------------------

interface StatementReport {
  label: string;
  rows: number;
  /**
   * Median EXPLAIN ANALYZE planning and execution times, ms. A prepared statement is planned at each
   * run too as long as PostgreSQL prefers custom plans for it (it does for the docket: its generic
   * plan's row estimate is higher), so the planning time counts for it as well.
   */
  planningMs: number;
  executionMs: number;
  plan: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function labelOf(text: string): string {
  if (/\bu\.token_version\b/.test(text)) return 'users+memberships+agencies (actor)';
  // The table of the statement's own FROM, not of a subquery's: the first FROM outside parentheses.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^\bFROM\s/i.test(text.slice(i, i + 5)) && /\W/.test(text[i - 1] ?? ' ')) {
      return /^FROM\s+"?([a-z_]+)"?/i.exec(text.slice(i))?.[1] ?? 'statement';
    }
  }
  return text.trim().split(/\s+/)[0];
}

async function explainStatements(client: Client, statements: Statement[]): Promise<StatementReport[]> {
  const reports: StatementReport[] = [];
  for (const s of statements) {
    const rows = (await client.query(s.text, s.values)).rowCount ?? 0;
    const planning: number[] = [];
    const execution: number[] = [];
    let plan = '';
    for (let i = 0; i < EXPLAIN_REPEATS; i++) {
      const res = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
      plan = res.rows.map((r) => r['QUERY PLAN']).join('\n');
      planning.push(Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN));
      execution.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN));
    }
    reports.push({ label: labelOf(s.text), rows, planningMs: median(planning), executionMs: median(execution), plan });
  }
  return reports;
}

// ---------------------------------------------------------------------------------------------------------------
// One data set
// ---------------------------------------------------------------------------------------------------------------

type ClientKind = 'GraphQL' | 'raw SQL' | 'bare Nest';

interface Run {
  operation: Operation['name'];
  client: ClientKind;
  connections: number;
  m: Measurement;
}

interface OperationReport {
  operation: Operation['name'];
  answer: string;
  statements: StatementReport[];
}

interface DatasetRun {
  info: DatasetInfo;
  processes: number;
  startupMs: number;
  runs: Run[];
  operations: OperationReport[];
}

async function measureDataset(info: DatasetInfo, settings: Settings, log: (m: string) => void): Promise<DatasetRun> {
  const { spec } = info;
  const database = databaseName(spec.databaseUrl);
  log(`\n${spec.label}: starting the API on ${database}…`);
  const server = await startServer(spec, settings);
  const base = `http://${HOST}:${server.port}`;
  const clients = await openClients(spec.databaseUrl, settings.connections);
  const runs: Run[] = [];
  const operations: OperationReport[] = [];
  let failed = false;
  try {
    const token = await login(base);
    for (const op of OPERATIONS) {
      const first = await request(base, token, op);
      await ask(server.child, { type: 'capture', on: true });
      const second = await request(base, token, op);
      const { statements } = await ask(server.child, { type: 'capture', on: false });
      if (second.text !== first.text) throw new Error(`${op.name}: two identical requests got different answers.`);
      if (statements.length === 0) throw new Error(`${op.name}: no SQL was captured from the API.`);
      const plans = await explainStatements(clients[0], statements);
      operations.push({ operation: op.name, answer: first.summary, statements: plans });
      log(
        `${spec.label} ${op.name}: ${first.summary}; ${statements.length} statements: ` +
          plans.map((p) => `${p.label} (${p.rows} rows, planned ${ms(p.planningMs)} ms, run ${ms(p.executionMs)} ms)`).join(', '),
      );
      if (settings.explain) for (const p of plans) log(`\n-- ${p.label}\n${p.plan}`);

      const plan: Array<[ClientKind, number, number]> = [
        ['GraphQL', settings.connections, settings.seconds],
        ['raw SQL', settings.connections, settings.seconds],
      ];
      if (op.name === 'docket' && settings.latencySeconds > 0 && settings.connections > 1) {
        plan.push(['GraphQL', 1, settings.latencySeconds], ['raw SQL', 1, settings.latencySeconds]);
      }
      for (const [client, connections, seconds] of plan) {
        const load = (s: number): Promise<LoadResult> =>
          client === 'GraphQL'
            ? httpLoad(base, token, op, first.text, s, connections)
            : sqlLoad(clients.slice(0, connections), statements, s);
        if (settings.warmupSeconds > 0) await load(settings.warmupSeconds);
        log(`${spec.label} ${op.name}: ${client}, ${connections} connection${connections > 1 ? 's' : ''}, ${seconds} s…`);
        const m = await measured(server, database, () => load(seconds));
        if (m.foreignCpu > FOREIGN_CPU_WARNING) {
          log(`  other processes took ${percent(m.foreignCpu)} of the CPU meanwhile; these figures are noisy.`);
        }
        if (m.failures > 0) log(`  ${m.failures} operations failed.`);
        log(`  ${integer.format(m.opsPerSecond)} ops/s, p50 ${ms(m.p50)} ms, p95 ${ms(m.p95)} ms, p99 ${ms(m.p99)} ms`);
        runs.push({ operation: op.name, client, connections, m });
      }
      if (op.name === 'docket') runs.push(await measureBare(spec, settings, server.processes, op, statements, first.text, token, log));
    }
    return { info, processes: server.processes, startupMs: server.startupMs, runs, operations };
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await stopServer(server);
    if (failed) console.error(`Last lines of the API's log (${server.logFile}):\n${tail(server.logFile)}`);
    else rmSync(server.logFile, { force: true });
  }
}

/**
 * The stack's floor for the same answer: bench/bare-docket-api.ts running the API's statements. Its first answer must
 * be the API's, byte for byte; then it is loaded as the API was, with as many connections.
 */
async function measureBare(
  spec: DatasetSpec,
  settings: Settings,
  processes: number,
  op: Operation,
  statements: Statement[],
  expected: string,
  token: string,
  log: (m: string) => void,
): Promise<Run> {
  const database = databaseName(spec.databaseUrl);
  const c = settings.connections;
  const bare = await startServer(spec, settings, { statements, processes });
  const base = `http://${HOST}:${bare.port}`;
  let failed = false;
  try {
    const answer = await post(base, bodyOf(op));
    if (answer.text !== expected) throw new Error(`The bare floor answered otherwise than the API: ${answer.text.slice(0, 500)}`);
    const load = (s: number): Promise<LoadResult> => httpLoad(base, token, op, expected, s, c);
    if (settings.warmupSeconds > 0) await load(settings.warmupSeconds);
    log(`${spec.label} ${op.name}: bare Nest + Apollo + Fastify on the same SQL, ${c} connections, ${settings.seconds} s…`);
    const m = await measured(bare, database, () => load(settings.seconds));
    if (m.failures > 0) log(`  ${m.failures} operations failed.`);
    log(`  ${integer.format(m.opsPerSecond)} ops/s, p50 ${ms(m.p50)} ms, p95 ${ms(m.p95)} ms, p99 ${ms(m.p99)} ms`);
    return { operation: op.name, client: 'bare Nest', connections: c, m };
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await stopServer(bare);
    if (failed) console.error(`Last lines of the bare floor's log (${bare.logFile}):\n${tail(bare.logFile)}`);
    else rmSync(bare.logFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Targets and report
// ---------------------------------------------------------------------------------------------------------------

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (value: number): string => value.toFixed(2);
const percent = (share: number): string => `${Math.round(share * 100)} %`;

function find(run: DatasetRun, operation: Operation['name'], client: ClientKind, connections: number): Measurement {
  const found = run.runs.find((r) => r.operation === operation && r.client === client && r.connections === connections);
  if (!found) throw new Error(`No ${client} run of ${operation} with ${connections} connections.`);
  return found.m;
}

interface Target {
  text: string;
  met: boolean;
}

function targets(small: DatasetRun, large: DatasetRun, settings: Settings): Target[] {
  const c = settings.connections;
  const label = large.info.spec.label;
  const list: Target[] = OPERATIONS.map((op) => {
    const ratio = find(large, op.name, 'GraphQL', c).opsPerSecond / find(large, op.name, 'raw SQL', c).opsPerSecond;
    return {
      text: `\`${op.name}\` GraphQL throughput ≥ ${TARGET_RATIO}× raw SQL at ${label}: ×${ratio.toFixed(2)}`,
      met: ratio >= TARGET_RATIO,
    };
  });
  // The latency targets under the measured load, and (as a second reading) with one connection, where the latency is
  // the request's own rather than the queue's.
  const connections = [...new Set([c, ...(settings.latencySeconds > 0 ? [1] : [])])];
  for (const n of connections) {
    const p95Large = find(large, 'docket', 'GraphQL', n).p95;
    const p95Small = find(small, 'docket', 'GraphQL', n).p95;
    const how = `GraphQL, ${n} connection${n > 1 ? 's' : ''}`;
    list.push({ text: `docket p95 < ${TARGET_P95_MS} ms at ${label} (${how}): ${ms(p95Large)} ms`, met: p95Large < TARGET_P95_MS });
    list.push({
      text:
        `docket p95 at ${label} ≤ ${TARGET_GROWTH}× its p95 at ${small.info.spec.label} (${how}): ${ms(p95Large)} / ${ms(p95Small)} ms = ` +
        `×${(p95Large / p95Small).toFixed(2)}`,
      met: p95Large <= TARGET_GROWTH * p95Small,
    });
  }
  return list;
}

/** Where the API stands against the stack's own floor (bench/bare-docket-api.ts): a reading, not a target. */
function floorLines(datasets: DatasetRun[], settings: Settings): string[] {
  const c = settings.connections;
  return datasets.map((d) => {
    const api = find(d, 'docket', 'GraphQL', c).opsPerSecond;
    const bare = find(d, 'docket', 'bare Nest', c).opsPerSecond;
    const raw = find(d, 'docket', 'raw SQL', c).opsPerSecond;
    return (
      `${d.info.spec.label} \`docket\`, ${c} connections: the bare floor ×${(bare / raw).toFixed(2)} of raw SQL, ` +
      `the API ×${(api / raw).toFixed(2)} of raw SQL and ×${(api / bare).toFixed(2)} of the bare floor`
    );
  });
}

type Row = string[];
const HEADER: Row = [
  'Data',
  'Operation',
  'Client',
  'conns',
  'ops/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'ops',
  'failures',
  'API CPU µs/op',
  'DB CPU µs/op',
  'other CPU',
];
const TEXT_COLUMNS = 3;

function rows(datasets: DatasetRun[]): Row[] {
  return datasets.flatMap((d) =>
    d.runs.map((r): Row => [
      d.info.spec.label,
      r.operation,
      r.client,
      String(r.connections),
      integer.format(r.m.opsPerSecond),
      ms(r.m.p50),
      ms(r.m.p95),
      ms(r.m.p99),
      integer.format(r.m.ops),
      String(r.m.failures),
      r.client === 'raw SQL' ? '—' : integer.format(r.m.appCpuMicrosPerOp),
      integer.format(r.m.dbCpuMicrosPerOp),
      percent(r.m.foreignCpu),
    ]),
  );
}

function columnWidths(table: Row[], header: Row): number[] {
  return header.map((_, col) => Math.max(...[header, ...table].map((row) => row[col].length)));
}

function padCells(row: readonly string[], widths: number[], textColumns: number): string[] {
  return row.map((cell, col) => (col < textColumns ? cell.padEnd(widths[col]) : cell.padStart(widths[col])));
}

/** Laid out as Prettier would, so that `prettier --check` passes on the file this writes. */
function markdownTable(header: Row, table: Row[], textColumns: number): string[] {
  const widths = columnWidths(table, header);
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = widths.map((w, col) => (col < textColumns ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`));
  return [line(padCells(header, widths, textColumns)), line(rule), ...table.map((row) => line(padCells(row, widths, textColumns)))];
}

function printTable(table: Row[]): void {
  const widths = columnWidths(table, HEADER);
  console.log(`\n${padCells(HEADER, widths, TEXT_COLUMNS).join('  ')}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of table) console.log(padCells(row, widths, TEXT_COLUMNS).join('  '));
}

function findRepoRoot(): string {
  // Compiled into dist/bench or dist-bench/bench: the nearest package.json above is the repository's.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}.`);
  }
}

function versionOf(root: string, pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

interface ServerFacts {
  version: string;
  sharedBuffers: string;
}

async function serverFacts(databaseUrl: string): Promise<ServerFacts> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v.split(' ')[0];
    const sharedBuffers = (await client.query<{ v: string }>(`SELECT current_setting('shared_buffers') AS v`)).rows[0].v;
    return { version, sharedBuffers };
  } finally {
    await client.end();
  }
}

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

function datasetTable(datasets: DatasetRun[]): string[] {
  const header = [
    'Data',
    'database',
    'lawsuits',
    'parties',
    'hearings',
    'judgments',
    'objections',
    'courts',
    'circuits',
    'size',
    'generation',
  ];
  const table = datasets.map(({ info }): Row => [
    info.spec.label,
    databaseName(info.spec.databaseUrl),
    integer.format(info.counts.lawsuits),
    integer.format(info.counts.parties),
    integer.format(info.counts.hearings),
    integer.format(info.counts.judgments),
    integer.format(info.counts.objections),
    String(info.counts.courts),
    String(info.counts.circuits),
    gib(info.databaseBytes),
    `${info.generationSeconds} s${info.reused ? ` (reused, ${info.generatedAt})` : ''}`,
  ]);
  return markdownTable(header, table, 2);
}

function statementLines(datasets: DatasetRun[]): string[] {
  return datasets.flatMap((d) =>
    d.operations.map(
      (o) =>
        `- ${d.info.spec.label} \`${o.operation}\` (${o.answer}): ${o.statements.length} statements — ` +
        o.statements.map((s) => `${s.label} ${s.rows} rows, planned ${ms(s.planningMs)} ms, run ${ms(s.executionMs)} ms`).join('; '),
    ),
  );
}

function renderSection(root: string, settings: Settings, datasets: DatasetRun[], table: Row[], list: Target[], pg: ServerFacts): string {
  const cpus = os.cpus();
  const v = (pkg: string): string => `${pkg} ${versionOf(root, pkg)}`;
  const [small, large] = datasets;
  const c = settings.connections;
  return [
    SECTION_HEADING,
    '',
    `Command: \`npm run build && npm run bench:docket\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC ` +
      `(BENCH_SECONDS=${settings.seconds}, BENCH_WARMUP_SECONDS=${settings.warmupSeconds}, BENCH_CONNECTIONS=${c}, ` +
      `BENCH_LATENCY_SECONDS=${settings.latencySeconds}, BENCH_LAWSUITS=${settings.lawsuits}, BENCH_SMALL_LAWSUITS=${settings.smallLawsuits}).`,
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${gib(os.totalmem())} RAM, ${os.platform()} ${os.arch()}, ` +
      `Node ${process.version}, PostgreSQL ${pg.version} (shared_buffers ${pg.sharedBuffers}), all on ${HOST}.`,
    `Stack: ${v('@nestjs/core')}, ${v('@apollo/server')}, ${v('fastify')}, ${v('typeorm')}, ${v('pg')}, ${v('autocannon')}.`,
    '',
    `Data (bench/docket-data.ts): ${large.info.counts.courts} courts, one judge per circuit, ${integer.format(large.info.counts.users)} users; ` +
      `lawsuits with ~2.5 parties and ~3 hearings each, judgments and objections, generated in PostgreSQL with ` +
      `\`INSERT … SELECT generate_series\` into a database of its own, migrated by the application's migrate() and seeded by its seed(). ` +
      `Each circuit sits a fixed number of non-overlapping 20-minute hearings a day (08:00–15:00 Riyadh, Sunday–Thursday, no holiday), ` +
      `so the measured day ${MEASURED_DAY} of the seeded judge (${JUDGE.nationalId}, ${JUDGE_CIRCUIT.court}/${JUDGE_CIRCUIT.circuit}) ` +
      `holds ${large.info.judgeDayHearings} hearings at ${large.info.spec.label} and ${small.info.judgeDayHearings} at ${small.info.spec.label}; ` +
      `only the history around it grows. "generation" is the time the data set took to build (reused: by an earlier run).`,
    '',
    ...datasetTable(datasets),
    '',
    `Method: the API as \`npm run start:api\` runs it (NODE_ENV=production, logging as deployed: errors, access lines only at debug): ` +
      `${datasets[0]?.processes ?? '?'} processes on one port (API_PROCESSES, one per core by default), in a child process; autocannon with ${c} ` +
      `connections as the judge (bearer token), one operation document with variables per request, every answer compared with the ` +
      `verified one. Raw SQL: the statements TypeORM logged in the API for that same request (the actor load included), replayed in ` +
      `order with the same parameters by ${c} \`pg\` clients (as prepared statements under the same names where the API prepared them), all rows fetched. ` +
      `Bare Nest (the docket only): the stack's floor, bench/bare-docket-api.ts — NestJS + Apollo (defaults) + Fastify with one resolver that runs ` +
      `those same statements through a \`pg\` pool of the API's size and returns the rows (no token, actor, rate limit, access rules, validation ` +
      `or TypeORM), as many processes as the API, answering byte for byte what the API answers. ${settings.warmupSeconds} s warm-up, then ` +
      `${settings.seconds} s measured (${settings.latencySeconds} s for the one-connection docket runs). "ops" are requests or statement ` +
      `sequences; "API CPU" is the API processes' CPU per operation, "DB CPU" that of the bench database's PostgreSQL backends, ` +
      `"other CPU" the share of the machine taken meanwhile by anything else.`,
    '',
    `- \`docket\`: \`docket(input: {from: "${MEASURED_DAY}"}) { id startsAt endsAt state mode room lawsuit { caseNumber parties { nameEn } } }\``,
    `- \`lawsuits\`: \`lawsuits(first: 20) { edges { cursor node { id caseNumber state category subject createdAt parties { nameEn } } } pageInfo { … } }\``,
    '',
    ...markdownTable(HEADER, table, TEXT_COLUMNS),
    '',
    'Targets:',
    '',
    ...list.map((t) => `- ${t.met ? 'met' : 'MISSED'}: ${t.text}`),
    '',
    "The stack's floor (a reading, not a target):",
    '',
    ...floorLines(datasets, settings).map((line) => `- ${line}`),
    ...(datasets.some((d) => d.runs.some((r) => r.m.foreignCpu > FOREIGN_CPU_WARNING))
      ? [
          '',
          `Other processes took over ${percent(FOREIGN_CPU_WARNING)} of the CPU during some runs (other CPU column): ` +
            'those figures are noisy, the ratios between runs taken at the same time less so.',
        ]
      : []),
    '',
    `SQL per operation, as captured from the API (EXPLAIN ANALYZE planning and execution times, median of ${EXPLAIN_REPEATS}):`,
    '',
    ...statementLines(datasets),
    `- API start-up to listening: ${datasets.map((d) => `${d.info.spec.label} ${d.startupMs} ms`).join(', ')}.`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const settings = readSettings();
  const log = (message: string): void => console.log(message);
  const started = performance.now();
  const cpus = os.cpus();
  log(
    `Docket benchmark: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${settings.connections} connections, ` +
      `${settings.warmupSeconds} s warm-up + ${settings.seconds} s per run.`,
  );

  const specs: DatasetSpec[] = [
    {
      label: compact(settings.smallLawsuits),
      databaseUrl: withDatabase(settings.databaseUrl, `${settings.database}_small`),
      lawsuits: settings.smallLawsuits,
    },
    { label: compact(settings.lawsuits), databaseUrl: withDatabase(settings.databaseUrl, settings.database), lawsuits: settings.lawsuits },
  ];
  // Generation is bounded by its statement timeouts; the measurements by the budget below.
  const infos: DatasetInfo[] = [];
  for (const spec of specs) infos.push(await ensureDataset(spec, log, { regenerate: settings.regenerate }));
  for (const info of infos) {
    log(
      `${info.spec.label}: ${integer.format(info.counts.lawsuits)} lawsuits, ${integer.format(info.counts.parties)} parties, ` +
        `${integer.format(info.counts.hearings)} hearings; ${info.judgeDayHearings} hearings of the judge on ${MEASURED_DAY}.`,
    );
  }

  const runsPerDataset =
    OPERATIONS.length * 2 * (settings.warmupSeconds + settings.seconds + 30) +
    2 * (settings.warmupSeconds + settings.latencySeconds + 30) +
    (READY_TIMEOUT_MS + STOP_TIMEOUT_MS) / 1000 +
    settings.warmupSeconds +
    settings.seconds +
    30;
  const budgetMs = specs.length * (READY_TIMEOUT_MS + STOP_TIMEOUT_MS + (runsPerDataset + 120) * 1000);
  setTimeout(() => {
    console.error(`The measurements exceeded their ${Math.round(budgetMs / 1000)} s budget; stopping.`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  }, budgetMs).unref();

  const datasets: DatasetRun[] = [];
  for (const info of infos) datasets.push(await measureDataset(info, settings, log));

  const table = rows(datasets);
  printTable(table);
  const list = targets(datasets[0], datasets[1], settings);
  log('');
  for (const t of list) log(`${t.met ? 'met   ' : 'MISSED'}  ${t.text}`);
  log('');
  for (const line of floorLines(datasets, settings)) log(`floor   ${line}`);
  log(`\nTotal ${Math.round((performance.now() - started) / 1000)} s.`);

  if (datasets.some((d) => d.runs.some((r) => r.m.failures > 0))) {
    console.error('\nSome operations failed (see the failures column); bench/RESULTS.md was left unchanged.');
    process.exitCode = 1;
    return;
  }
  const root = findRepoRoot();
  const file = writeResults(
    root,
    SECTION_HEADING,
    renderSection(root, settings, datasets, table, list, await serverFacts(specs[1].databaseUrl)),
  );
  log(`Wrote ${path.relative(process.cwd(), file) || file}.`);
}

function compact(n: number): string {
  if (n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

if (require.main === module) {
  const run = process.argv.includes(SERVE_FLAG) ? serve() : main();
  run.catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  });
}
