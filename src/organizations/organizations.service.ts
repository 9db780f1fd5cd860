/**
 * Courts, circuits, holidays, prosecution and notary offices. Changes are checked against the
 * caller's ability on the record, versioned (optimistic locking with an explicit version check)
 * and audited in the same transaction.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize } from '../access/authorize';
import { applyAbility } from '../access/sql-filter';
import { CircuitSubject, CourtSubject, HolidaySubject } from './organizations.subjects';
import type { RequestContext } from '../access/context/request-context';
import { Transactions } from '../core/database/transactions';
import { BadUserInputError, FieldError, NotFoundError, StaleVersionError } from '../core/errors/domain-error';
import { isIsoDay } from '../core/validation/iso-day';
import { Circuit } from './circuit.entity';
import { Court } from './court.entity';
import { Holiday } from './holiday.entity';
import { NotaryOffice, ProsecutionOffice } from './office.entities';
import {
  AddHolidayInput,
  CourtsFilter,
  CreateCircuitInput,
  CreateCourtInput,
  CreateOfficeInput,
  UpdateCircuitInput,
  UpdateCourtInput,
} from './organization.inputs';
import { calendarProblem, CalendarProblem, localParts } from './working-calendar';
import { STANDARD_WORKING_CALENDAR, standardCalendarRules } from './working-calendar-rules';
import { CourtWorkingCalendar } from './working-calendar.models';
import { ORGANIZATIONS } from './organizations-messages';
import type { Text } from '../core/i18n/messages';

/** The longest span of closed days one calendar read lists (three years), which bounds its answer. */
const MAX_CALENDAR_DAYS = 3 * 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type OfficeClass = typeof ProsecutionOffice | typeof NotaryOffice;
const subjectOf = (kind: OfficeClass) => (kind === ProsecutionOffice ? 'ProsecutionOffice' : 'NotaryOffice');

function defined<T extends object>(input: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as Partial<T>;
}

/** Maps a unique violation to the input field that collided. */
function uniqueAsInput(err: unknown, field: string, message: Text): never {
  if ((err as { code?: string }).code === '23505') throw BadUserInputError.field(field, message);
  throw err;
}

@Injectable()
export class OrganizationsService {
  constructor(private readonly tx: Transactions) {}

  courts(ctx: RequestContext, filter: CourtsFilter): Promise<Court[]> {
    const qb = ctx.repo(Court).createQueryBuilder('c');
    applyAbility(qb, ctx.ability, 'read', 'Court', 'c');
    if (filter.city) qb.andWhere('lower(c.city) = lower(:city)', { city: filter.city });
    if (filter.type) qb.andWhere('c.type = :type', { type: filter.type });
    return qb.orderBy('c.code').getMany();
  }

  async court(ctx: RequestContext, by: { id?: string; code?: string }): Promise<Court> {
    if (!by.id && !by.code) throw BadUserInputError.field('id', ORGANIZATIONS.idOrCode());
    const court = await ctx.repo(Court).findOneBy(by.id ? { id: by.id } : { code: by.code });
    if (!court) throw new NotFoundError(ORGANIZATIONS.courtNotFound());
    authorize(ctx, 'read', 'Court', CourtSubject.shapeOf(court));
    return court;
  }

  circuitsOfCourts(ctx: RequestContext, courtIds: readonly string[]): Promise<Circuit[]> {
    return ctx.repo(Circuit).find({ where: { courtId: In([...courtIds]) }, order: { code: 'ASC' } });
  }

  courtsByIds(ctx: RequestContext, ids: readonly string[]): Promise<Court[]> {
    return ctx.repo(Court).findBy({ id: In([...ids]) });
  }

  /** Holidays of a court (and nationwide ones) overlapping [from, to]. */
  holidays(ctx: RequestContext, courtId: string | null, from: string, to: string): Promise<Holiday[]> {
    const qb = ctx.repo(Holiday).createQueryBuilder('h').where('h.ends_on >= :from AND h.starts_on <= :to', { from, to });
    if (courtId) qb.andWhere('(h.court_id = :courtId OR h.court_id IS NULL)', { courtId });
    else qb.andWhere('h.court_id IS NULL');
    return qb.orderBy('h.starts_on').getMany();
  }

