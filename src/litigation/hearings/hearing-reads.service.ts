/**
 * What is read of hearings: a case's hearings and their attendance, a party's meeting link (from
 * registration, 15 minutes before the start), minutes for those who may read them, the docket of a
 * judge's or circuit's days (each hearing with its lawsuit and parties in one statement, the access
 * rules spliced into the SQL), and the public cause list (no names, nothing sealed).
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { can } from '../../access/authorize';
import { accessibleCondition } from '../../access/sql-filter';
import { HearingSubject } from '../litigation.subjects';
import type { RequestContext } from '../../access/context/request-context';
import { jsonObjectOf, plainRows, revive, selectionOf } from '../../core/database/plain-rows';
import { NotFoundError } from '../../core/errors/domain-error';
import { OrganizationLookups } from '../../organizations';
import { LawsuitParty } from '../lawsuits/lawsuit-party.entity';
import { Lawsuit } from '../lawsuits/lawsuit.entity';
import { HearingAttendance } from './hearing-attendance.entity';
import { HearingMode, HearingState } from './hearing.enums';
import { Hearing } from './hearing.entity';
import type { DocketInput } from './hearing.inputs';
import { PowerCode } from '../../access/power-codes';
import { LITIGATION } from '../litigation-messages';

/** A party may register for a remote hearing from this long before it starts. */
export const REMOTE_CHECK_IN_MS = 15 * 60_000;

const LIVE = [HearingState.SCHEDULED, HearingState.HELD];

/** Which fields of the hearing (null: all), of its lawsuit and of the lawsuit's parties (null: not nested) a docket query asks for. */
export interface DocketNesting {
  hearing: readonly string[] | null;
  lawsuit: readonly string[] | null;
  parties: readonly string[] | null;
}
const NO_NESTING: DocketNesting = { hearing: null, lawsuit: null, parties: null };
/** What a hearing's field resolvers and rules read: its id, lawsuit, court and circuit. */
const HEARING_ALWAYS = ['id', 'lawsuitId', 'courtId', 'circuitId'];
/** What the lawsuit's own field resolvers and rules read: its id, court and circuit (masking), state. */
const LAWSUIT_ALWAYS = ['id', 'courtId', 'circuitId', 'state', 'sealed', 'caseNumber'];
/** What a party's field resolvers read (the rules mask its national ID). */
const PARTY_ALWAYS = ['id', 'lawsuitId', 'side', 'nationalId'];

function columnsFor(always: readonly string[], asked: readonly string[] | null): string[] {
  return [...new Set([...always, ...(asked ?? [])])].sort();
}

/**
 * A docket line: the hearing and, when the query asked for it, its lawsuit (null: not readable by
 * the caller) with its parties, read with it in one statement.
 */
export type DocketHearing = Hearing & { preloadedLawsuit?: Lawsuit | null; caseReadable?: boolean };

@Injectable()
export class HearingReads {
  constructor(private readonly organizations: OrganizationLookups) {}

  /** The meeting link, for court staff of the hearing and for parties who registered attendance. */
  async meetingLinkFor(ctx: RequestContext, hearing: Hearing): Promise<string | null> {
    if (!hearing.meetingLink) return null;
    if (can(ctx, 'read', 'Hearing', HearingSubject.shapeOf(hearing))) return hearing.meetingLink;
    if (!ctx.actor) return null;
    const [row] = await ctx.manager.query<unknown[]>(
      `SELECT 1 FROM hearing_attendance a JOIN lawsuit_parties p ON p.id = a.party_id
        WHERE a.hearing_id = $1 AND a.registered_at IS NOT NULL
          AND (p.national_id = ANY($2) OR (p.national_id IS NULL AND p.representative_id = $3))`,
      [
        hearing.id,
        [
          ctx.actor.nationalId,
          ...(ctx.actor.agencies ?? []).filter((a) => a.powers.includes(PowerCode.LIT_ATTEND)).map((a) => a.principalNationalId),
        ],
        ctx.actor.id,
      ],
    );
    return row ? hearing.meetingLink : null;
  }

  hearingsOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<Hearing[]> {
    return ctx.repo(Hearing).find({ where: { lawsuitId: In([...lawsuitIds]) }, order: { startsAt: 'ASC' } });
  }

  /** The attendance of these hearings, where the caller may read the case (not of a sealed one they do not sit on). */
  attendanceOf(ctx: RequestContext, hearingIds: readonly string[]): Promise<HearingAttendance[]> {
    const readable = accessibleCondition(ctx.ability, 'read', 'Lawsuit', 'l');
    return ctx
      .repo(HearingAttendance)
      .createQueryBuilder('a')
      .innerJoin(Hearing, 'h', 'h.id = a.hearing_id')
      .innerJoin(Lawsuit, 'l', 'l.id = h.lawsuit_id')
      .where('a.hearing_id IN (:...hearingIds)', { hearingIds: [...hearingIds] })
      .andWhere(readable.sql, readable.params)
      .getMany();
  }

