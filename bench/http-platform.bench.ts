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
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ownCpuMicros } from './cpu';
import { writeResults } from './results-file';
import { readNumber } from './settings';
import { integer, ms, percent, percentile, type Row, Table, versionOf } from './report';
import {
  type ChildMessage,
  children,
  COURTS,
  HOST,
  LABEL,
  type Platform,
  PLATFORMS,
  READY_TIMEOUT_MS,
  startServer,
  STOP_TIMEOUT_MS,
  stopServer,
} from './http-platform-server';
import { repositoryRoot } from '../src/repository-root';

const SECTION_HEADING = '## HTTP platform (Fastify vs Express)';
const CPU_QUERY_TIMEOUT_MS = 5_000;
/** Share of the machine's CPU taken by other processes during a measurement above which its figures are flagged. */
const FOREIGN_CPU_WARNING = 0.1;

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

const TABLE = new Table(
  ['Route', 'Platform', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'requests', 'failures', 'server CPU µs/req', 'other CPU'],
  2, // route and platform are text
);

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
    ...TABLE.markdown(table),
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
  TABLE.print(table);
  console.log('');
  for (const r of ratios(runs)) console.log(r);

  const failed = PLATFORMS.some((p) => Object.values(runs[p].routes).some((m) => m.failures > 0));
  if (failed) {
    console.error('\nSome requests failed (see the failures column); bench/RESULTS.md was left unchanged.');
    process.exitCode = 1;
    return;
  }
  const root = repositoryRoot(__dirname);
  const file = writeResults(root, SECTION_HEADING, renderSection(root, settings, runs, table));
  console.log(`\nWrote ${path.relative(process.cwd(), file) || file}.`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  });
}