  /** Why [start, end) does not fit the court's calendar, or null. */
  async calendarProblem(ctx: RequestContext, court: Court, start: Date, end: Date): Promise<CalendarProblem | null> {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const closed = await this.holidays(
      ctx,
      court.id,
      day(new Date(start.getTime() - 86_400_000)),
      day(new Date(end.getTime() + 86_400_000)),
    );
    return calendarProblem(court, closed, start, end);
  }

  /**
   * A court's calendar with its closed days in [from, to] (default: today in the court's time
   * zone, to a year on), and the standard calendar it started from.
   */
  async workingCalendar(ctx: RequestContext, courtId: string, from?: string, to?: string): Promise<CourtWorkingCalendar> {
    if (!UUID.test(courtId)) throw BadUserInputError.field('courtId', ORGANIZATIONS.notACourtId());
    const court = await this.court(ctx, { id: courtId });
    const start = from ?? localParts(ctx.now(), court.timeZone).date;
    const problems: FieldError[] = [];
    if (!isIsoDay(start)) problems.push({ field: 'from', message: ORGANIZATIONS.day() });
    if (to !== undefined && !isIsoDay(to)) problems.push({ field: 'to', message: ORGANIZATIONS.day() });
    if (problems.length) throw new BadUserInputError(problems);
    const end = to ?? new Date(Date.parse(`${start}T00:00:00Z`) + 365 * 86_400_000).toISOString().slice(0, 10);
    if (end < start || Date.parse(end) - Date.parse(start) > MAX_CALENDAR_DAYS * 86_400_000)
      throw BadUserInputError.field('to', ORGANIZATIONS.calendarSpan({ days: MAX_CALENDAR_DAYS }));
    return {
      courtId: court.id,
      timeZone: court.timeZone,
      workDays: court.workDays,
      workStart: court.workStart.slice(0, 5),
      workEnd: court.workEnd.slice(0, 5),
      from: start,
      to: end,
      holidays: await this.holidays(ctx, court.id, start, end),
      standard: STANDARD_WORKING_CALENDAR,
    };
  }

  async createCourt(ctx: RequestContext, input: CreateCourtInput): Promise<Court> {
    authorize(ctx, 'create', 'Court');
    return this.tx.run(ctx, async (tx) => {
      const court = await tx
        .repo(Court)
        .save(tx.repo(Court).create({ ...standardCalendarRules(), ...input, city: input.city.trim() }))
        .catch((err) => uniqueAsInput(err, 'input.code', ORGANIZATIONS.courtCodeUsed()));
      const saved = await tx.repo(Court).findOneByOrFail({ id: court.id });
      tx.audit({ action: 'court.created', subjectType: 'Court', subjectId: saved.id, after: input });
      return saved;
    });
  }

