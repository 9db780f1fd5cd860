/**
 * `npm run bench:http`: serves the same code-first GraphQL resolver through NestJS + Apollo Server on Fastify
 * and on Express, loads both with autocannon, and records the figures in bench/RESULTS.md, so that the choice of
 * HTTP platform rests on a measurement from this machine rather than on folklore.
 *
 * The resolver returns a fixed in-memory list (no database), so only the HTTP + GraphQL layer is measured.
 * Each server runs in a forked child process: the load generator in this process must not share an event loop
 * (or its garbage collector) with the server it measures.
 *
 * Environment: BENCH_SECONDS (measured seconds per route, default 10), BENCH_WARMUP_SECONDS (default 2),
 * BENCH_CONNECTIONS (default 8).
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { ownCpuMicros } from './cpu';
import { writeResults } from './results-file';
import { readNumber } from './settings';

const PLATFORMS = ['fastify', 'express'] as const;
type Platform = (typeof PLATFORMS)[number];
const LABEL: Record<Platform, string> = { fastify: 'Fastify', express: 'Express' };

const HOST = '127.0.0.1';
const SERVE_FLAG = '--serve';
const SECTION_HEADING = '## HTTP platform (Fastify vs Express)';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const CPU_QUERY_TIMEOUT_MS = 5_000;
/** Share of the machine's CPU taken by other processes during a measurement above which its figures are flagged. */
const FOREIGN_CPU_WARNING = 0.1;

// ---------------------------------------------------------------------------------------------------------------
// The application under test (runs in the child process)
// ---------------------------------------------------------------------------------------------------------------

@ObjectType('Court')
class CourtItem {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() nameAr!: string;
  @Field() nameEn!: string;
}

// Arabic text makes the responses multi-byte UTF-8, as the real API's are.
const CITIES: ReadonlyArray<readonly [ar: string, en: string]> = [
  ['الرياض', 'Riyadh'],
  ['جدة', 'Jeddah'],
  ['مكة المكرمة', 'Makkah'],
  ['المدينة المنورة', 'Madinah'],
  ['الدمام', 'Dammam'],
  ['الخبر', 'Khobar'],
  ['الطائف', 'Taif'],
  ['تبوك', 'Tabuk'],
  ['أبها', 'Abha'],
  ['حائل', 'Hail'],
  ['بريدة', 'Buraidah'],
  ['نجران', 'Najran'],
  ['جازان', 'Jazan'],
  ['الأحساء', 'Al-Ahsa'],
  ['ينبع', 'Yanbu'],
  ['القطيف', 'Qatif'],
  ['الجبيل', 'Jubail'],
  ['سكاكا', 'Sakaka'],
  ['عرعر', 'Arar'],
  ['الباحة', 'Al-Baha'],
];

const COURTS: readonly CourtItem[] = CITIES.map(([ar, en], i) => ({
  id: String(i + 1),
  code: `GC-${String(i + 1).padStart(2, '0')}`,
  nameAr: `المحكمة العامة ب${ar}`,
  nameEn: `General Court of ${en}`,
}));

@Resolver(() => CourtItem)
class CourtsResolver {
  @Query(() => [CourtItem])
  courts(@Args('first', { type: () => Int, nullable: true }) first?: number): readonly CourtItem[] {
    return COURTS.slice(0, Math.max(0, first ?? COURTS.length));
  }
}

@Controller()
class PingController {
  @Get('ping')
  ping(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      // Stated rather than left to NODE_ENV: production serves no GraphiQL page, so neither does the benchmark.
      graphiql: false,
    }),
  ],
  controllers: [PingController],
  providers: [CourtsResolver],
})
class BenchModule {}

type ChildMessage = { type: 'ready'; port: number; startupMs: number } | { type: 'cpu'; micros: number };

