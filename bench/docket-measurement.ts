/**
 * What one run of the docket benchmark measured: the load's figures (throughput, latency percentiles, failures)
 * and the CPU accounting around it — the API's processes, the bench database's PostgreSQL backends, Redis, and
 * whatever else took the machine's CPU meanwhile.
 */
import os from 'node:os';
import { backendsOf, delta, isRedis, ownCpuMicros, processCpu } from './cpu';
import { ask } from './docket-api-child';
import type { Server } from './docket-server';
import { percentile } from './report';

/** Share of the machine's CPU taken by other processes during a run above which its figures are flagged. */
export const FOREIGN_CPU_WARNING = 0.1;

export interface LoadResult {
  opsPerSecond: number;
  ops: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers, answers that differ from the verified one, SQL errors. */
  failures: number;
}

export function summarize(latencies: number[], ops: number, elapsedSeconds: number, failures: number): LoadResult {
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

export interface Measurement extends LoadResult {
  /** API process (user + system) CPU per operation; ~0 for raw SQL. */
  appCpuMicrosPerOp: number;
  /** CPU of the PostgreSQL backends of the bench database per operation. */
  dbCpuMicrosPerOp: number;
  /** Share of the machine's CPU taken meanwhile by anything but this benchmark, its API, its backends and Redis. */
  foreignCpu: number;
}

export async function measured(server: Server, database: string, run: () => Promise<LoadResult>): Promise<Measurement> {
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
