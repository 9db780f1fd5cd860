/**
 * Case numbers: unique per court and Hijri year, gapless, allocated without races. The counter
 * row is incremented inside the registering transaction; its row lock serializes registrations of
 * one court, and a rolled-back registration gives its number back with the rollback.
 */
import type { RequestContext } from '../../access/context/request-context';
import { hijriYear } from '../../core/clock/hijri';

export interface CaseNumber {
  number: string;
  year: number;
  seq: number;
}

export async function allocateCaseNumber(tx: RequestContext, court: { id: string; code: string }): Promise<CaseNumber> {
  const year = hijriYear(tx.now());
  const [row] = await tx.manager.query<{ last_seq: number }[]>(
    `INSERT INTO case_number_counters (court_id, hijri_year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (court_id, hijri_year) DO UPDATE SET last_seq = case_number_counters.last_seq + 1
     RETURNING last_seq`,
    [court.id, year],
  );
  return { number: formatCaseNumber(year, court.code, row.last_seq), year, seq: row.last_seq };
}

export function formatCaseNumber(year: number, courtCode: string, seq: number): string {
  return `${year}-${courtCode}-${String(seq).padStart(6, '0')}`;
}
