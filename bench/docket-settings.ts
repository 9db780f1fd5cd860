/**
 * The docket benchmark's settings, read from the environment (see bench/docket.bench.ts), and the constants its
 * parts share: where everything runs and how long a statement or a request may take.
 */
import { readNumber } from './settings';

export const HOST = '127.0.0.1';
export const STATEMENT_TIMEOUT_MS = 10_000;

export interface Settings {
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

export function readSettings(): Settings {
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

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