  async updateCourt(ctx: RequestContext, input: UpdateCourtInput): Promise<Court> {
    return this.tx.run(ctx, async (tx) => {
      const court = await tx.repo(Court).findOneBy({ id: input.id });
      if (!court) throw new NotFoundError(ORGANIZATIONS.courtNotFound());
      const changes = defined(input, ['nameAr', 'nameEn', 'workDays', 'workStart', 'workEnd']);
      const shape = CourtSubject.shapeOf(court);
      authorize(tx, 'update', 'Court', shape);
      for (const field of Object.keys(changes)) authorize(tx, 'update', 'Court', shape, field);
      const next = { ...court, ...changes };
      if (next.workEnd.slice(0, 5) <= next.workStart.slice(0, 5))
        throw BadUserInputError.field('input.workEnd', ORGANIZATIONS.workEndAfterStart());
      await this.versionedUpdate(tx, Court, 'Court', input.id, input.version, changes);
      tx.audit({
        action: 'court.updated',
        subjectType: 'Court',
        subjectId: court.id,
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, court[k as keyof Court]])),
        after: changes,
      });
      return tx.repo(Court).findOneByOrFail({ id: court.id });
    });
  }

  async createCircuit(ctx: RequestContext, input: CreateCircuitInput): Promise<Circuit> {
    authorize(ctx, 'create', 'Circuit', { courtId: input.courtId });
    return this.tx.run(ctx, async (tx) => {
      if (!(await tx.repo(Court).exists({ where: { id: input.courtId } })))
        throw BadUserInputError.field('input.courtId', ORGANIZATIONS.noSuchCourt());
      const circuit = await tx
        .repo(Circuit)
        .save(tx.repo(Circuit).create({ ...input, active: true }))
        .catch((err) => uniqueAsInput(err, 'input.code', ORGANIZATIONS.circuitCodeUsed()));
      tx.audit({ action: 'circuit.created', subjectType: 'Circuit', subjectId: circuit.id, after: input });
      return tx.repo(Circuit).findOneByOrFail({ id: circuit.id });
    });
  }

  async updateCircuit(ctx: RequestContext, input: UpdateCircuitInput): Promise<Circuit> {
    return this.tx.run(ctx, async (tx) => {
      const circuit = await tx.repo(Circuit).findOneBy({ id: input.id });
      if (!circuit) throw new NotFoundError(ORGANIZATIONS.circuitNotFound());
      authorize(tx, 'update', 'Circuit', CircuitSubject.shapeOf(circuit));
      const changes = defined(input, ['nameAr', 'nameEn', 'active']);
      await this.versionedUpdate(tx, Circuit, 'Circuit', input.id, input.version, changes);
      tx.audit({
        action: 'circuit.updated',
        subjectType: 'Circuit',
        subjectId: circuit.id,
        before: Object.fromEntries(Object.keys(changes).map((k) => [k, circuit[k as keyof Circuit]])),
        after: changes,
      });
      return tx.repo(Circuit).findOneByOrFail({ id: circuit.id });
    });
  }

  async addHoliday(ctx: RequestContext, input: AddHolidayInput): Promise<Holiday> {
    const courtId = input.courtId ?? null;
    authorize(ctx, 'create', 'Holiday', { courtId });
    if (input.endsOn < input.startsOn) throw BadUserInputError.field('input.endsOn', ORGANIZATIONS.endsBeforeStarts());
    return this.tx.run(ctx, async (tx) => {
      if (courtId && !(await tx.repo(Court).exists({ where: { id: courtId } })))
        throw BadUserInputError.field('input.courtId', ORGANIZATIONS.noSuchCourt());
      const holiday = await tx.repo(Holiday).save(tx.repo(Holiday).create({ ...input, courtId }));
      tx.audit({ action: 'holiday.added', subjectType: 'Holiday', subjectId: holiday.id, after: { ...input, courtId } });
      return holiday;
    });
  }

  async removeHoliday(ctx: RequestContext, id: string): Promise<boolean> {
    return this.tx.run(ctx, async (tx) => {
      const holiday = await tx.repo(Holiday).findOneBy({ id });
      if (!holiday) throw new NotFoundError(ORGANIZATIONS.holidayNotFound());
      authorize(tx, 'delete', 'Holiday', HolidaySubject.shapeOf(holiday));
      await tx.repo(Holiday).delete(id);
      tx.audit({ action: 'holiday.removed', subjectType: 'Holiday', subjectId: id, before: { ...holiday } });
      return true;
    });
  }

  offices(ctx: RequestContext, kind: OfficeClass): Promise<ProsecutionOffice[]> {
    const qb = ctx.repo<ProsecutionOffice>(kind).createQueryBuilder('o');
    applyAbility(qb, ctx.ability, 'read', subjectOf(kind), 'o');
    return qb.orderBy('o.code').getMany();
  }

  async createOffice(ctx: RequestContext, kind: OfficeClass, input: CreateOfficeInput): Promise<ProsecutionOffice> {
    const subject = subjectOf(kind);
    authorize(ctx, 'create', subject);
    return this.tx.run(ctx, async (tx) => {
      // Both office kinds have the same columns; the class picks the table.
      const repo = tx.repo<ProsecutionOffice>(kind);
      const saved = await repo
        .save(repo.create({ ...input, city: input.city.trim() }))
        .catch((err) => uniqueAsInput(err, 'input.code', ORGANIZATIONS.officeCodeUsed()));
      tx.audit({ action: `${subject}.created`, subjectType: subject, subjectId: saved.id, after: input });
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  /** UPDATE … WHERE id AND version: zero rows means someone else changed it first. */
  private async versionedUpdate(
    tx: RequestContext,
    entity: typeof Court | typeof Circuit,
    name: string,
    id: string,
    version: number,
    changes: object,
  ): Promise<void> {
    if (!Object.keys(changes).length) return;
    const result = await tx
      .repo(entity)
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw new StaleVersionError();
  }
}
