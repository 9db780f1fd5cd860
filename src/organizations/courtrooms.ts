/**
 * Courtrooms, the rooms of a court that in-person hearings book (docs/domain.md, "The court's own
 * acts"). A court's administrator adds them and takes them out of use; anyone reads a court's rooms.
 * A hearing names its room by id, or by name: a name met for the first time registers the room, so
 * that every booking of one room is of one row, which the hearings' exclusion constraint guards.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../access/authorize';
import type { RequestContext } from '../access/context/request-context';
import { Transactions } from '../core/database/transactions';
import { BadUserInputError, NotFoundError } from '../core/errors/domain-error';
import { Court } from './court.entity';
import { Courtroom } from './courtroom.entity';
import { ORGANIZATIONS } from './organizations-messages';

@Injectable()
export class Courtrooms {
  constructor(private readonly tx: Transactions) {}

  /** The rooms of these courts in use, by name (one query for a page of courts). */
  ofCourts(ctx: RequestContext, courtIds: readonly string[]): Promise<Courtroom[]> {
    return ctx
      .repo(Courtroom)
      .createQueryBuilder('r')
      .where('r.court_id = ANY(:ids) AND r.active', { ids: [...courtIds] })
      .orderBy('r.name')
      .getMany();
  }

  /** A court administrator adds a room to their court (an existing name answers that room, in use again). */
  add(ctx: RequestContext, courtId: string, name: string): Promise<Courtroom> {
    return this.tx.run(ctx, async (tx) => {
      authorize(tx, 'update', 'Court', { id: courtId });
      if (!(await tx.repo(Court).existsBy({ id: courtId }))) throw new NotFoundError(ORGANIZATIONS.courtNotFound());
      if (!name.trim()) throw BadUserInputError.field('input.name', ORGANIZATIONS.roomNameBlank());
      const room = await this.register(tx, courtId, name);
      if (!room.active) await tx.repo(Courtroom).update(room.id, { active: true });
      tx.audit({ action: 'courtroom.added', subjectType: 'Court', subjectId: courtId, after: { courtroomId: room.id, name: room.name } });
      return tx.repo(Courtroom).findOneByOrFail({ id: room.id });
    });
  }

  /** A court administrator takes a room out of use (hearings booked in it stay), or back into use. */
  setActive(ctx: RequestContext, id: string, active: boolean): Promise<Courtroom> {
    return this.tx.run(ctx, async (tx) => {
      const room = await tx.repo(Courtroom).findOneBy({ id });
      if (!room) throw new NotFoundError(ORGANIZATIONS.courtroomNotFound());
      authorize(tx, 'update', 'Court', { id: room.courtId });
      await tx.repo(Courtroom).update(id, { active });
      tx.audit({
        action: active ? 'courtroom.reopened' : 'courtroom.closed',
        subjectType: 'Court',
        subjectId: room.courtId,
        after: { courtroomId: id },
      });
      return { ...room, active };
    });
  }

  /**
   * The room an in-person hearing of `courtId` books, inside the scheduling transaction: by id (a
   * room of that court, in use), or by name (registered if new). `field` names the input refused.
   */
  async bookable(tx: RequestContext, courtId: string, by: { courtroomId?: string; room?: string }, field: string): Promise<Courtroom> {
    if (!by.courtroomId && !by.room?.trim()) throw BadUserInputError.field(`${field}.room`, ORGANIZATIONS.roomNameBlank());
    const room = by.courtroomId
      ? await tx.repo(Courtroom).findOneBy({ id: by.courtroomId, courtId })
      : await this.register(tx, courtId, by.room!);
    if (!room) throw BadUserInputError.field(`${field}.courtroomId`, ORGANIZATIONS.notARoomOfCourt());
    if (!room.active)
      throw BadUserInputError.field(
        by.courtroomId ? `${field}.courtroomId` : `${field}.room`,
        ORGANIZATIONS.roomOutOfUse({ name: room.name }),
      );
    return room;
  }

  /** The room of the court with this name, if there is one. */
  named(ctx: RequestContext, courtId: string, name: string): Promise<Courtroom | null> {
    return ctx.repo(Courtroom).findOneBy({ courtId, name: name.trim() });
  }

  /** The room of the court with this name, registered when it is new. */
  private async register(tx: RequestContext, courtId: string, name: string): Promise<Courtroom> {
    const trimmed = name.trim();
    await tx.manager.query(`INSERT INTO courtrooms (court_id, name) VALUES ($1, $2) ON CONFLICT (court_id, name) DO NOTHING`, [
      courtId,
      trimmed,
    ]);
    return tx.repo(Courtroom).findOneByOrFail({ courtId, name: trimmed });
  }
}