async function serve(platform: Platform): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${SERVE_FLAG} is meant for a process forked by this benchmark.`);

  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(BenchModule, adapter, { logger: ['error', 'warn'] });
  await app.listen(0, HOST);
  const { port } = app.getHttpServer().address() as AddressInfo;

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void app.close().finally(() => process.exit(0));
  };
  process.on('message', (message) => {
    if (message === 'stop') stop();
    if (message === 'cpu') {
      const reply: ChildMessage = { type: 'cpu', micros: ownCpuMicros() };
      send(reply);
    }
  });
  // A parent that dies must not leave a server running: losing the IPC channel means nobody will ever stop us.
  process.on('disconnect', stop);

  const ready: ChildMessage = { type: 'ready', port, startupMs: Math.round(process.uptime() * 1000) };
  send(ready);
}

// ---------------------------------------------------------------------------------------------------------------
// The load generator (runs in the parent process)
// ---------------------------------------------------------------------------------------------------------------

interface Settings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

function readSettings(): Settings {
  return {
    seconds: readNumber('BENCH_SECONDS', 10, 1, 600),
    warmupSeconds: readNumber('BENCH_WARMUP_SECONDS', 2, 0, 60),
    connections: readNumber('BENCH_CONNECTIONS', 8, 1, 1024),
  };
}

const GRAPHQL_BODY = JSON.stringify({
  operationName: 'Courts',
  query: 'query Courts($first: Int) { courts(first: $first) { id code nameAr nameEn } }',
  variables: { first: COURTS.length },
});

interface Route {
  name: string;
  path: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

// /ping is the platform's floor: comparing it with /graphql shows whether a gap comes from the platform itself
// or from the Apollo integration on top of it.
const ROUTES: readonly Route[] = [
  { name: 'POST /graphql', path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: GRAPHQL_BODY },
  { name: 'GET /ping', path: '/ping', method: 'GET' },
];

interface Measurement {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p975: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers: any of them makes the run worthless. */
  failures: number;
  /** Server CPU time per request: unlike req/s, it hardly moves when other processes compete for the cores. */
  serverCpuMicrosPerRequest: number;
  /** Share of the machine's CPU used by processes other than this benchmark while it measured. */
  foreignCpu: number;
}

interface PlatformRun {
  startupMs: number;
  routes: Record<string, Measurement>;
}

interface Server {
  child: ChildProcess;
  port: number;
  startupMs: number;
}

const children = new Set<ChildProcess>();

function startServer(platform: Platform): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [SERVE_FLAG, platform], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Apollo Server (introspection, stack traces in errors) and Express change defaults in production; measure
      // what will be deployed.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    children.add(child);
    child.once('exit', () => children.delete(child));

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The ${LABEL[platform]} server was not ready within ${READY_TIMEOUT_MS} ms.`));
    }, READY_TIMEOUT_MS);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve({ child, port: message.port, startupMs: message.startupMs });
      else reject(new Error(`The ${LABEL[platform]} server sent ${message.type} before it was ready.`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The ${LABEL[platform]} server exited before it was ready (code ${code}, signal ${signal}).`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send('stop');
    else child.kill('SIGTERM');
  });
}

/** One request per route before loading it, so that a broken server fails loudly instead of measuring errors fast. */
async function verify(base: string): Promise<void> {
  const signal = AbortSignal.timeout(5_000);
  const graphql = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: GRAPHQL_BODY,
    signal,
  });
  const payload = (await graphql.json()) as { data?: { courts?: Array<{ nameAr?: string }> }; errors?: unknown };
  const courts = payload.data?.courts;
  if (graphql.status !== 200 || courts?.length !== COURTS.length || courts[0]?.nameAr !== COURTS[0]?.nameAr) {
    throw new Error(`${base}/graphql answered ${graphql.status}: ${JSON.stringify(payload).slice(0, 500)}`);
  }
  const ping = await fetch(`${base}/ping`, { signal });
  const pong = (await ping.json()) as { ok?: unknown };
  if (ping.status !== 200 || pong.ok !== true) throw new Error(`${base}/ping answered ${ping.status}: ${JSON.stringify(pong)}`);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p975: number;
  p99: number;
  failures: number;
}

function load(base: string, route: Route, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // autocannon's own latency histogram has whole-millisecond buckets, too coarse for sub-millisecond answers,
    // so the exact per-response times are kept here instead.
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `${base}${route.path}`,
        method: route.method,
        headers: route.headers,
        body: route.body,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(`autocannon failed: ${JSON.stringify(err)}`));
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          requestsPerSecond: result.requests.average,
          requests: result.requests.total,
          p50: percentile(sorted, 50),
          p975: percentile(sorted, 97.5),
          p99: percentile(sorted, 99),
          failures: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function serverCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`The server did not report its CPU time within ${CPU_QUERY_TIMEOUT_MS} ms.`));
    }, CPU_QUERY_TIMEOUT_MS);
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== 'cpu') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.micros);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

interface CpuSnapshot {
  /** Milliseconds summed over all cores, as os.cpus() counts them. */
  machineBusyMs: number;
  machineTotalMs: number;
  selfMicros: number;
  serverMicros: number;
}

async function cpuSnapshot(child: ChildProcess): Promise<CpuSnapshot> {
  const serverMicros = await serverCpuMicros(child);
  const selfMicros = ownCpuMicros();
  let machineBusyMs = 0;
  let machineTotalMs = 0;
  for (const { times } of os.cpus()) {
    const busy = times.user + times.nice + times.sys + times.irq;
    machineBusyMs += busy;
    machineTotalMs += busy + times.idle;
  }
  return { machineBusyMs, machineTotalMs, selfMicros, serverMicros };
}

/**
 * Loads one route while accounting for CPU: the server's own time per request, and whatever the rest of the machine
 * (other builds, installs, services) took meanwhile. On a shared machine the second figure is what tells a real
 * difference from a neighbour's noise.
 */
async function measureRoute(child: ChildProcess, base: string, route: Route, settings: Settings): Promise<Measurement> {
  const before = await cpuSnapshot(child);
  const result = await load(base, route, settings.seconds, settings.connections);
  const after = await cpuSnapshot(child);
  const serverMs = (after.serverMicros - before.serverMicros) / 1000;
  const selfMs = (after.selfMicros - before.selfMicros) / 1000;
  const machineBusyMs = after.machineBusyMs - before.machineBusyMs;
  const machineTotalMs = after.machineTotalMs - before.machineTotalMs;
  return {
    ...result,
    serverCpuMicrosPerRequest: result.requests > 0 ? (serverMs * 1000) / result.requests : Number.NaN,
    foreignCpu: machineTotalMs > 0 ? Math.max(0, machineBusyMs - serverMs - selfMs) / machineTotalMs : 0,
  };
}

async function measure(platform: Platform, settings: Settings): Promise<PlatformRun> {
  console.log(`\n${LABEL[platform]}: starting server…`);
  const server = await startServer(platform);
  const base = `http://${HOST}:${server.port}`;
  try {
    await verify(base);
    const routes: Record<string, Measurement> = {};
    for (const route of ROUTES) {
      // Lets the JIT settle and the connections open before anything is counted.
      if (settings.warmupSeconds > 0) await load(base, route, settings.warmupSeconds, settings.connections);
      console.log(`${LABEL[platform]}: ${route.name} for ${settings.seconds} s…`);
      const m = await measureRoute(server.child, base, route, settings);
      if (m.foreignCpu > FOREIGN_CPU_WARNING) {
        console.warn(
          `${LABEL[platform]}: other processes took ${percent(m.foreignCpu)} of the CPU during ${route.name}; its figures are noisy.`,
        );
      }
      routes[route.name] = m;
    }
    return { startupMs: server.startupMs, routes };
  } finally {
    await stopServer(server.child);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------------

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (value: number): string => value.toFixed(2);
const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** One line of the results table, already formatted. */
type Row = string[];
const HEADER: Row = [
  'Route',
  'Platform',
  'req/s',
  'p50 ms',
  'p97.5 ms',
  'p99 ms',
  'requests',
  'failures',
  'server CPU µs/req',
  'other CPU',
];

function rows(runs: Record<Platform, PlatformRun>): Row[] {
  return ROUTES.flatMap((route) =>
    PLATFORMS.map((platform): Row => {
      const m = runs[platform].routes[route.name];
      return [
        route.name,
        LABEL[platform],
        integer.format(m.requestsPerSecond),
        ms(m.p50),
        ms(m.p975),
        ms(m.p99),
        integer.format(m.requests),
        String(m.failures),
        integer.format(m.serverCpuMicrosPerRequest),
        percent(m.foreignCpu),
      ];
    }),
  );
}

function ratios(runs: Record<Platform, PlatformRun>): string[] {
  return ROUTES.map((route) => {
    const fastify = runs.fastify.routes[route.name];
    const express = runs.express.routes[route.name];
    const ratio = (a: number, b: number): string => `×${(a / b).toFixed(2)}`;
    return (
      `${route.name}: Fastify/Express = ${ratio(fastify.requestsPerSecond, express.requestsPerSecond)} req/s, ` +
      `${ratio(fastify.p50, express.p50)} p50 latency, ${ratio(fastify.serverCpuMicrosPerRequest, express.serverCpuMicrosPerRequest)} server CPU per request`
    );
  });
}

function noisy(runs: Record<Platform, PlatformRun>): boolean {
  return PLATFORMS.some((p) => Object.values(runs[p].routes).some((m) => m.foreignCpu > FOREIGN_CPU_WARNING));
}

// The first two columns are text (left-aligned), the others figures (right-aligned).
const isText = (col: number): boolean => col < 2;

function columnWidths(table: Row[]): number[] {
  return HEADER.map((_, col) => Math.max(...[HEADER, ...table].map((row) => row[col].length)));
}

function padCells(row: readonly string[], widths: number[]): string[] {
  return row.map((cell, col) => (isText(col) ? cell.padEnd(widths[col]) : cell.padStart(widths[col])));
}

function printTable(table: Row[]): void {
  const widths = columnWidths(table);
  console.log(`\n${padCells(HEADER, widths).join('  ')}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of table) console.log(padCells(row, widths).join('  '));
}

/** Laid out as Prettier would, so that `prettier --check` passes on the file this writes. */
function markdownTable(table: Row[]): string[] {
  const widths = columnWidths(table);
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = widths.map((w, col) => (isText(col) ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`));
  return [line(padCells(HEADER, widths)), line(rule), ...table.map((row) => line(padCells(row, widths)))];
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

function renderSection(root: string, settings: Settings, runs: Record<Platform, PlatformRun>, table: Row[]): string {
  const cpus = os.cpus();
  const v = (pkg: string): string => `${pkg} ${versionOf(root, pkg)}`;
  return [
    SECTION_HEADING,
    '',
    `Command: \`npm run bench:http\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.arch()}, Node ${process.version}.`,
    `Stack: ${v('@nestjs/core')}, ${v('@nestjs/graphql')} code-first, ${v('@nestjs/apollo')}, ${v('@apollo/server')}, ` +
      `${v('@nestjs/platform-fastify')} (${v('fastify')}, ${v('@as-integrations/fastify')}), ` +
      `${v('@nestjs/platform-express')} (${v('express')}, ${v('@as-integrations/express5')}).`,
    `Method: each server in its own process on ${HOST} (NODE_ENV=production); autocannon in the parent with ` +
      `${settings.connections} connections, ${settings.warmupSeconds} s warm-up, then ${settings.seconds} s measured per route. ` +
      `\`courts(first: ${COURTS.length})\` returns ${COURTS.length} in-memory objects with Arabic and English names; no database.`,
    `"server CPU µs/req" is the server process's user + system time over the measured requests; "other CPU" is the share ` +
      `of the machine's CPU taken meanwhile by processes other than the benchmark (high values mean noisy figures).`,
    '',
    ...markdownTable(table),
    '',
    ...ratios(runs).map((r) => `- ${r}`),
    `- Startup to listening: Fastify ${runs.fastify.startupMs} ms, Express ${runs.express.startupMs} ms.`,
    ...(noisy(runs)
      ? [
          `- Other processes took over ${percent(FOREIGN_CPU_WARNING)} of the CPU during some runs (other CPU column): treat those figures with caution.`,
        ]
      : []),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const settings = readSettings();

  // Everything below is bounded by autocannon's durations and the server timeouts; this is the backstop that
  // guarantees the script ends even if one of those bounds fails.
  const perRouteMs = (settings.warmupSeconds + settings.seconds) * 1000 + 30_000;
  const budgetMs = PLATFORMS.length * (READY_TIMEOUT_MS + STOP_TIMEOUT_MS + ROUTES.length * perRouteMs);
  setTimeout(() => {
    console.error(`The benchmark exceeded its ${Math.round(budgetMs / 1000)} s budget; stopping.`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  }, budgetMs).unref();

  const cpus = os.cpus();
  console.log(
    `HTTP platform benchmark: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ` +
      `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per route.`,
  );

  const runs = {} as Record<Platform, PlatformRun>;
  for (const platform of PLATFORMS) runs[platform] = await measure(platform, settings);

  const table = rows(runs);
  printTable(table);
  console.log('');
  for (const r of ratios(runs)) console.log(r);

  const failed = PLATFORMS.some((p) => Object.values(runs[p].routes).some((m) => m.failures > 0));
  if (failed) {
    console.error('\nSome requests failed (see the failures column); bench/RESULTS.md was left unchanged.');
    process.exitCode = 1;
    return;
  }
  const root = findRepoRoot();
  const file = writeResults(root, SECTION_HEADING, renderSection(root, settings, runs, table));
  console.log(`\nWrote ${path.relative(process.cwd(), file) || file}.`);
}

if (require.main === module) {
  const flag = process.argv.indexOf(SERVE_FLAG);
  const platform = flag === -1 ? undefined : process.argv[flag + 1];
  const run =
    flag === -1
      ? main()
      : PLATFORMS.includes(platform as Platform)
        ? serve(platform as Platform)
        : Promise.reject(new Error(`Unknown platform "${platform}".`));
  run.catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  });
}
