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
 *
 * This file runs the whole (or, with SERVE_FLAG, serves the API in the forked child). Its parts: bench/docket-settings.ts
 * (the environment), bench/docket-operations.ts (what is measured), bench/docket-api-child.ts (the API and its query
 * log, in the child), bench/docket-server.ts (forking and stopping the servers), bench/docket-http.ts and
 * bench/docket-sql.ts (the two clients: autocannon and the raw-SQL replay), bench/docket-measurement.ts (a run's
 * figures and CPU accounting), bench/docket-dataset.ts (one data set measured), bench/docket-report.ts (targets,
 * tables and the RESULTS.md section).
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../src/repository-root';
import { serve, SERVE_FLAG } from './docket-api-child';
import { type DatasetInfo, type DatasetSpec, ensureDataset, MEASURED_DAY } from './docket-data';
import { type DatasetRun, measureDataset } from './docket-dataset';
import { OPERATIONS } from './docket-operations';
import { floorLines, renderSection, rows, SECTION_HEADING, serverFacts, TABLE, targets } from './docket-report';
import { children, READY_TIMEOUT_MS, STOP_TIMEOUT_MS } from './docket-server';
import { readSettings, withDatabase } from './docket-settings';
import { writeResults } from './results-file';
import { integer } from './report';

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
  TABLE.print(table);
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
  const root = repositoryRoot(__dirname);
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