  /**
   * Hearings of the days [from, to] (Riyadh) the caller may see: a judge's circuits, a clerk's court.
   * The docket is the judges' and clerks' hot read, so it is one prepared statement returning plain
   * rows: each hearing with the columns asked for and, when the query asks for them, its lawsuit and that lawsuit's parties
   * nested as JSON — each only where the caller may read the lawsuit, by the same rules, in SQL.
   * Where they may not (a sealed case of their circuit they do not sit on), the line is the slot
   * alone: its time, state, mode and room and the case's id, without minutes, attendance, meeting
   * link or postponement reason (docs/domain.md, "Sealed cases").
   */
  async docket(ctx: RequestContext, input: DocketInput, nest: DocketNesting = NO_NESTING): Promise<DocketHearing[]> {
    // Without the minutes (a long text the docket does not show; the `minutes` field loads it when asked).
    const hearing = selectionOf(ctx, Hearing, 'h', {
      omit: ['minutes'],
      only: nest.hearing ? columnsFor(HEARING_ALWAYS, nest.hearing) : undefined,
    });
    const access = accessibleCondition(ctx.ability, 'read', 'Hearing', 'h');
    // Only the columns asked for, and those the nested resolvers and masking rules rely on.
    const lawsuit = jsonObjectOf(ctx, Lawsuit, 'l', columnsFor(LAWSUIT_ALWAYS, nest.lawsuit));
    const party = jsonObjectOf(ctx, LawsuitParty, 'p', columnsFor(PARTY_ALWAYS, nest.parties));
    const readable = accessibleCondition(ctx.ability, 'read', 'Lawsuit', 'l');
    const nested = nest.lawsuit
      ? `, CASE WHEN r.ok THEN ${lawsuit.sql} END AS "lawsuit"` +
        (nest.parties
          ? `, CASE WHEN r.ok THEN (SELECT coalesce(json_agg(${party.sql} ORDER BY p.side, p.created_at), '[]')
               FROM lawsuit_parties p WHERE p.lawsuit_id = l.id) END AS "parties"`
          : '')
      : '';
    const rows = await plainRows<
      DocketHearing & { caseOk: boolean | null; lawsuit?: Record<string, unknown> | null; parties?: Record<string, unknown>[] | null }
    >(
      ctx,
      // The lawsuit's rules are evaluated once per line (OFFSET 0 keeps PostgreSQL from copying them into each use).
      `SELECT ${hearing.sql}, r.ok AS "caseOk"${nested} FROM hearings h
         JOIN lawsuits l ON l.id = h.lawsuit_id CROSS JOIN LATERAL (SELECT ${readable.sql} AS ok OFFSET 0) r
        WHERE ${access.sql}
          AND h.starts_at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Riyadh'
          AND h.starts_at < ((:to::date + 1)::timestamp AT TIME ZONE 'Asia/Riyadh')
          AND h.state IN (:...live)${input.circuitId ? ' AND h.circuit_id = :circuitId' : ''}
        ORDER BY h.starts_at, h.id LIMIT 500`,
      {
        ...access.params,
        ...readable.params,
        from: input.from,
        to: input.to ?? input.from,
        live: [...LIVE, HearingState.POSTPONED],
        circuitId: input.circuitId,
      },
      hearing,
    );
    // Several hearings of one lawsuit share one lawsuit object, as a DataLoader would give them.
    const lawsuits = new Map<string, Lawsuit>();
    return rows.map(({ lawsuit: row, parties, caseOk, ...h }) => {
      const line: DocketHearing = Object.assign(h, { caseReadable: caseOk === true });
      if (!line.caseReadable) Object.assign(line, { minutes: null, meetingLink: null, postponementReason: null });
      if (!nest.lawsuit) return line;
      let found: Lawsuit | null = null;
      if (row) {
        found = lawsuits.get(row.id as string) ?? null;
        if (!found) {
          found = revive<Lawsuit>(row, lawsuit);
          if (parties) found.parties = parties.map((p) => revive<LawsuitParty>(p, party));
          lawsuits.set(found.id, found);
        }
      }
      return Object.assign(line, { preloadedLawsuit: found });
    });
  }

  /** The minutes of these hearings, in the order of `ids`: null where the caller may not read the case (a sealed one). */
  async minutesOf(ctx: RequestContext, ids: readonly string[]): Promise<(string | null)[]> {
    const readable = accessibleCondition(ctx.ability, 'read', 'Lawsuit', 'l');
    const rows = await plainRows<{ id: string; minutes: string | null }>(
      ctx,
      `SELECT h.id, CASE WHEN ${readable.sql} THEN h.minutes END AS minutes
         FROM hearings h JOIN lawsuits l ON l.id = h.lawsuit_id WHERE h.id = ANY(:ids::uuid[])`,
      { ...readable.params, ids: [...ids] },
    );
    const byId = new Map(rows.map((r) => [r.id, r.minutes]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The public cause list of a court for a day: times, case numbers and circuits; no names, nothing sealed. */
  async causeList(ctx: RequestContext, courtCode: string, date: string) {
    const court = await this.organizations.courtByCode(ctx, courtCode);
    if (!court) throw new NotFoundError(LITIGATION.courtNotFound());
    const rows = await ctx.manager.query<
      {
        starts_at: Date;
        ends_at: Date;
        case_number: string;
        circuit_id: string;
        mode: HearingMode;
        room: string | null;
        state: HearingState;
      }[]
    >(
      `SELECT h.starts_at, h.ends_at, l.case_number, h.circuit_id, h.mode, h.room, h.state
         FROM hearings h JOIN lawsuits l ON l.id = h.lawsuit_id
        WHERE h.court_id = $1 AND NOT l.sealed AND h.state IN ('SCHEDULED','HELD')
          AND h.starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Riyadh'
          AND h.starts_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Riyadh'
        ORDER BY h.starts_at, l.case_number`,
      [court.id, date],
    );
    const circuits = await this.organizations.circuitsByIds(ctx, [...new Set(rows.map((r) => r.circuit_id))]);
    const codeOf = new Map(circuits.map((c) => [c.id, c.code]));
    return rows.map((r) => ({
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      caseNumber: r.case_number,
      circuitCode: codeOf.get(r.circuit_id)!,
      mode: r.mode,
      room: r.room,
      state: r.state,
    }));
  }
}
