/**
 * Public court statistics: the litigation wing's cohorts of lawsuits (one aggregate query in
 * PostgreSQL; no lawsuit row ever reaches Node) with the courts' names, ordered by month, court
 * code and category. An unknown court is told from a court without filings.
 *
 * Definitions (per court, category and month of filing, the month taken in Asia/Riyadh):
 * - filed: submitted at least once (`submitted_at` set, so never a draft, nor a draft withdrawn
 *   before submission); the month is that of the latest submission (a corrected filing counts in
 *   the month it was resubmitted);
 * - registered: given a case number (`registered_at` set), whatever it became since;
 * - disposed: in a state at or past JUDGMENT_ISSUED, or WITHDRAWN, SETTLED, STRUCK_OFF or REJECTED,
 *   or with `decided_at` or `closed_at` set (a struck-off case that is resumed is pending again);
 * - pending: registered and not disposed;
 * - medianDaysToJudgment: the median of `decided_at - registered_at` in days (percentile_cont),
 *   over the lawsuits that have both; null when none has;
 * - hearings / postponedHearings / postponedHearingShare: all hearings of those lawsuits and the
 *   postponed ones; the share is null when there was no hearing.
 * Each row describes a cohort (the lawsuits filed that month) as it stands now. Only combinations
 * with at least one filing appear.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../access/authorize';
import type { RequestContext } from '../access/context/request-context';
import { NotFoundError } from '../core/errors/domain-error';
import { CaseStatistics } from '../litigation';
import { OrganizationLookups } from '../organizations';
import { resolveMonthRange, STATISTICS_TIME_ZONE } from './month-range';
import type { CourtStatisticsFilter } from './statistics.inputs';
import type { CourtStatisticsRow } from './statistics.models';
import { STATISTICS } from './statistics-messages';

@Injectable()
export class StatisticsService {
  constructor(
    private readonly cases: CaseStatistics,
    private readonly organizations: OrganizationLookups,
  ) {}

  async courtStatistics(ctx: RequestContext, filter: CourtStatisticsFilter): Promise<CourtStatisticsRow[]> {
    authorize(ctx, 'read', 'CourtStatistics', filter.courtId ? { courtId: filter.courtId } : undefined);
    const range = resolveMonthRange(ctx.now(), filter);
    const rows = await this.cases.cohorts(ctx, STATISTICS_TIME_ZONE, { range, courtId: filter.courtId, category: filter.category });
    if (!rows.length && filter.courtId && !(await this.organizations.findCourt(ctx, filter.courtId)))
      throw new NotFoundError(STATISTICS.courtNotFound());
    const courts = new Map((await this.organizations.courtsByIds(ctx, [...new Set(rows.map((r) => r.court_id))])).map((c) => [c.id, c]));
    const sorted = rows
      .map((r) => ({ r, court: courts.get(r.court_id)! }))
      .sort((a, b) => cmp(a.r.month, b.r.month) || cmp(a.court.code, b.court.code) || cmp(a.r.category, b.r.category));
    return sorted.map(({ r, court }) => ({
      courtId: r.court_id,
      courtCode: court.code,
      courtNameAr: court.nameAr,
      courtNameEn: court.nameEn,
      category: r.category,
      month: r.month,
      filed: r.filed,
      registered: r.registered,
      disposed: r.disposed,
      pending: r.pending,
      medianDaysToJudgment: r.median_days,
      hearings: r.hearings,
      postponedHearings: r.postponed_hearings,
      postponedHearingShare: r.postponed_share,
    }));
  }
}

/** Court codes, months and category names compare as plain strings. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
