/**
 * Cohorts of lawsuits for the public court statistics, computed by PostgreSQL in one aggregate
 * query: no lawsuit row ever reaches Node, and nothing that names a party, a person or a case is
 * selected. The statistics wing defines the figures (docs/domain.md) and adds the courts' names.
 *
 * Per court, category and month of filing (the month in the given time zone):
 * - filed: submitted at least once (`submitted_at` set, so never a draft, nor a draft withdrawn
 *   before submission); the month is that of the latest submission (a corrected filing counts in
 *   the month it was resubmitted);
 * - registered: given a case number (`registered_at` set), whatever it became since;
 * - disposed: in a state at or past JUDGMENT_ISSUED, or WITHDRAWN, SETTLED, STRUCK_OFF or REJECTED,
 *   or with `decided_at` or `closed_at` set (a struck-off case that is resumed is pending again);
 * - pending: registered and not disposed;
 * - median_days: the median of `decided_at - registered_at` in days (percentile_cont), over the
 *   lawsuits that have both; null when none has;
 * - hearings / postponed_hearings / postponed_share: all hearings of those lawsuits and the
 *   postponed ones; the share is null when there was no hearing.
 * Only combinations with at least one filing appear.
 */
import { Injectable } from '@nestjs/common';
import type { WorkContext } from '../core/context/work-context';
import { LawsuitState } from './lawsuits/lawsuit-state-machine';
import type { LawsuitCategory } from './lawsuits/lawsuit.enums';

/** States in which a lawsuit is disposed of (decided, or ended without a decision). */
export const DISPOSED_STATES: readonly LawsuitState[] = [
  LawsuitState.JUDGMENT_ISSUED,
  LawsuitState.OBJECTED,
  LawsuitState.APPEAL_DECIDED,
  LawsuitState.FINAL,
  LawsuitState.EXECUTION_REQUESTED,
  LawsuitState.CLOSED,
  LawsuitState.WITHDRAWN,
  LawsuitState.SETTLED,
  LawsuitState.STRUCK_OFF,
  LawsuitState.REJECTED,
];

export interface CohortRow {
  court_id: string;
  category: LawsuitCategory;
  month: string;
  filed: number;
  registered: number;
  disposed: number;
  pending: number;
  median_days: number | null;
  hearings: number;
  postponed_hearings: number;
  postponed_share: number | null;
}

export interface CohortFilter {
  /** First and last month (YYYY-MM), both included. */
  range: { from: string; to: string };
  courtId?: string | null;
  category?: LawsuitCategory | null;
}

@Injectable()
export class CaseStatistics {
  /** The cohorts of lawsuits filed in the range, per court, category and month (in `timeZone`). */
  cohorts(ctx: WorkContext, timeZone: string, filter: CohortFilter): Promise<CohortRow[]> {
    const { range } = filter;
    // $1 time zone, $2 first month, $3 last month (both included), $4 disposed states; the month
    // bounds become instants in SQL, so the range stays a plain index range on submitted_at.
    const params: unknown[] = [timeZone, range.from, range.to, DISPOSED_STATES];
    const where = [
      'l.submitted_at IS NOT NULL',
      `l.state <> 'DRAFT'`,
      `l.submitted_at >= (($2::text || '-01')::timestamp AT TIME ZONE $1::text)`,
      `l.submitted_at < ((($3::text || '-01')::timestamp + interval '1 month') AT TIME ZONE $1::text)`,
    ];
    if (filter.courtId) where.push(`l.court_id = $${params.push(filter.courtId)}`);
    if (filter.category) where.push(`l.category = $${params.push(filter.category)}`);

    return ctx.manager.query<CohortRow[]>(
      `
      WITH filed AS (
        SELECT l.id, l.court_id, l.category,
               to_char(l.submitted_at AT TIME ZONE $1::text, 'YYYY-MM') AS month,
               l.registered_at, l.decided_at,
               (l.state = ANY($4::text[]) OR l.decided_at IS NOT NULL OR l.closed_at IS NOT NULL) AS disposed
          FROM lawsuits l
         WHERE ${where.join(' AND ')}
      ),
      hearing_counts AS (
        SELECT h.lawsuit_id,
               count(*) AS hearings,
               count(*) FILTER (WHERE h.state = 'POSTPONED') AS postponed
          FROM hearings h
         WHERE h.lawsuit_id IN (SELECT id FROM filed)
         GROUP BY h.lawsuit_id
      ),
      grouped AS (
        SELECT f.court_id, f.category, f.month,
               count(*)::int AS filed,
               count(*) FILTER (WHERE f.registered_at IS NOT NULL)::int AS registered,
               count(*) FILTER (WHERE f.disposed)::int AS disposed,
               count(*) FILTER (WHERE f.registered_at IS NOT NULL AND NOT f.disposed)::int AS pending,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.decided_at - f.registered_at)::float8 / 86400)
                 FILTER (WHERE f.decided_at IS NOT NULL AND f.registered_at IS NOT NULL) AS median_days,
               coalesce(sum(hc.hearings), 0)::int AS hearings,
               coalesce(sum(hc.postponed), 0)::int AS postponed_hearings
          FROM filed f
          LEFT JOIN hearing_counts hc ON hc.lawsuit_id = f.id
         GROUP BY f.court_id, f.category, f.month
      )
      SELECT g.court_id, g.category, g.month, g.filed, g.registered, g.disposed, g.pending,
             round(g.median_days::numeric, 2)::float8 AS median_days,
             g.hearings, g.postponed_hearings,
             CASE WHEN g.hearings > 0 THEN round(g.postponed_hearings::numeric / g.hearings, 4)::float8 END AS postponed_share
        FROM grouped g`,
      params,
    );
  }
}
