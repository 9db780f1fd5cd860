/**
 * Deadlines on a court's calendar, for the other wings (docs/domain.md, "Dates and deadlines"):
 * where a period from an event ends in a court (court-periods.ts, with the court's calendar and
 * its holidays and the nationwide ones), and a stored deadline explained — its rule, nominal end,
 * the closed days it moved over and its Hijri day — in one pair of queries for many deadlines.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { hijriText, localDay } from '../core/clock/hijri';
import type { WorkContext } from '../core/context/work-context';
import type { LegalBasis } from '../core/rules/legal-basis';
import { Court } from './court.entity';
import { Deadline } from './court-deadline.model';
import { movedOverBetween, type NamedClosedDays, PERIOD_EXTENSION, periodEnd, type PeriodEnd, periodSpan } from './court-periods';
import { Holiday } from './holiday.entity';

/** A stored deadline to explain: the period's start, length and rule, and where it ended. */
export interface DeadlineFacts {
  courtId: string;
  startsAt: Date;
  days: number;
  dueAt: Date;
  rule: LegalBasis;
}

const DAY_MS = 86_400_000;

@Injectable()
export class CourtDeadlines {
  /** Where a period of `days` days from `start` ends in the court `courtId`. */
  async periodEnd(tx: WorkContext, courtId: string, start: Date, days: number): Promise<PeriodEnd> {
    const court = await tx.repo(Court).findOneByOrFail({ id: courtId });
    const { from, to } = periodSpan(start, days);
    return periodEnd(court, await this.closedDays(tx, [courtId], from, to), start, days);
  }

  /** Each stored deadline explained, in the order given. */
  async explain(tx: WorkContext, facts: readonly DeadlineFacts[]): Promise<Deadline[]> {
    if (!facts.length) return [];
    const courtIds = [...new Set(facts.map((f) => f.courtId))];
    const courts = new Map((await tx.repo(Court).findBy({ id: In(courtIds) })).map((c) => [c.id, c]));
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const from = iso(Math.min(...facts.map((f) => f.startsAt.getTime() + f.days * DAY_MS)) - DAY_MS);
    const to = iso(Math.max(...facts.map((f) => f.dueAt.getTime())) + DAY_MS);
    const closed = await this.closedDays(tx, courtIds, from, to);
    return facts.map((f) => {
      const court = courts.get(f.courtId)!;
      const own = closed.filter((h) => h.courtId === null || h.courtId === f.courtId);
      const nominalDueAt = new Date(f.startsAt.getTime() + f.days * DAY_MS);
      const movedOver = movedOverBetween(court, own, nominalDueAt, f.dueAt);
      return {
        startsAt: f.startsAt,
        days: f.days,
        nominalDueAt,
        dueAt: f.dueAt,
        dueOn: localDay(f.dueAt, court.timeZone),
        dueOnHijriAr: hijriText(f.dueAt, 'ar', court.timeZone),
        dueOnHijriEn: hijriText(f.dueAt, 'en', court.timeZone),
        movedOver,
        rule: f.rule,
        extension: movedOver.length ? PERIOD_EXTENSION : null,
      };
    });
  }

  /** The holidays of these courts and the nationwide ones that touch [from, to]. */
  private async closedDays(
    tx: WorkContext,
    courtIds: string[],
    from: string,
    to: string,
  ): Promise<(NamedClosedDays & { courtId: string | null })[]> {
    return tx
      .repo(Holiday)
      .createQueryBuilder('h')
      .where('h.ends_on >= :from AND h.starts_on <= :to', { from, to })
      .andWhere('(h.court_id IS NULL OR h.court_id = ANY(:courtIds))', { courtIds })
      .orderBy('h.starts_on')
      .getMany();
  }
}
