/**
 * The docket benchmark's raw-SQL side: the statements captured from the API replayed in order through `pg` clients
 * (under the same prepared names), and each statement's plan and timings from EXPLAIN ANALYZE.
 */
import { Client } from 'pg';
import { type LoadResult, summarize } from './docket-measurement';
import { STATEMENT_TIMEOUT_MS } from './docket-settings';
import type { Statement } from './ipc';

export const EXPLAIN_REPEATS = 5;

/** The captured statements, in order, on each client, until the deadline; one "operation" is the whole sequence. */
export async function sqlLoad(clients: Client[], statements: Statement[], seconds: number): Promise<LoadResult> {
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

export async function openClients(databaseUrl: string, count: number): Promise<Client[]> {
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

export interface StatementReport {
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

export async function explainStatements(client: Client, statements: Statement[]): Promise<StatementReport[]> {
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
