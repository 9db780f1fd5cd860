/**
 * One data set of the docket benchmark measured: the API started on it, each operation verified, its SQL captured and
 * explained, then loaded over GraphQL and replayed as raw SQL (the docket also with one connection, and through the
 * bare floor), each run with its CPU accounting.
 */
import { rmSync } from 'node:fs';
import { ask } from './docket-api-child';
import { databaseName, type DatasetInfo, type DatasetSpec } from './docket-data';
import { httpLoad, login, post, request } from './docket-http';
import { FOREIGN_CPU_WARNING, type LoadResult, type Measurement, measured } from './docket-measurement';
import { bodyOf, type Operation, OPERATIONS } from './docket-operations';
import { startServer, stopServer, tail } from './docket-server';
import { HOST, type Settings } from './docket-settings';
import { explainStatements, openClients, sqlLoad, type StatementReport } from './docket-sql';
import type { Statement } from './ipc';
import { integer, ms, percent } from './report';

export type ClientKind = 'GraphQL' | 'raw SQL' | 'bare Nest';

export interface Run {
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

export interface DatasetRun {
  info: DatasetInfo;
  processes: number;
  startupMs: number;
  runs: Run[];
  operations: OperationReport[];
}

export async function measureDataset(info: DatasetInfo, settings: Settings, log: (m: string) => void): Promise<DatasetRun> {
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
