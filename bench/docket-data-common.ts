/**
 * What the modules of the docket data set share: the measured day and its judge, the grid of hearing slots, the
 * size of the citizen pool, and the small helpers every generation step uses (a client, a timer, a step's type).
 */
import { Client } from 'pg';
import { SEED_USERS } from '../src/seed/seed-data';

/** The day whose docket is measured: a Tuesday, and "today" for the data set (hearings before it are past). */
export const MEASURED_DAY = '2026-12-08';
export const JUDGE = SEED_USERS.find((u) => u.key === 'judge')!;
export const JUDGE_CIRCUIT = { court: 'RYD-GEN', circuit: 'CIV-1' } as const;
/** Hearings a day of the seeded judge's circuit; other circuits sit 12 to 20. */
export const JUDGE_HEARINGS_PER_DAY = 16;

export const SLOT_MINUTES = 20;
export const SLOTS_PER_DAY = (15 - 8) * (60 / SLOT_MINUTES);
/** Share of each circuit's hearing history that lies before the measured day (the rest is scheduled after it). */
export const PAST_SHARE = 0.9;
export const CITIZENS = 5000;
export const GENERATION_STATEMENT_TIMEOUT = '30min';

export interface DatasetSpec {
  /** Short name used in reports, e.g. "1M". */
  label: string;
  databaseUrl: string;
  lawsuits: number;
}

export type Log = (message: string) => void;
/** One generation statement, logged with its row count and its time; returns the row count. */
export type Step = (what: string, sql: string, params?: unknown[]) => Promise<number>;

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'adl-bench-docket' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
