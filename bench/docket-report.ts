/**
 * The docket benchmark's report: the targets and the floor readings, the results table printed to the terminal, and
 * the section of bench/RESULTS.md (data sets, method, table, targets, SQL per operation).
 */
import os from 'node:os';
import { Client } from 'pg';
import { databaseName, JUDGE, JUDGE_CIRCUIT, MEASURED_DAY } from './docket-data';
import type { ClientKind, DatasetRun } from './docket-dataset';
import { FOREIGN_CPU_WARNING, type Measurement } from './docket-measurement';
import { type Operation, OPERATIONS } from './docket-operations';
import { HOST, type Settings } from './docket-settings';
import { EXPLAIN_REPEATS } from './docket-sql';
import { integer, ms, percent, type Row, Table, versionOf } from './report';

export const SECTION_HEADING = '## Docket and lawsuits at scale (GraphQL vs raw SQL)';

const TARGET_RATIO = 0.6;
const TARGET_P95_MS = 15;
const TARGET_GROWTH = 1.5;

function find(run: DatasetRun, operation: Operation['name'], client: ClientKind, connections: number): Measurement {
  const found = run.runs.find((r) => r.operation === operation && r.client === client && r.connections === connections);
  if (!found) throw new Error(`No ${client} run of ${operation} with ${connections} connections.`);
  return found.m;
}

export interface Target {
  text: string;
  met: boolean;
}

export function targets(small: DatasetRun, large: DatasetRun, settings: Settings): Target[] {
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
export function floorLines(datasets: DatasetRun[], settings: Settings): string[] {
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

/** The results table: data set, operation and client are text, the rest figures. */
export const TABLE = new Table(
  [
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
  ],
  3,
);

export function rows(datasets: DatasetRun[]): Row[] {
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

export interface ServerFacts {
  version: string;
  sharedBuffers: string;
}

export async function serverFacts(databaseUrl: string): Promise<ServerFacts> {
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
  return new Table(header, 2).markdown(table);
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

export function renderSection(
  root: string,
  settings: Settings,
  datasets: DatasetRun[],
  table: Row[],
  list: Target[],
  pg: ServerFacts,
): string {
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
    ...TABLE.markdown(table),
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
